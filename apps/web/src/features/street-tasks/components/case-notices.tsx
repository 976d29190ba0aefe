import { BellOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../../lib/session/session-context';
import { useCaseNotices } from '../api/street-cases';
import { formatShort } from '../labels';
import styles from './phone.module.css';

function seenKey(userId: number) {
  return `citygov.notices-seen.${userId}`;
}

function readSeen(userId: number): number {
  try {
    return Number(localStorage.getItem(seenKey(userId)) ?? 0) || 0;
  } catch {
    return 0;
  }
}

/**
 * 新提醒: 返工 / 督办 / 催办 the handler has not acknowledged yet, each with its case and
 * reason; 知道了 marks them read on this phone.
 */
export function CaseNotices() {
  const { user } = useSession();
  const notices = useCaseNotices();
  const [seen, setSeen] = useState(() => readSeen(user.id));
  const fresh = (notices.data ?? []).filter((n) => n.id > seen);
  if (fresh.length === 0) return null;
  const acknowledge = () => {
    const top = Math.max(...fresh.map((n) => n.id));
    try {
      localStorage.setItem(seenKey(user.id), String(top));
    } catch {
      // Private mode: the notice just shows again next time.
    }
    setSeen(top);
  };
  return (
    <Alert
      type="warning"
      showIcon
      icon={<BellOutlined aria-hidden="true" />}
      role="region"
      aria-label="新提醒"
      title={`新提醒（${fresh.length}）`}
      description={
        <ul className={styles.noticeList}>
          {fresh.map((n) => (
            <li key={n.id}>
              <Link to={`/m/tasks/${n.caseId}`}>
                <strong>{n.label}</strong> {n.caseNo}
              </Link>
              ：{n.reason ?? '（未写理由）'}
              <span className={styles.hint}>
                {' '}
                · {n.actorName ?? '系统'} {formatShort(n.at)}
              </span>
            </li>
          ))}
        </ul>
      }
      action={
        <Button size="small" onClick={acknowledge}>
          知道了
        </Button>
      }
    />
  );
}
