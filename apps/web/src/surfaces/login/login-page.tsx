import { Alert, Card, Spin, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { LoginForm } from '../../features/auth/components/login-form';
import { useMeQuery } from '../../lib/session/session-api';
import styles from './login-page.module.css';

const DEMO_PASSWORD_HINT = 'Citygov@2026';
const DEMO_USERNAMES = ['admin', 'leader', 'linjiang.shift_lead', 'linjiang.collector', 'yunshan.dispatcher'];

function redirectTarget(state: unknown): string {
  if (state && typeof state === 'object' && 'from' in state && typeof state.from === 'string') {
    return state.from.startsWith('/login') ? '/' : state.from;
  }
  return '/';
}

export function LoginPage() {
  const me = useMeQuery();
  const navigate = useNavigate();
  const location = useLocation();
  const target = redirectTarget(location.state);

  // A wall kiosk session reads the wall only.
  if (me.data?.user) return <Navigate to={me.data.user.kiosk ? '/wall' : target} replace />;

  return (
    <main className={styles.page}>
      <section className={styles.brand} aria-label="平台介绍">
        <div className={styles.emblem} aria-hidden="true">
          云
        </div>
        <h1 className={styles.title}>云湖市城市综合管理服务平台</h1>
        <p className={styles.subtitle}>数字城管 · 网格化管理 · 一网统管</p>
      </section>
      <Card className={styles.card} variant="borderless">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          账号登录
        </Typography.Title>
        {me.isPending ? <Spin /> : null}
        {me.data?.problem ? (
          <Alert type="warning" showIcon title={me.data.problem} style={{ marginBottom: 16 }} />
        ) : null}
        <LoginForm
          offerKiosk={target.startsWith('/wall')}
          onSignedIn={(user) => navigate(user.kiosk ? '/wall' : target, { replace: true })}
        />
        <Typography.Paragraph type="secondary" className={styles.hint}>
          演示环境：所有演示账号的密码均为 <Typography.Text code>{DEMO_PASSWORD_HINT}</Typography.Text>
          ，例如 {DEMO_USERNAMES.join('、')}（区级账号格式为「区拼音.角色」）。
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
