import { formatDateTime } from '../../../lib/format';
import type { CaseDetail } from '../api/cases';
import { caseFieldsSheet } from '../export/case-sheets';
import { statusName } from '../labels';
import { describeEventDetail } from '../timeline-detail';
import styles from './case-work-order.module.css';

const PURPOSES: Record<string, string> = { report: '上报', verify: '核实', feedback: '处置', check: '核查' };

/** 案件工单 for printing: every field, the photos and the timeline, black on white, A4. */
export function CaseWorkOrder({ detail, printedBy }: { detail: CaseDetail; printedBy: string }) {
  // The same label/value pairs as the Excel export, so a printed and an exported case agree.
  const fields = caseFieldsSheet(detail)
    .slice(1)
    .map((row) => row.map((cell) => (cell && typeof cell === 'object' && 'value' in cell ? cell.value : cell)));
  const photos = detail.attachments.filter((a) => a.mime.startsWith('image/'));
  return (
    <article className={styles.sheet} aria-label="案件工单">
      <h1 className={styles.title}>城市综合管理服务平台 案件工单</h1>
      <div className={styles.subtitle}>
        <span>案件编号：{detail.case.caseNo}</span>
        <span>状态：{statusName(detail.case.status)}</span>
      </div>
      <table className={styles.table}>
        <tbody>
          {fields.map(([label, value]) => (
            <tr key={String(label)}>
              <th scope="row">{String(label)}</th>
              <td>{value === undefined || value === null || value === '' ? '—' : String(value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {photos.length > 0 ? (
        <>
          <h2 className={styles.section}>现场照片</h2>
          <div className={styles.photos}>
            {photos.map((photo, index) => (
              <figure key={photo.id}>
                <img src={photo.thumbUrl} alt={`${PURPOSES[photo.purpose] ?? ''}照片 ${index + 1}`} />
                <figcaption>
                  {PURPOSES[photo.purpose] ?? ''}照片 {index + 1}
                </figcaption>
              </figure>
            ))}
          </div>
        </>
      ) : null}
      <h2 className={styles.section}>流转记录</h2>
      <table className={styles.table}>
        <thead>
          <tr>
            <th style={{ width: '34mm' }}>时间</th>
            <th style={{ width: '18mm' }}>操作人</th>
            <th style={{ width: '20mm' }}>操作</th>
            <th style={{ width: 'auto' }}>意见及详情</th>
          </tr>
        </thead>
        <tbody>
          {detail.timeline.map((event) => {
            const lines = describeEventDetail(event.action, event.detail);
            return (
              <tr key={event.id}>
                <td>{formatDateTime(event.at)}</td>
                <td>{event.actorName ?? '系统'}</td>
                <td>{event.label}</td>
                <td>
                  {event.reason ? <div>意见：{event.reason}</div> : null}
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
