import { Empty, Space, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../lib/format';
import type { CaseTimelineEntry } from '../api/cases';
import { statusName } from '../labels';
import { describeEventDetail } from '../timeline-detail';

const REFUSALS = new Set(['refuseFiling', 'rejectReturn', 'rejectExtension', 'rejectHangUp', 'rejectVoid', 'rework']);
const ALERTS = new Set(['instruct', 'supervise', 'remind', 'markDifficult']);

function colorOf(entry: CaseTimelineEntry): string {
  if (REFUSALS.has(entry.action) || entry.toStatus === 'voided') return 'red';
  if (ALERTS.has(entry.action)) return 'orange';
  if (entry.toStatus === 'closed') return 'green';
  if (entry.action === 'remark') return 'gray';
  return 'blue';
}

/** 流转记录: every action in order, with who, when (China time), why and what was chosen. */
export function CaseTimeline({ entries }: { entries: readonly CaseTimelineEntry[] }) {
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无流转记录" />;
  return (
    <section aria-label="流转记录">
      <Timeline
        titleSpan="150px"
        items={entries.map((entry) => {
          const lines = describeEventDetail(entry.action, entry.detail);
          const moved = entry.fromStatus !== entry.toStatus;
          return {
            key: entry.id,
            color: colorOf(entry),
            title: (
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {formatDateTime(entry.at)}
              </Typography.Text>
            ),
            content: (
              <div>
                <Space size={8} wrap>
                  <Typography.Text strong>{entry.label}</Typography.Text>
                  <Typography.Text>{entry.actorName ?? '系统'}</Typography.Text>
                  {moved ? (
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {entry.fromStatus ? `${statusName(entry.fromStatus)} → ` : ''}
                      {statusName(entry.toStatus)}
                    </Typography.Text>
                  ) : null}
                </Space>
                {entry.reason ? (
                  <div style={{ marginTop: 2 }}>
                    {entry.action === 'remark' ? '备注' : '意见'}：{entry.reason}
                  </div>
                ) : null}
                {lines.length > 0 ? (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                    {lines.join('；')}
                  </Typography.Text>
                ) : null}
              </div>
            ),
          };
        })}
      />
    </section>
  );
}
