import { IdcardOutlined } from '@ant-design/icons';
import { Navigate } from 'react-router';
import { RoutePermissionGate } from '../../app/shell/route-permission-gate';
import { RequireSession } from '../../features/auth/components/require-session';
import { useDutyTab } from '../../features/command/components/duty-tab';
import { PhoneShell, type PhoneTab } from '../../features/street-tasks/components/phone-shell';
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

/** Those who may see enforcement information look subjects up (当事人查询) from the tab bar. */
const SUBJECTS_TAB: PhoneTab = { to: '/m/subjects', label: '当事人', icon: <IdcardOutlined aria-hidden="true" /> };

/**
 * Field staff get the 在岗 tab, and their position is reported on every page while on duty;
 * enforcement viewers get 当事人.
 */
function PhoneWithDuty() {
  const { can } = useSession();
  const dutyTabs = useDutyTab(can('staff.duty'));
  return <PhoneShell extraTabs={[...(can('enforcement.view') ? [SUBJECTS_TAB] : []), ...dutyTabs]} />;
}

/** /m opens where the user's work is. */
export function PhoneIndex() {
  const { can } = useSession();
  return <Navigate to={phoneHome(can)} replace />;
}
