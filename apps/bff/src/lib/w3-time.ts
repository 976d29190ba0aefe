/**
 * Date-times of GeoReport v2: the w3 profile of ISO 8601 with the zone always written.
 * We answer in China time (+08:00, no daylight saving) and accept any zone.
 */
const OFFSET_MS = 8 * 3_600_000;
const W3 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+\- ])(\d{2}):?(\d{2}))?)?$/i;

/** 2026-05-01T10:30:00+08:00 */
export function toW3(date: Date): string {
  return `${new Date(date.getTime() + OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** 2026-05-01 10:30 (China time), for notices people read. */
export function formatChinaMinute(date: Date): string {
  return new Date(date.getTime() + OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * Parses a w3 date or date-time. A date alone, or a time without a zone, is read as
 * China time. A space before the offset is taken as "+" (an unencoded "+" in a query
 * string arrives as a space). Returns null for anything else, including impossible dates.
 */
export function parseW3(text: string): Date | null {
  const m = W3.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', zulu, sign, oh = '00', om = '00'] = m;
  const fields = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)] as const;
  const utc = Date.UTC(...fields, Number(fraction.slice(0, 3).padEnd(3, '0')));
  const check = new Date(Date.UTC(...fields));
  const real =
    check.getUTCFullYear() === fields[0] &&
    check.getUTCMonth() === fields[1] &&
    check.getUTCDate() === fields[2] &&
    fields[3] < 24 &&
    fields[4] < 60 &&
    fields[5] < 60 &&
    Number(oh) < 24 &&
    Number(om) < 60;
  if (!real) return null;
  const offsetMs = zulu ? 0 : sign ? (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000 : OFFSET_MS;
  const date = new Date(utc - offsetMs);
  return Number.isNaN(date.getTime()) ? null : date;
}
