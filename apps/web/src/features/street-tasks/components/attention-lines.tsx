import { ExclamationCircleOutlined } from '@ant-design/icons';
import type { CaseListRow } from '../api/street-cases';
import { formatShort } from '../labels';
import styles from './phone.module.css';

export type AttentionItem = CaseListRow['attention'][number];

/** "返工：垃圾未清理干净" — each standing 返工 / 督办 / 催办 with its reason, on a card or the detail. */
export function AttentionLines({
  attention,
  withWho = false,
}: {
  attention: readonly AttentionItem[];
  withWho?: boolean;
}) {
  if (attention.length === 0) return null;
  return (
    <ul className={styles.attention} aria-label="返工督办催办">
      {attention.map((a) => (
        <li key={a.kind} data-kind={a.kind}>
          <ExclamationCircleOutlined aria-hidden="true" />
          <span>
            <strong>{a.label}</strong>：{a.reason ?? '（未写理由）'}
            {withWho ? (
              <span className={styles.hint}>
                {' '}
                · {a.actorName ?? '系统'} {formatShort(a.at)}
              </span>
            ) : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
