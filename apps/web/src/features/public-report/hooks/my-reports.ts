import { normalizeTrackingCode } from '@citygov/domain/tracking/tracking-code';

/**
 * What this phone sent (我的上报): 查询码 kept in localStorage so a citizen can find them
 * again without an account, and a random device id sent as Open311 device_id.
 */
const REPORTS_KEY = 'citygov.public.reports';
const DEVICE_KEY = 'citygov.public.device';
const MAX_KEPT = 20;

export interface MyReport {
  /** The 查询码 as shown, "K7QM-3XPA-9HTD". */
  code: string;
  serviceName: string;
  at: string;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function loadMyReports(): MyReport[] {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(REPORTS_KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    // Entries from before 查询码 (case numbers under `id`) no longer find anything and are left out.
    return parsed.filter(
      (r): r is MyReport =>
        typeof r === 'object' &&
        r !== null &&
        typeof (r as MyReport).code === 'string' &&
        normalizeTrackingCode((r as MyReport).code) !== null &&
        typeof (r as MyReport).serviceName === 'string' &&
        typeof (r as MyReport).at === 'string',
    );
  } catch {
    return [];
  }
}

export function rememberReport(report: MyReport): void {
  const rest = loadMyReports().filter((r) => r.code !== report.code);
  try {
    storage()?.setItem(REPORTS_KEY, JSON.stringify([report, ...rest].slice(0, MAX_KEPT)));
  } catch {
    // Private mode or full storage: the code is still on screen.
  }
}

export function deviceId(): string {
  const store = storage();
  const known = store?.getItem(DEVICE_KEY);
  if (known) return known;
  // getRandomValues works on plain http too (randomUUID needs a secure context).
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  const id = `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
  try {
    store?.setItem(DEVICE_KEY, id);
  } catch {
    // Without storage every visit is a new device; nothing depends on it.
  }
  return id;
}
