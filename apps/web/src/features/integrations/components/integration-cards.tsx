import { Badge, Card, Col, Row, Statistic, Tooltip, Typography } from 'antd';
import { formatDateTime } from '../../../lib/format';
import type { IntegrationRow } from '../api/integrations';

function healthBadge(row: IntegrationRow) {
  if (!row.connected) return <Badge status="default" text="未接入" />;
  return <Badge status={row.healthy ? 'success' : 'error'} text={row.health} />;
}

/** One card per outside system: health, queue depth, failures, last success. */
export function IntegrationCards({ rows, loading }: { rows: readonly IntegrationRow[]; loading: boolean }) {
  return (
    <Row gutter={[16, 16]}>
      {rows.map((row) => (
        <Col key={row.system} xs={24} md={12} xl={8} xxl={4}>
          <Card
            title={row.label}
            size="small"
            loading={loading && rows.length === 0}
            aria-label={`${row.label}接入状态`}
            style={{ height: '100%' }}
          >
            <div style={{ marginBottom: 12 }}>{healthBadge(row)}</div>
            <Row gutter={8}>
              <Col span={8}>
                <Statistic title="待发送" value={row.queueDepth} />
              </Col>
              <Col span={8}>
                <Statistic title="重试中" value={row.retrying} valueStyle={row.retrying ? { color: '#d48806' } : {}} />
              </Col>
              <Col span={8}>
                <Statistic title="死信" value={row.dead} valueStyle={row.dead ? { color: '#cf1322' } : {}} />
              </Col>
            </Row>
            <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
              最近成功：{row.lastSuccessAt ? formatDateTime(row.lastSuccessAt) : '—'}
            </Typography.Paragraph>
            {row.lastError ? (
              <Tooltip title={row.lastError}>
                <Typography.Paragraph type="danger" ellipsis style={{ margin: 0 }}>
                  最近错误：{row.lastError}
                </Typography.Paragraph>
              </Tooltip>
            ) : null}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
