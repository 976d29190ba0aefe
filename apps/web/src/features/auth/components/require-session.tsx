import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { apiErrorMessage } from '../../../lib/api-error';
import { useMeQuery } from '../../../lib/session/session-api';
import { SessionProvider } from '../../../lib/session/session-context';

/** Renders its children only for a signed-in user; anyone else goes to /login. */
export function RequireSession({ children }: { children: ReactNode }) {
  const me = useMeQuery();
  const location = useLocation();
  if (me.isPending) {
    return (
      <div style={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
        <Spin size="large" description="正在加载…" />
      </div>
    );
  }
  if (me.isError) {
    return (
      <Result
        status="error"
        title="无法连接服务器"
        subTitle={apiErrorMessage(me.error)}
        extra={
          <Button type="primary" onClick={() => void me.refetch()}>
            重试
          </Button>
        }
      />
    );
  }
  if (!me.data.user) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  return <SessionProvider user={me.data.user}>{children}</SessionProvider>;
}
