import { EnvironmentOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, Empty, Segmented, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type ChiefQueueItem, useChiefQueue } from '../api/chiefs';
import { LINE_COLORS } from '../chief-labels';
import styles from './chiefs.module.css';

function QueueCard({ item }: { item: ChiefQueueItem }) {
  const next = item.actions.filter((a) => a.enabled).map((a) => a.label);
  return (
    <Link
      to={`/m/chief/${item.id}`}
      className={styles.card}
      aria-label={`${item.categoryName ?? item.categoryCode} ${item.caseNo}`}
    >
      <div className={styles.cardTop}>
        <span className={styles.cardTitle}>{item.categoryName ?? `分类 ${item.categoryCode}`}</span>
        {item.lineName && item.chiefLine ? <Tag color={LINE_COLORS[item.chiefLine]}>{item.lineName}线</Tag> : null}
        <Tag>{item.pendingName ?? item.statusName}</Tag>
      </div>
      <div className={styles.cardLine}>
        <EnvironmentOutlined aria-hidden="true" />
        <span>{item.address}</span>
      </div>
      <div className={styles.cardDesc}>{item.description}</div>
      <div className={styles.cardMeta}>
        <span>{item.caseNo}</span>
        {item.todo ? <span className={styles.next}>可办：{next.join(' / ')}</span> : <span>等待他人处理</span>}
      </div>
    </Link>
  );
}

/** The chief's phone list: 待处理 (an action is open to them now) and 跟踪中 (waiting on others). */
export function ChiefQueue() {
  const queue = useChiefQueue();
  const [tab, setTab] = useState<'todo' | 'watch'>('todo');
  if (queue.isPending) return <Skeleton active />;
  if (queue.isError) return <Alert type="error" showIcon message={queue.error.message} />;
  const todo = queue.data.filter((c) => c.todo);
  const watch = queue.data.filter((c) => !c.todo);
  const shown = tab === 'todo' ? todo : watch;
  return (
    <>
      <Link to="/m/handover" className={styles.handoverLink}>
        <SwapOutlined aria-hidden="true" /> 交接班（A/B岗）
      </Link>
      <Segmented
        block
        value={tab}
        onChange={(v) => setTab(v as 'todo' | 'watch')}
        options={[
          { value: 'todo', label: `待处理 ${todo.length}` },
          { value: 'watch', label: `跟踪中 ${watch.length}` },
        ]}
        aria-label="街面任务分类"
      />
      {shown.length === 0 ? (
        <Empty description={tab === 'todo' ? '暂无待处理的街面问题' : '暂无跟踪中的案件'} />
      ) : (
        <ul className={styles.list} aria-label="街面任务">
          {shown.map((item) => (
            <li key={item.id}>
              <QueueCard item={item} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
