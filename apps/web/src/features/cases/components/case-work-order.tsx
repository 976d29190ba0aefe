import { formatDateTime } from '../../../lib/format';
import type { CaseDetail } from '../api/cases';
import { caseFieldsSheet } from '../export/case-sheets';
import { statusName } from '../labels';
import { describeEventDetail } from '../timeline-detail';
import styles from './case-work-order.module.css';

const PURPOSES: Record<string, string> = { report: '上报', verify: '核实', feedback: '处置', check: '核查' };
/** Long values get a row of their own; short ones sit two to a row to keep the order on one page. */
const WIDE = new Set(['问题描述', '类别', '立案条件', '结案条件', '地址', '网格', '剩余时间']);

function cellText(cell: unknown): string {
  const value = cell && typeof cell === 'object' && 'value' in cell ? cell.value : cell;
  return value === undefined || value === null || value === '' ? '—' : String(value);
}

function fieldRows(fields: readonly (readonly [string, string])[]): (readonly [string, string])[][] {
  const rows: (readonly [string, string])[][] = [];
  let pending: (readonly [string, string])[] = [];
  for (const field of fields) {
    if (WIDE.has(field[0])) rows.push([field]);
    else {
      pending.push(field);
      if (pending.length === 2) {
        rows.push(pending);
        pending = [];
      }
    }
  }
  if (pending.length > 0) rows.push(pending);
  return rows;
}

/** 案件工单 for printing: every field, the photos and the timeline, black on white, A4. */
export function CaseWorkOrder({ detail, printedBy }: { detail: CaseDetail; printedBy: string }) {
  // The same label/value pairs as the Excel export, so a printed and an exported case agree.
  const fields = caseFieldsSheet(detail)
    .slice(1)
    .map(([label, value]) => [cellText(label), cellText(value)] as const);
  const images = detail.attachments.filter((a) => a.mime.startsWith('image/'));
  // Numbered within each step: 上报照片 1, 上报照片 2, 处置照片 1…
  const photos = images.map((photo, i) => ({
    ...photo,
    caption: `${PURPOSES[photo.purpose] ?? ''}照片 ${images.slice(0, i + 1).filter((p) => p.purpose === photo.purpose).length}`,
  }));
  return (
    <article className={styles.sheet} aria-label="案件工单">
      <h1 className={styles.title}>城市综合管理服务平台 案件工单</h1>
      <div className={styles.subtitle}>
        <span>案件编号：{detail.case.caseNo}</span>
        <span>状态：{statusName(detail.case.status)}</span>
      </div>
      <table className={styles.table}>
        <colgroup>
          <col className={styles.labelCol} />
          <col />
          <col className={styles.labelCol} />
          <col />
        </colgroup>
        <tbody>
          {fieldRows(fields).map((row) => (
            <tr key={row[0]?.[0]}>
              {row.map(([label, value]) => (
                <FieldCells key={label} label={label} value={value} wide={row.length === 1} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {photos.length > 0 ? (
        <>
          <h2 className={styles.section}>现场照片</h2>
          <div className={styles.photos}>
            {photos.map((photo) => (
              <figure key={photo.id}>
                <img src={photo.thumbUrl} alt={photo.caption} />
                <figcaption>{photo.caption}</figcaption>
              </figure>
            ))}
          </div>
        </>
      ) : null}
      <h2 className={styles.section}>流转记录</h2>
      <table className={`${styles.table} ${styles.timeline}`}>
        <colgroup>
          <col className={styles.timeCol} />
          <col className={styles.actorCol} />
          <col className={styles.actorCol} />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th>时间</th>
            <th>操作人</th>
            <th>操作</th>
            <th>意见及详情</th>
          </tr>
        </thead>
        <tbody>
          {detail.timeline.map((event) => {
            const lines = describeEventDetail(event.action, event.detail);
            return (
              <tr key={event.id}>
                <td className={styles.nowrap}>{formatDateTime(event.at)}</td>
                <td>{event.actorName ?? '系统'}</td>
                <td>{event.label}</td>
                <td>
                  {event.reason ? (
                    <div>
                      {event.action === 'remark' ? '备注' : '意见'}：{event.reason}
                    </div>
                  ) : null}
                  {lines.length > 0 ? <div>{lines.join('；')}</div> : null}
                  {!event.reason && lines.length === 0 ? '—' : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className={styles.footer}>
        <span>打印人：{printedBy}</span>
        <span>打印时间：{formatDateTime(new Date())}</span>
      </div>
    </article>
  );
}

function FieldCells({ label, value, wide }: { label: string; value: string; wide: boolean }) {
  return (
    <>
      <th scope="row">{label}</th>
      <td colSpan={wide ? 3 : 1}>{value}</td>
    </>
  );
}
