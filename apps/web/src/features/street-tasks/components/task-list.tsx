import { AimOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Segmented, Spin } from 'antd';
import { useSearchParams } from 'react-router';
import { apiErrorMessage } from '../../../lib/api-error';
import { formatBoundedTotal } from '../../../lib/bounded-total';
import { type StreetQueueKey, useQueueCases, useStreetQueues } from '../api/street-cases';
import { useKnownPosition } from '../hooks/use-geolocation';
import { CaseCard } from './case-card';
import { CaseNotices } from './case-notices';
import styles from './phone.module.css';

/**
 * 我的任务: the street queues this user works (核实/核查 for collectors, 待签收/处置中 for
 * department handlers) as tabs with counts; the chosen one lives in ?queue= so it survives 返回.
 */
export function TaskList() {
  const queues = useStreetQueues();
  const [params, setParams] = useSearchParams();
  const available = queues.data ?? [];
  const asked = params.get('queue');
  // Without a choice in the URL, open the first tab that holds work (处置中 rather than an empty 待签收).
  const current: StreetQueueKey | null =
    available.find((q) => q.key === asked)?.key ?? available.find((q) => q.count > 0)?.key ?? available[0]?.key ?? null;
  const cases = useQueueCases(current);
  const position = useKnownPosition();
  const here = position.fix;

  if (queues.isPending) return <Spin size="large" description="正在加载任务…" style={{ margin: '40px auto' }} />;
  if (queues.isError) return <Alert type="error" showIcon title={apiErrorMessage(queues.error)} />;
  if (available.length === 0) return <Empty description="您的角色没有街面任务" />;

  const label = available.find((q) => q.key === current)?.label ?? '任务';
  return (
    <>
      <CaseNotices />
      <Segmented<StreetQueueKey>
        block
        size="large"
        aria-label="任务类型"
        value={current ?? undefined}
        onChange={(key) => setParams({ queue: key }, { replace: true })}
        className={styles.queueTabs}
        options={available.map((q) => ({
          value: q.key,
          // Two lines (name, count) so 协办待反馈 fits a 390 px phone with three tabs.
          label: (
            <span className={styles.queueTab}>
              <span>{q.label}</span>
              <span className={styles.queueCount}>（{formatBoundedTotal(q.count, q.more)}）</span>
            </span>
          ),
        }))}
      />
      {here ? null : (
        <Button
          icon={<AimOutlined aria-hidden="true" />}
          loading={position.locating}
          onClick={() => void position.locate()}
          aria-describedby={position.error ? 'task-locate-error' : undefined}
        >
          定位以显示距离
        </Button>
      )}
      {position.error ? <Alert id="task-locate-error" type="warning" showIcon title={position.error} closable /> : null}
      {cases.isPending ? <Spin description="正在加载…" style={{ margin: '24px auto' }} /> : null}
      {cases.isError && !cases.data ? <Alert type="error" showIcon title={apiErrorMessage(cases.error)} /> : null}
      {cases.data && cases.data.rows.length === 0 ? <Empty description={`暂无${label}`} /> : null}
      <ul aria-label={`${label}列表`} style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 10 }}>
        {(cases.data?.rows ?? []).map((row) => (
          <li key={row.id}>
            <CaseCard row={row} to={`/m/tasks/${row.id}`} here={here} />
          </li>
        ))}
      </ul>
    </>
  );
}
