import { Result } from 'antd';
import { lazy } from 'react';
import { RequireSession } from '../../features/auth/components/require-session';
import { WallScreen } from '../../features/wall/components/wall-screen';
import { useSession } from '../../lib/session/session-context';

// The map (maplibre) loads after the wall's numbers and lists are on screen.
const WallMap = lazy(() => import('./wall-map'));

function Gate() {
  const { can } = useSession();
  if (!can('dashboard.view')) return <Result status="403" title="没有查看指挥大屏的权限" />;
  return <WallScreen map={WallMap} />;
}

/** /wall: the command-hall big screen, full screen without the desk's header and menu. */
export function WallPage() {
  return (
    <RequireSession>
      <Gate />
    </RequireSession>
  );
}
