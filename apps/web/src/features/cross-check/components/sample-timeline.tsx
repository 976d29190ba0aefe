import { Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../lib/format';
import type { SampleDetail } from '../api/cross-check';

/** 办理记录, oldest first: who did what and when, late steps in red (时限造假 shows against the deadline). */
export function SampleTimeline({ timeline }: { timeline: SampleDetail['timeline'] }) {
  return (
    <Timeline
      items={timeline.map((e) => {
        const late = e.deadlineAt !== null && new Date(e.at).getTime() > new Date(e.deadlineAt).getTime();
        return {
          key: e.id,
          color: e.label.startsWith('抽查') ? 'purple' : late ? 'red' : 'blue',
          children: (
            <>
              <Typography.Text strong>{e.label}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {formatDateTime(e.at)} · {e.actorName ?? '系统'}
              </Typography.Text>
              {late ? <Typography.Text type="danger"> 超时</Typography.Text> : null}
              {e.reason ? <div style={{ whiteSpace: 'pre-wrap' }}>{e.reason}</div> : null}
            </>
          ),
        };
      })}
    />
  );
}
