import { ClockCircleOutlined, EnvironmentOutlined, PauseCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { Link } from 'react-router';
import type { CaseListRow } from '../api/street-cases';
import { ATTENTION_COLORS, deadlineTag, formatShort, statusTag } from '../labels';
import { distanceMetres, formatDistance, type LngLat } from '../lib/distance';
import { AttentionLines } from './attention-lines';
import styles from './phone.module.css';

/** One case on a phone list: what, where, how far, and how much time is left. */
export function CaseCard({
  row,
  to,
  here,
  showStatus = false,
}: {
  row: CaseListRow;
  to: string;
  here: LngLat | null;
  showStatus?: boolean;
}) {
  const deadline = deadlineTag(row.deadlineLevel);
  const status = statusTag(row.status);
  const distance = here ? formatDistance(distanceMetres(here, row)) : null;
  return (
    <Link to={to} className={styles.card}>
      <div className={styles.cardTop}>
        <span className={styles.cardTitle}>{row.categoryName ?? `分类 ${row.categoryCode}`}</span>
        {row.urgency === 'urgent' ? <Tag color="red">紧急</Tag> : null}
        {showStatus ? <Tag color={status.color}>{status.label}</Tag> : null}
        {row.attention.map((a) => (
          <Tag key={a.kind} color={ATTENTION_COLORS[a.kind]}>
            {a.label}
          </Tag>
        ))}
        {!showStatus && deadline ? <Tag color={deadline.color}>{deadline.label}</Tag> : null}
      </div>
      <div className={styles.cardLine}>
        <EnvironmentOutlined aria-hidden="true" />
        <span style={{ flex: 1, minWidth: 0 }}>{row.address ?? '（无地址）'}</span>
        {distance ? <strong style={{ color: '#1558b0', whiteSpace: 'nowrap' }}>{distance}</strong> : null}
      </div>
      {!showStatus && row.pausedAt ? (
        <div className={styles.cardLine}>
          <PauseCircleOutlined aria-hidden="true" />
          <span>已挂账，计时暂停</span>
        </div>
      ) : !showStatus && row.stageDeadlineAt ? (
        <div className={styles.cardLine}>
          <ClockCircleOutlined aria-hidden="true" />
          <span>截止 {formatShort(row.stageDeadlineAt)}</span>
        </div>
      ) : null}
      <AttentionLines attention={row.attention} />
      {showStatus && row.mergedInto ? (
        <div className={styles.cardLine} data-testid="merged-lead">
          <span>
            已并入 {row.mergedInto.caseNo} · 主案件：<strong>{row.mergedInto.statusName}</strong>
          </span>
        </div>
      ) : null}
      <div className={styles.cardMeta}>
        <span>{row.caseNo}</span>
        <span>上报于 {formatShort(row.reportedAt)}</span>
      </div>
    </Link>
  );
}
