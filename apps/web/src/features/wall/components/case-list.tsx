import type { WallCase } from '../api/wall-api';
import styles from '../wall.module.css';

function clock(at: Date | string) {
  return new Date(at).toLocaleTimeString('zh-CN', { hour12: false, hour: '2-digit', minute: '2-digit' });
}

function overdueFor(deadline: Date | string | null, now: number) {
  if (!deadline) return null;
  const late = now - new Date(deadline).getTime();
  if (late <= 0) return null;
  const hours = Math.floor(late / 3_600_000);
  return hours >= 24 ? `超期${Math.floor(hours / 24)}天` : hours >= 1 ? `超期${hours}小时` : '已超期';
}

/** A list of cases on the wall: the live list (new rows highlighted) or the overdue / 督办 list. */
export function CaseList({
  rows,
  label,
  variant,
  now,
}: {
  rows: readonly (WallCase & { freshUntil?: number })[];
  label: string;
  variant: 'live' | 'watch';
  now: number;
}) {
  return (
    <ul className={styles.list} aria-label={label}>
      {rows.map((row) => {
        const fresh = (row.freshUntil ?? 0) > now;
        const late = variant === 'watch' ? overdueFor(row.stageDeadlineAt, now) : null;
        return (
          <li key={row.id} className={`${styles.row} ${fresh ? styles.rowFresh : ''}`} data-fresh={fresh || undefined}>
            <span className={styles.rowTime}>
              {clock(variant === 'live' ? row.reportedAt : (row.stageDeadlineAt ?? row.reportedAt))}
            </span>
            <span className={styles.rowMain}>
              {row.urgent ? <span className={`${styles.tag} ${styles.tagUrgent}`}>紧急</span> : null}
              {late ? <span className={`${styles.tag} ${styles.tagOverdue}`}>{late}</span> : null}
              {variant === 'watch' && row.supervised ? <span className={styles.tag}>督办</span> : null}
              {row.categoryName}
            </span>
            <span className={styles.rowSub}>
              {row.caseNo} · {row.streetName} · {row.address} · {variant === 'live' ? row.sourceName : row.status}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
