/**
 * The one shift the e2e server arranges before the app starts (scripts/e2e-arrange.ts),
 * because no request can: 上岗 is always dated now, and the 自动下岗 limit stays at its
 * 30 minutes for every spec. The account is used by no other spec; its phone sent one fix,
 * then fell silent, so the app's own duty-silence job takes it off duty soon after start.
 */
export const SILENT_SHIFT = {
  username: 'hubin.collector',
  /** When the person went 上岗, before the server started. */
  onDutyMinutesAgo: 50,
  /** The phone's last fix: longer ago than the 30-minute limit. */
  lastFixMinutesAgo: 40,
} as const;
