import chineseDays from 'chinese-days';
import { dateToDayNumber, MINUTES_PER_DAY, parseClockTime, weekdayOf } from './china-time';

/** A daily working period in China time, e.g. { start: '08:30', end: '12:00' }. */
export interface WorkingPeriod {
  start: string;
  end: string;
}

/** An admin decision for one date that wins over the statutory calendar (future year, local holiday…). */
export interface CalendarOverride {
  date: string;
  working: boolean;
  note?: string;
}

export interface WorkingCalendarConfig {
  periods: WorkingPeriod[];
  overrides: CalendarOverride[];
}

export const DEFAULT_WORKING_PERIODS: WorkingPeriod[] = [
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '17:30' },
];

export interface WorkingCalendar {
  /** Whether a China local date 'YYYY-MM-DD' is a working day. */
  isWorkingDay(date: string): boolean;
  /** Daily working periods, sorted and non-overlapping. */
  periods: readonly WorkingPeriod[];
}

/** A working period as minutes since China midnight, half-open [start, end). */
export interface PeriodMinutes {
  start: number;
  end: number;
}

/**
 * Parses and validates daily working periods: at least one, each 'HH:mm' with
 * start < end (end may be '24:00'), sorted by time and not overlapping
 * (touching, e.g. 12:00–12:00, is allowed). Throws RangeError otherwise.
 */
export function parseWorkingPeriods(periods: readonly WorkingPeriod[]): PeriodMinutes[] {
  if (periods.length === 0) throw new RangeError('working periods: at least one period is required');
  const parsed: PeriodMinutes[] = [];
  for (const [i, period] of periods.entries()) {
    const label = `working period #${i + 1} (${period.start}–${period.end})`;
    const start = parseClockTime(period.start);
    const end = parseClockTime(period.end);
    if (start >= MINUTES_PER_DAY) throw new RangeError(`${label}: start must be before 24:00`);
    if (start >= end) throw new RangeError(`${label}: start must be before end`);
    const previous = parsed[parsed.length - 1];
    if (previous && start < previous.end) {
      throw new RangeError(`${label}: periods must be sorted and must not overlap the previous period`);
    }
    parsed.push({ start, end });
  }
  return parsed;
}

// chinese-days falls back to these names in getDayDetail() for dates that are
// not in its holiday / make-up-workday table.
const WEEKDAY_NAMES = new Set(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']);

/**
 * Statutory working day per chinese-days: table entries (holidays, 调休 make-up
 * workdays) from the library, everything else Monday–Friday.
 *
 * We deliberately do not use chineseDays.isWorkday(date) directly: the library
 * parses 'YYYY-MM-DD' as UTC midnight but reads it back with local-time
 * getters, so on a host west of UTC (negative offset) its weekday fallback is
 * one day off. Its table lookups are shifted consistently and stay correct, so
 * we take only the table answer from it and compute the weekday ourselves.
 */
function isStatutoryWorkingDay(date: string, day: number): boolean {
  const detail = chineseDays.getDayDetail(date);
  if (!WEEKDAY_NAMES.has(detail.name)) return detail.work;
  const weekday = weekdayOf(day);
  return weekday >= 1 && weekday <= 5;
}

/**
 * A working calendar: chinese-days statutory holidays and make-up workdays,
 * with admin overrides winning over the library. Years the library does not
 * know yet fall back to Monday–Friday, so add overrides for them.
 * Throws RangeError for invalid periods, invalid override dates or a date
 * overridden twice.
 */
export function createWorkingCalendar(config: Partial<WorkingCalendarConfig> = {}): WorkingCalendar {
  const periods = config.periods ?? DEFAULT_WORKING_PERIODS;
  parseWorkingPeriods(periods);
  const frozenPeriods = Object.freeze(periods.map((p) => Object.freeze({ start: p.start, end: p.end })));

  const overrides = new Map<string, boolean>();
  for (const override of config.overrides ?? []) {
    dateToDayNumber(override.date);
    if (overrides.has(override.date)) throw new RangeError(`calendar override: duplicate date ${override.date}`);
    overrides.set(override.date, override.working);
  }

  return {
    periods: frozenPeriods,
    isWorkingDay(date: string): boolean {
      const day = dateToDayNumber(date);
      return overrides.get(date) ?? isStatutoryWorkingDay(date, day);
    },
  };
}
