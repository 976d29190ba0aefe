import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button } from 'antd';
import { useLogout } from '../../lib/session/session-api';
import { useSession } from '../../lib/session/session-context';
import styles from './app-shell.module.css';

/** Who is signed in (name, role, area) and the sign-out button. */
export function UserBar({ compact = false }: { compact?: boolean }) {
  const { user } = useSession();
  const { signOut, pending } = useLogout();
  return (
    <section className={compact ? styles.userBarCompact : styles.userBar} aria-label="当前用户">
      <Avatar size="small" icon={<UserOutlined aria-hidden />} style={{ background: '#2f86c8', flex: 'none' }} />
      <span className={styles.userName}>{user.displayName}</span>
      <span className={styles.userMeta}>
        {user.roleName} · {user.areaName}
      </span>
      <Button
        size="small"
        ghost={!compact}
        icon={<LogoutOutlined aria-hidden />}
        loading={pending}
        onClick={() => void signOut()}
      >
        退出登录
      </Button>
    </section>
  );
}
