import { Outlet } from 'react-router';
import { useCaseLiveUpdates } from '../../features/cases/api/case-live-updates';

/** Every desk page stays current: one live-update subscription for the whole desk. */
export function DeskLayout() {
  useCaseLiveUpdates();
  return <Outlet />;
}
