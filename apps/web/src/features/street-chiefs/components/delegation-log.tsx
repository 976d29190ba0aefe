import { Alert, Button, Empty, Skeleton, Tag } from 'antd';
import { useDelegations, useEndDelegation } from '../api/chiefs';
import styles from './chiefs.module.css';

const STATE_COLORS = { scheduled: 'blue', active: 'green', ended: 'default' } as const;

function when(at: Date | string): string {
  return new Date(at).toLocaleString('zh-CN', { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

/** 交接记录: what the chief handed over and what was handed to them; a running one may be ended early. */
export function DelegationLog() {
  const log = useDelegations();
  const end = useEndDelegation();
  if (log.isPending) return <Skeleton active />;
  if (log.isError) return <Alert type="error" showIcon message={log.error.message} />;
  return (
    <section className={styles.section} aria-label="交接记录">
      <h2 className={styles.sectionTitle}>交接记录</h2>
      {log.data.length === 0 ? (
        <Empty description="暂无交接记录" />
      ) : (
        <ul className={styles.list}>
          {log.data.map((d) => (
            <li key={d.id} className={styles.logItem} aria-label={`交接 ${d.fromName} 至 ${d.toName}`}>
              <div className={styles.cardTop}>
                <span className={styles.cardTitle}>
                  {d.direction === 'given' ? `交给 ${d.toName}` : `接 ${d.fromName} 的班`}
                </span>
                <Tag color={STATE_COLORS[d.state]}>{d.stateName}</Tag>
              </div>
              <div className={styles.cardLine}>
                {when(d.startsAt)} 至 {when(d.endedAt && d.endedAt < d.endsAt ? d.endedAt : d.endsAt)}
              </div>
              <div className={styles.cardLine}>
                {d.grids
                  ? `网格：${d.grids.slice(0, 4).join('、')}${d.grids.length > 4 ? ` 等 ${d.grids.length} 个` : ''}`
                  : '全部网格'}
                {' · '}
                {d.reason}
              </div>
              {d.state !== 'ended' ? (
                <Button
                  size="small"
                  danger
                  loading={end.isPending && end.variables?.id === d.id}
                  onClick={() => end.mutate({ id: d.id })}
                >
                  提前结束
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
