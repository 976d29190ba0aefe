import { Col, Row, Typography } from 'antd';
import { DelegationLog } from '../../features/street-chiefs/components/delegation-log';
import { HandoverForm } from '../../features/street-chiefs/components/handover-form';

/** /street/handover — 交接班 on the desk, for area chiefs who plan a night duty or a leave from the office. */
export function HandoverDeskPage() {
  return (
    <div style={{ padding: 24, maxWidth: 1200 }}>
      <Typography.Title level={3}>交接班（A/B岗）</Typography.Title>
      <Row gutter={24}>
        <Col xs={24} lg={10}>
          <HandoverForm />
        </Col>
        <Col xs={24} lg={14}>
          <DelegationLog />
        </Col>
      </Row>
    </div>
  );
}
