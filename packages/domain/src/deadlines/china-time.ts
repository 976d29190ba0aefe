/**
 * China local time (Asia/Shanghai) by plain arithmetic: China has used a fixed
 * UTC+8 offset with no daylight saving since 1991, so no time-zone database is
 * needed and the result does not depend on the host's time zone.
 *
 * Calendar days are handled as "day numbers": whole days since 1970-01-01 in
 * China local time. Instants are epoch milliseconds or `Date`s.
 */
export const CHINA_UTC_OFFSET_MINUTES = 480;
export const MS_PER_MINUTE = 60_000;
export const MINUTES_PER_DAY = 1_440;
export const MS_PER_DAY = MINUTES_PER_DAY * MS_PER_MINUTE;

const OFFSET_MS = CHINA_UTC_OFFSET_MINUTES * MS_PER_MINUTE;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_PATTERN = /^(\d{2}):(\d{2})$/;

/** Epoch milliseconds of a valid `Date`; throws RangeError for an invalid one. */
export function instantMs(instant: Date, label = 'instant'): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${label} is an invalid Date`);
  return ms;
}

/** China local day number of an instant. */
export function chinaDayNumber(ms: number): number {
  return Math.floor((ms + OFFSET_MS) / MS_PER_DAY);
}

/** Instant (epoch ms) of 00:00 China time on a day number. */
export function dayStartMs(day: number): number {
  return day * MS_PER_DAY - OFFSET_MS;
}

/** 'YYYY-MM-DD' for a day number. */
export function dayNumberToDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day number of a 'YYYY-MM-DD' date; throws RangeError unless it is a real calendar date. */
export function dateToDayNumber(date: string): number {
  const m = DATE_PATTERN.exec(date);
  if (m) {
    const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    const day = ms / MS_PER_DAY;
    if (dayNumberToDate(day) === date) return day;
  }
  throw new RangeError(`not a valid 'YYYY-MM-DD' date: ${date}`);
}

/** Day of week of a day number, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** China local date 'YYYY-MM-DD' of an instant. */
export function chinaDate(instant: Date): string {
  return dayNumberToDate(chinaDayNumber(instantMs(instant)));
}

/** China local minutes since midnight (fractional when the instant has seconds). */
export function chinaMinutesOfDay(instant: Date): number {
  const ms = instantMs(instant);
  return (ms - dayStartMs(chinaDayNumber(ms))) / MS_PER_MINUTE;
}

/** 00:00 China time of the day containing the instant. */
export function startOfChinaDay(instant: Date): Date {
  return new Date(dayStartMs(chinaDayNumber(instantMs(instant))));
}

/** Minutes since midnight of an 'HH:mm' clock time (00:00–24:00); throws RangeError otherwise. */
export function parseClockTime(time: string): number {
  const m = CLOCK_PATTERN.exec(time);
  if (m) {
    const minutes = Number(m[1]) * 60 + Number(m[2]);
    if (Number(m[2]) < 60 && minutes <= MINUTES_PER_DAY) return minutes;
  }
  throw new RangeError(`not a valid 'HH:mm' clock time: ${time}`);
}

/** The instant of a China local date and 'HH:mm' clock time, e.g. chinaInstant('2026-10-08', '09:30'). */
export function chinaInstant(date: string, time = '00:00'): Date {
  return new Date(dayStartMs(dateToDayNumber(date)) + parseClockTime(time) * MS_PER_MINUTE);
}
