import { chinaDayNumber, dayNumberToDate, dayStartMs, MS_PER_MINUTE } from './china-time';
import { type PeriodMinutes, parseWorkingPeriods, type WorkingCalendar } from './working-calendar';

/**
 * Walking a working calendar in epoch milliseconds. Every loop steps by whole
 * periods and days, never by minutes, so a 30-working-day limit costs ~45 day
 * lookups.
 *
 * Working time is the union of the daily periods [start, end) on working days.
 */

/** Longest run of consecutive non-working days tolerated before a calendar is considered broken. */
const MAX_NON_WORKING_RUN = 3_660;

interface Walker {
  periods: PeriodMinutes[];
  isWorking(day: number): boolean;
  /** Throws once too many consecutive non-working days were skipped. */
  skip(run: number): void;
}

function walker(calendar: WorkingCalendar): Walker {
  const cache = new Map<number, boolean>();
  return {
    periods: parseWorkingPeriods(calendar.periods),
    isWorking(day) {
      let working = cache.get(day);
      if (working === undefined) {
        working = calendar.isWorkingDay(dayNumberToDate(day));
        cache.set(day, working);
      }
      return working;
    },
    skip(run) {
      if (run > MAX_NON_WORKING_RUN) {
        throw new RangeError(`working calendar has no working day in ${MAX_NON_WORKING_RUN} consecutive days`);
      }
    },
  };
}

function periodStart(day: number, period: PeriodMinutes): number {
  return dayStartMs(day) + period.start * MS_PER_MINUTE;
}

function periodEnd(day: number, period: PeriodMinutes): number {
  return dayStartMs(day) + period.end * MS_PER_MINUTE;
}

/** Milliseconds of working time in [fromMs, toMs); 0 when toMs <= fromMs. */
export function workingMillisBetween(calendar: WorkingCalendar, fromMs: number, toMs: number): number {
  if (toMs <= fromMs) return 0;
  const w = walker(calendar);
  let total = 0;
  for (let day = chinaDayNumber(fromMs), last = chinaDayNumber(toMs); day <= last; day++) {
    if (!w.isWorking(day)) continue;
    for (const period of w.periods) {
      const overlap = Math.min(periodEnd(day, period), toMs) - Math.max(periodStart(day, period), fromMs);
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}

/** Signed working time from `fromMs` to `toMs` (negative when `toMs` is earlier). */
export function signedWorkingMillis(calendar: WorkingCalendar, fromMs: number, toMs: number): number {
  return toMs >= fromMs ? workingMillisBetween(calendar, fromMs, toMs) : -workingMillisBetween(calendar, toMs, fromMs);
}

/**
 * The instant reached after `amountMs` of working time from `startMs`
 * (backwards when negative). Counting starts at the next working period when
 * `startMs` is outside working time. A result that falls exactly on a period
 * end (or, backwards, on a period start) stays there. Zero returns `startMs`.
 */
export function addWorkingMillis(calendar: WorkingCalendar, startMs: number, amountMs: number): number {
  if (amountMs === 0) return startMs;
  const w = walker(calendar);
  const forward = amountMs > 0;
  const periods = forward ? w.periods : [...w.periods].reverse();
  let remaining = Math.abs(amountMs);
  let run = 0;
  for (let day = chinaDayNumber(startMs); ; day += forward ? 1 : -1) {
    if (!w.isWorking(day)) {
      w.skip(++run);
      continue;
    }
    run = 0;
    for (const period of periods) {
      const start = periodStart(day, period);
      const end = periodEnd(day, period);
      if (forward) {
        if (end <= startMs) continue;
        const from = Math.max(start, startMs);
        if (remaining <= end - from) return from + remaining;
        remaining -= end - from;
      } else {
        if (start >= startMs) continue;
        const to = Math.min(end, startMs);
        if (remaining <= to - start) return to - remaining;
        remaining -= to - start;
      }
    }
  }
}

/**
 * `days` whole working days after `startMs`, keeping the China clock time.
 * A start outside working time is first snapped to the next working period
 * start; a start exactly at a period end counts as inside (so 17:30 + 1 day is
 * 17:30 on the next working day).
 */
export function addWorkingDays(calendar: WorkingCalendar, startMs: number, days: number): number {
  const w = walker(calendar);
  let day = chinaDayNumber(startMs);
  let snapped: number | undefined;
  for (let run = 0; snapped === undefined; day++) {
    if (!w.isWorking(day)) {
      w.skip(++run);
      continue;
    }
    run = 0;
    for (const period of w.periods) {
      if (startMs <= periodEnd(day, period)) {
        snapped = Math.max(startMs, periodStart(day, period));
        break;
      }
    }
    if (snapped !== undefined) break;
  }
  const clockOffset = snapped - dayStartMs(day);
  for (let counted = 0, run = 0; counted < days; ) {
    day++;
    if (w.isWorking(day)) {
      counted++;
      run = 0;
    } else {
      w.skip(++run);
    }
  }
  return dayStartMs(day) + clockOffset;
}
