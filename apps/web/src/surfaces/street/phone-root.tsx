import { Navigate } from 'react-router';
import { RoutePermissionGate } from '../../app/shell/route-permission-gate';
import { RequireSession } from '../../features/auth/components/require-session';
import { useDutyTab } from '../../features/command/components/duty-tab';
import { PhoneShell } from '../../features/street-tasks/components/phone-shell';
import { phoneHome } from '../../features/street-tasks/street-roles';
import { useSession } from '../../lib/session/session-context';

/** /m/…: the street pages for phones, outside the desk shell, behind the same session guard. */
export function PhoneRoot() {
  return (
    <RequireSession>
      <RoutePermissionGate>
        <PhoneWithDuty />
      </RoutePermissionGate>
    </RequireSession>
  );
}

/** Field staff get the 在岗 tab, and their position is reported on every page while on duty. */
function PhoneWithDuty() {
  const { can } = useSession();
  return <PhoneShell extraTabs={useDutyTab(can('staff.duty'))} />;
}

/** /m opens where the user's work is. */
export function PhoneIndex() {
  const { can } = useSession();
  return <Navigate to={phoneHome(can)} replace />;
}
