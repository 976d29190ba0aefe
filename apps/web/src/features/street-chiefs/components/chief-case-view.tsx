import { type CaseAction, ruleOf } from '@citygov/domain/cases/case-actions';
import { FINAL_STATUSES, PENDING_KINDS, statusNameOf } from '@citygov/domain/cases/case-states';
import { CHIEF_LINES } from '@citygov/domain/street-chiefs/chief-lines';
import { Alert, Button, Skeleton, Tag, Tooltip } from 'antd';
import { type ReactNode, useState } from 'react';
import { useChiefCase } from '../api/chiefs';
import { isChiefAction, LINE_COLORS } from '../chief-labels';
import { ChiefActionForm } from './chief-action-form';
import styles from './chiefs.module.css';

function time(at: Date | string): string {
  return new Date(at).toLocaleString('zh-CN', { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

function detailLines(detail: unknown): string[] {
  if (!detail || typeof detail !== 'object') return [];
  const d = detail as Record<string, unknown>;
  const lines: string[] = [];
  if (typeof d.chief === 'string') lines.push(`接收人：${d.chief}`);
  if (typeof d.delegatedFrom === 'string') lines.push(`交接班：代 ${d.delegatedFrom} 接收`);
  if (typeof d.outcome === 'string') lines.push(d.outcome);
  if (typeof d.sms === 'string') lines.push(d.sms);
  if (d.enforcementPush === 'pending') lines.push('已提交推送执法办案系统（待对接）');
  if (d.enforcementPush === 'queued') lines.push('已提交推送执法办案系统（案源）');
  return lines;
}

/**
 * A street-governance case on the chief's phone: what and where, the timeline, and the chief
 * actions open now; `extra` (the surface's sections of other features, e.g. 当事人) goes before the timeline.
 */
export function ChiefCaseView({
  id,
  onFinished,
  extra,
}: {
  id: number;
  onFinished: (label: string) => void;
  extra?: ReactNode;
}) {
  const detail = useChiefCase(id);
  const [open, setOpen] = useState<CaseAction | null>(null);
  if (detail.isPending) return <Skeleton active />;
  if (detail.isError) return <Alert type="error" showIcon message={detail.error.message} />;
  const { case: c, category, timeline } = detail.data;
  // A closed or voided case has nothing left to do: no buttons, only its record.
  const actions = FINAL_STATUSES.includes(c.status) ? [] : detail.data.actions.filter((a) => isChiefAction(a.action));
  return (
    <>
      <section className={styles.section} aria-label="案件信息">
        <div className={styles.cardTop}>
          <span className={styles.cardTitle}>{category?.name ?? c.categoryCode}</span>
          {c.chiefLine ? <Tag color={LINE_COLORS[c.chiefLine]}>{CHIEF_LINES[c.chiefLine]}线</Tag> : null}
          <Tag>{c.pendingKind ? PENDING_KINDS[c.pendingKind] : statusNameOf(c.status)}</Tag>
        </div>
        <div className={styles.cardLine}>{c.address}</div>
        <p className={styles.cardDesc}>{c.description}</p>
        <div className={styles.cardMeta}>{c.caseNo}</div>
      </section>
      {open ? (
        <ChiefActionForm
          caseId={id}
          version={c.version}
          action={open}
          onCancel={() => setOpen(null)}
          onDone={(label) => {
            setOpen(null);
            onFinished(label);
          }}
        />
      ) : actions.length > 0 ? (
        <section className={styles.section} aria-label="街长操作">
          <h2 className={styles.sectionTitle}>办理</h2>
          <div className={styles.actionGrid}>
            {actions.map((a) => {
              const button = (
                <Button
                  key={a.action}
                  size="large"
                  type={ruleOf(a.action as CaseAction).tone === 'primary' ? 'primary' : 'default'}
                  danger={ruleOf(a.action as CaseAction).tone === 'danger'}
                  disabled={!a.enabled}
                  onClick={() => setOpen(a.action as CaseAction)}
                  block
                >
                  {a.label}
                </Button>
              );
              return a.enabled ? (
                button
              ) : (
                <Tooltip key={a.action} title={a.disabledReason}>
                  <span>{button}</span>
                </Tooltip>
              );
            })}
          </div>
          {actions.every((a) => !a.enabled) ? <p className={styles.muted}>{actions[0]?.disabledReason}</p> : null}
        </section>
      ) : null}
      {extra}
      <section className={styles.section} aria-label="流转记录">
        <h2 className={styles.sectionTitle}>流转记录</h2>
        <ol className={styles.timeline}>
          {timeline.map((e) => (
            <li key={e.id}>
              <div>
                <strong>{e.label}</strong> · {e.actorName ?? '系统'} · {time(e.at)}
              </div>
              {e.reason ? <div>意见：{e.reason}</div> : null}
              {detailLines(e.detail).map((line) => (
                <div key={line} className={styles.muted}>
                  {line}
                </div>
              ))}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
