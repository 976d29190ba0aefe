/**
 * When the demo history's reports arrive: a year of days weighted by weekday, season and
 * holidays, and hours of the day weighted like a real command centre's intake (quiet
 * nights, a morning peak when the collectors start their rounds, a second one after
 * lunch). Pure functions of their inputs; the generator draws the random numbers.
 */
import { chinaDayNumber, dayStartMs, MS_PER_DAY, weekdayOf } from '@citygov/domain/deadlines/china-time';

/** Share of a day's reports in each China hour 0..23 (sums to 1). */
export const HOUR_WEIGHTS: readonly number[] = normalise([
  0.6, 0.4, 0.3, 0.3, 0.4, 0.8, 1.6, 3.2, 6.4, 8.4, 8.8, 7.6, 4.6, 4.4, 7.2, 8.0, 7.4, 6.2, 4.2, 3.0, 2.4, 1.8, 1.2,
  0.8,
]);

function normalise(weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / sum);
}

/** Running sums of weights, for drawing an index with one uniform number. */
export function cumulative(weights: readonly number[]): number[] {
  let sum = 0;
  const out = weights.map((w) => {
    sum += w;
    return sum;
  });
  return out.map((c) => c / sum);
}

/** The index whose cumulative share first reaches u (u in [0, 1)). */
export function pickIndex(cumulativeShares: readonly number[], u: number): number {
  let lo = 0;
  let hi = cumulativeShares.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cumulativeShares[mid] ?? 1) > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * A day's relative volume: weekends are quieter (collectors patrol less, offices are
 * closed), summer is busier (street vending, dumping, greenery), the Spring Festival
 * fortnight is the quietest time of the year, and volume grows slowly over the year as
 * more reporting channels come on line.
 */
export function dayWeight(day: number, firstDay: number, totalDays: number): number {
  const weekday = weekdayOf(day);
  const weekly = weekday === 0 || weekday === 6 ? 0.62 : 1;
  const date = new Date(dayStartMs(day) + MS_PER_DAY / 2);
  const dayOfYear = (date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / MS_PER_DAY;
  // Peak in late July (day ~205), low in January.
  const seasonal = 1 + 0.22 * Math.cos(((dayOfYear - 205) / 365) * 2 * Math.PI);
  // Spring Festival: about late January to mid February.
  const festival = dayOfYear >= 24 && dayOfYear <= 38 ? 0.55 : 1;
  const growth = 0.9 + 0.2 * ((day - firstDay) / Math.max(1, totalDays - 1));
  return weekly * seasonal * festival * growth;
}

/** The China days of the history: the `days` days up to and including the day of `nowMs`. */
export function historyDays(nowMs: number, days: number): number[] {
  const last = chinaDayNumber(nowMs);
  return Array.from({ length: days }, (_, i) => last - days + 1 + i);
}

const MS_PER_HOUR = 3_600_000;

/**
 * The share of a day's reports that arrive before `nowMs` on its China day, by the hours'
 * cumulative shares: the hours past and the part of the current hour. The current day's
 * weight is scaled by it, so today holds the part of a day that has happened.
 */
export function shareOfDayBefore(hourShares: readonly number[], nowMs: number): number {
  const intoDay = nowMs - dayStartMs(chinaDayNumber(nowMs));
  const hour = Math.floor(intoDay / MS_PER_HOUR);
  const before = hour > 0 ? (hourShares[hour - 1] ?? 1) : 0;
  return before + ((hourShares[hour] ?? 1) - before) * ((intoDay % MS_PER_HOUR) / MS_PER_HOUR);
}

/**
 * A report instant: day and hour drawn by their weights, the minute uniform. On the
 * current day the hour is drawn among those already begun and the instant lies before
 * now, so nothing is reported in the future. (Folding later hours back a day, as this
 * once did, gave yesterday most of today's reports as well as its own: a spike on every
 * trend.)
 */
export function reportInstant(
  days: readonly number[],
  dayShares: readonly number[],
  hourShares: readonly number[],
  nowMs: number,
  uDay: number,
  uHour: number,
  uMinute: number,
): number {
  const day = days[pickIndex(dayShares, uDay)] ?? days[days.length - 1] ?? 0;
  const today = day === chinaDayNumber(nowMs);
  const hour = pickIndex(hourShares, today ? uHour * shareOfDayBefore(hourShares, nowMs) : uHour);
  const hourStart = dayStartMs(day) + hour * MS_PER_HOUR;
  const span = today ? Math.max(0, Math.min(MS_PER_HOUR, nowMs - hourStart)) : MS_PER_HOUR;
  return hourStart + Math.floor(uMinute * span);
}
