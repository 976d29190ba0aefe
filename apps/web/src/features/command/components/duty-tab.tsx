import { AimOutlined } from '@ant-design/icons';
import { useMyCalls, useMyDuty } from '../api/command';
import { useDutyTracker } from '../hooks/use-duty-tracker';

/**
 * 在岗 on every phone page of field staff: reports GPS while on duty whichever page is
 * open, and gives the 在岗 tab with the number of open calls.
 */
export function useDutyTab(enabled: boolean) {
  const duty = useMyDuty(enabled);
  const calls = useMyCalls(enabled);
  useDutyTracker(enabled && (duty.data?.onDuty ?? false));
  if (!enabled) return [];
  const open = (calls.data ?? []).filter((c) => c.state === 'calling').length;
  return [{ to: '/m/duty', label: '在岗', icon: <AimOutlined aria-hidden="true" />, badge: open }];
}
