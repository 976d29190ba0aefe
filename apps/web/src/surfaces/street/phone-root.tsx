import { Navigate } from 'react-router';
import { RoutePermissionGate } from '../../app/shell/route-permission-gate';
import { RequireSession } from '../../features/auth/components/require-session';
import { PhoneShell } from '../../features/street-tasks/components/phone-shell';
import { phoneHome } from '../../features/street-tasks/street-roles';
import { useSession } from '../../lib/session/session-context';

/** /m/…: the street pages for phones, outside the desk shell, behind the same session guard. */
export function PhoneRoot() {
  return (
    <RequireSession>
      <RoutePermissionGate>
        <PhoneShell />
      </RoutePermissionGate>
    </RequireSession>
  );
}

/** /m opens where the user's work is. */
export function PhoneIndex() {
  const { can } = useSession();
  return <Navigate to={phoneHome(can)} replace />;
}
