import { formatTrackingCode } from '@citygov/domain/tracking/tracking-code';
import { Button, Result, Typography } from 'antd';
import { Link } from 'react-router';
import type { ReportedCase } from '../api/intake';

/**
 * After 登记: the new case number, the caller's 查询码 for a citizen's report (the number
 * is internal; the code is what the caller can follow it by), a link to its detail, and a
 * way to register the next one.
 */
export function IntakeSuccess({ reported, onNext }: { reported: ReportedCase; onNext: () => void }) {
  const lead = reported.mergedInto;
  return (
    <Result
      status="success"
      title={`登记成功，案件编号 ${reported.caseNo}`}
      subTitle={
        <>
          <div>
            {lead
              ? `系统判定与案件 ${lead.caseNo}（${lead.statusName}）为同一问题，已自动并案，由该案件统一办理。`
              : '案件已进入待受理队列，受理时限开始计时。'}
          </div>
          {reported.trackingCode ? (
            <div style={{ marginTop: 8 }}>
              请告知反映人查询码{' '}
              <Typography.Text strong copyable data-testid="intake-tracking-code">
                {formatTrackingCode(reported.trackingCode)}
              </Typography.Text>
              ，凭此码可在网上查询办理进度。
            </div>
          ) : null}
        </>
      }
      extra={[
        <Link key="open" to={`/desk/cases/${reported.id}`}>
          <Button type="primary">查看案件详情</Button>
        </Link>,
        <Button key="next" onClick={onNext}>
          继续登记
        </Button>,
      ]}
    />
  );
}
