import { Card, Col, Empty, Row, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { formatBoundedTotal } from '../../../lib/bounded-total';
import type { CaseQueueCount } from '../api/cases';

const ALERT_QUEUES = new Set(['overdue', 'warning', 'checkFailed']);

/** 待办队列 with live counts; each opens the case list filtered to that queue. */
export function QueueCards({ queues, loading }: { queues: readonly CaseQueueCount[]; loading: boolean }) {
  if (loading) return <Skeleton active />;
  if (queues.length === 0) return <Empty description="您的角色没有待办队列" />;
  return (
    <Row gutter={[16, 16]}>
      {queues.map((queue) => {
        const alert = ALERT_QUEUES.has(queue.key) && queue.count > 0;
        // "10,000+": the count stops there.
        const count = formatBoundedTotal(queue.count, queue.more);
        return (
          <Col key={queue.key} xs={12} md={8} xl={6} xxl={4}>
            <Link to={`/desk/cases?queue=${queue.key}`} aria-label={`${queue.label} ${count} 件`}>
              <Card hoverable size="small" style={alert ? { borderColor: '#ffa39e' } : undefined}>
                <Typography.Text type="secondary">{queue.label}</Typography.Text>
                <div
                  style={{
                    fontSize: 30,
                    fontWeight: 600,
                    lineHeight: 1.3,
                    color: alert ? '#cf1322' : queue.count > 0 ? '#1558b0' : '#8c8c8c',
                  }}
                >
                  {count}
                  <span style={{ fontSize: 14, fontWeight: 400, marginLeft: 4, color: '#595959' }}>件</span>
                </div>
              </Card>
            </Link>
          </Col>
        );
      })}
    </Row>
  );
}
