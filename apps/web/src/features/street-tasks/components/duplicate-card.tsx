import { WarningFilled } from '@ant-design/icons';
import { Button, Tag, Typography } from 'antd';
import { useId } from 'react';
import { useNavigate } from 'react-router';
import { formatDistance, formatMinutesApart } from '../../../lib/intake-assist/duplicate-format';
import type { DuplicateCandidate } from '../../../lib/intake-assist/intake-assist-api';
import styles from './phone.module.css';

/**
 * Before 提交上报: cases nearby that look like the same problem. A warning only —
 * 仍要上报 sends the report anyway, 查看 opens the existing case.
 */
export function DuplicateCard({
  candidates,
  onContinue,
  disabled = false,
}: {
  candidates: DuplicateCandidate[];
  onContinue: () => void;
  disabled?: boolean;
}) {
  const navigate = useNavigate();
  const titleId = useId();
  if (candidates.length === 0) return null;
  return (
    <section
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
              </div>
              <span className={styles.hint} style={{ display: 'block' }}>
                {formatDistance(c.distanceM)} · {formatMinutesApart(c.minutesApart)}
              </span>
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                {c.description}
              </Typography.Paragraph>
            </div>
            <Button
              aria-label={`查看案件 ${c.caseNo}`}
              onClick={() => navigate(`/m/cases/${c.caseId}`)}
              style={{ height: 40 }}
            >
              查看
            </Button>
          </li>
        ))}
      </ul>
      <Button block size="large" onClick={onContinue} disabled={disabled} style={{ marginTop: 8, height: 44 }}>
        仍要上报
      </Button>
    </section>
  );
}
