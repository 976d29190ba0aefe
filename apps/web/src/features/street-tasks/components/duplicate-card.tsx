import { WarningFilled } from '@ant-design/icons';
import { Button, Tag, Typography } from 'antd';
import { useId } from 'react';
import { useNavigate } from 'react-router';
import { formatDistance, formatMinutesApart } from '../../../lib/intake-assist/duplicate-format';
import type { DuplicateCandidate } from '../../../lib/intake-assist/intake-assist-api';
import { PhotoReasonTag } from '../../../lib/intake-assist/photo-reason-tag';
import styles from './phone.module.css';

/**
 * Before 提交上报: cases nearby that look like the same problem, and the reporter says
 * which it is — 是同一问题 on one of them (the report joins that case) or 不是 (sent as a
 * problem of its own). 提交上报 waits for that choice; 查看 opens the existing case.
 */
export function DuplicateCard({
  candidates,
  onDistinct,
  onSame,
  error,
  disabled = false,
}: {
  candidates: DuplicateCandidate[];
  onDistinct: () => void;
  onSame: (candidate: DuplicateCandidate) => void;
  /** Shown when 提交上报 was pressed without a choice. */
  error?: string | undefined;
  disabled?: boolean;
}) {
  const navigate = useNavigate();
  const titleId = useId();
  if (candidates.length === 0) return null;
  return (
    <section
      id="similar-cases"
      aria-labelledby={titleId}
      role="alert"
      className={styles.section}
      style={{ border: '1px solid #ffd591', background: '#fff7e6' }}
    >
      <h2 id={titleId} style={{ fontSize: 16, margin: '0 0 8px', display: 'flex', gap: 6, alignItems: 'center' }}>
        <WarningFilled style={{ color: '#fa8c16' }} aria-hidden="true" />
        附近已有相似问题，是否为同一问题？
      </h2>
      <ul aria-label="相似问题列表" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {candidates.slice(0, 3).map((c) => (
          <li
            key={c.caseId}
            style={{ display: 'flex', gap: 8, alignItems: 'center', padding: '8px 0', borderTop: '1px solid #ffe7ba' }}
          >
            <div style={{ flex: 1, minWidth: 0 }}>
              <div style={{ display: 'flex', gap: 6, alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography.Text strong>{c.caseNo}</Typography.Text>
                <Tag style={{ marginInlineEnd: 0 }}>{c.statusName}</Tag>
                <PhotoReasonTag factors={c.factors} />
              </div>
              <span className={styles.hint} style={{ display: 'block' }}>
                {formatDistance(c.distanceM)} · {formatMinutesApart(c.minutesApart)}
              </span>
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                {c.description}
              </Typography.Paragraph>
            </div>
            <div style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
              <Button
                type="primary"
                ghost
                aria-label={`是同一问题：案件 ${c.caseNo}`}
                onClick={() => onSame(c)}
                disabled={disabled}
                style={{ height: 40 }}
              >
                是同一问题
              </Button>
              <Button
                aria-label={`查看案件 ${c.caseNo}`}
                onClick={() => navigate(`/m/cases/${c.caseId}`)}
                style={{ height: 40 }}
              >
                查看
              </Button>
            </div>
          </li>
        ))}
      </ul>
      {error ? (
        <Typography.Paragraph type="danger" style={{ margin: '8px 0 0' }}>
          {error}
        </Typography.Paragraph>
      ) : null}
      <Button block size="large" onClick={onDistinct} disabled={disabled} style={{ marginTop: 8, height: 44 }}>
        不是同一问题，仍要上报
      </Button>
    </section>
  );
}
