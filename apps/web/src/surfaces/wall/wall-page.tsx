import { Result } from 'antd';
import { RequireSession } from '../../features/auth/components/require-session';
import { WallScreen } from '../../features/wall/components/wall-screen';
import { useSession } from '../../lib/session/session-context';

function Gate() {
  const { can } = useSession();
  if (!can('dashboard.view')) return <Result status="403" title="没有查看指挥大屏的权限" />;
  return <WallScreen />;
}

/** /wall: the command-hall big screen, full screen without the desk's header and menu. */
export function WallPage() {
  return (
    <RequireSession>
      <Gate />
    </RequireSession>
  );
}
