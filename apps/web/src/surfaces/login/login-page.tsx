import { Alert, Card, Divider, Spin, Tabs, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useSignInMethods, useZzdH5Login } from '../../features/auth/api/outside-sign-in';
import { LoginForm } from '../../features/auth/components/login-form';
import { SmsCodeLoginForm, ZzdBindForm, ZzdScanButton } from '../../features/auth/components/outside-sign-in';
import { apiErrorMessage } from '../../lib/api-error';
import { type SessionUser, useMeQuery } from '../../lib/session/session-api';
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
  const [params, setParams] = useSearchParams();
  const target = redirectTarget(location.state);
  const methods = useSignInMethods();
  const h5 = useZzdH5Login();
  // 浙政钉 H5 免登: the app opened us with an auth code (the JSAPI's, or the simulator's workbench).
  const authCode = params.get('zzdAuthCode');
  const triedCode = useRef<string | null>(null);
  useEffect(() => {
    if (!authCode || triedCode.current === authCode) return;
    triedCode.current = authCode;
    h5.mutate({ authCode });
  }, [authCode, h5]);
  const bindTicket = params.get('zzdBind') ?? (h5.data?.kind === 'must-bind' ? h5.data.ticket : null);
  const bindName = params.get('zzdName') ?? (h5.data?.kind === 'must-bind' ? h5.data.name : '');
  const ssoError = params.get('ssoError');
  const signedIn = (user: SessionUser) => navigate(user.kiosk ? '/wall' : target, { replace: true });

  // A wall kiosk session reads the wall only.
  if (me.data?.user) return <Navigate to={me.data.user.kiosk ? '/wall' : target} replace />;

  const passwordForm = <LoginForm offerKiosk={target.startsWith('/wall')} onSignedIn={signedIn} />;
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
          {bindTicket ? '绑定浙政钉账号' : '登录'}
        </Typography.Title>
        {me.isPending || h5.isPending ? <Spin /> : null}
        {me.data?.problem ? (
          <Alert type="warning" showIcon title={me.data.problem} style={{ marginBottom: 16 }} />
        ) : null}
        {ssoError ? <Alert type="error" showIcon title={ssoError} style={{ marginBottom: 16 }} /> : null}
        {h5.error ? (
          <Alert
            type="error"
            showIcon
            title={apiErrorMessage(h5.error, '浙政钉登录失败')}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        {bindTicket ? (
          <ZzdBindForm
            ticket={bindTicket}
            name={bindName}
            onSignedIn={signedIn}
            onCancel={() => {
              h5.reset();
              setParams({}, { replace: true });
            }}
          />
        ) : (
          // Always tabs, so the password form is not remounted (losing what was typed) when the methods arrive.
          <Tabs
            items={[
              { key: 'password', label: '账号登录', children: passwordForm },
              ...(methods.data?.smsCode
                ? [{ key: 'sms', label: '短信登录', children: <SmsCodeLoginForm onSignedIn={signedIn} /> }]
                : []),
            ]}
          />
        )}
        {methods.data?.zzd && !bindTicket ? (
          <>
            <Divider plain style={{ margin: '16px 0' }}>
              其他登录方式
            </Divider>
            <ZzdScanButton />
          </>
        ) : null}
        <Typography.Paragraph type="secondary" className={styles.hint}>
          演示环境：所有演示账号的密码均为 <Typography.Text code>{DEMO_PASSWORD_HINT}</Typography.Text>
          ，例如 {DEMO_USERNAMES.join('、')}（区级账号格式为「区拼音.角色」）。
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
