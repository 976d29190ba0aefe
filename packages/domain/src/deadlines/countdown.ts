import { instantMs, MINUTES_PER_DAY, MS_PER_MINUTE } from './china-time';
import { type LimitUnit, limitMillisBetween } from './time-limits';
import type { WorkingCalendar } from './working-calendar';
import { addWorkingMillis, workingMillisBetween } from './working-time';

/** normal, warning (yellow, 预警) or overdue (red, 超时). */
export type DeadlineLevel = 'normal' | 'warning' | 'overdue';

export interface Countdown {
  level: DeadlineLevel;
  /**
   * Time left until the deadline in the limit's own kind (natural minutes for
   * natural_hours, working minutes otherwise, so it stands still outside
   * working time); negative when overdue; may be fractional.
   */
  remainingMinutes: number;
  /** Elapsed / allowed time in the same kind: 0 before start, above 1 when overdue. */
  elapsedRatio: number;
}

export const DEFAULT_WARNING_RATIO = 0.8;

function validateRatio(ratio: number): void {
  if (!(ratio > 0 && ratio <= 1)) throw new RangeError(`warning ratio must be in (0, 1], got ${ratio}`);
}

function allowedMillis(calendar: WorkingCalendar, unit: LimitUnit, startMs: number, deadlineMs: number): number {
  if (deadlineMs < startMs) throw new RangeError('deadline must not be before start');
  return unit === 'natural_hours' ? deadlineMs - startMs : workingMillisBetween(calendar, startMs, deadlineMs);
}

function warningMs(
  calendar: WorkingCalendar,
  unit: LimitUnit,
  startMs: number,
  deadlineMs: number,
  ratio: number,
): number {
  validateRatio(ratio);
  const threshold = Math.round(ratio * allowedMillis(calendar, unit, startMs, deadlineMs));
  return unit === 'natural_hours' ? startMs + threshold : addWorkingMillis(calendar, startMs, threshold);
}

/** The first instant at which the elapsed time reaches `ratio` of the allowed time. */
export function warningInstant(
  calendar: WorkingCalendar,
  start: Date,
  deadline: Date,
  unit: LimitUnit,
  ratio = DEFAULT_WARNING_RATIO,
): Date {
  return new Date(warningMs(calendar, unit, instantMs(start, 'start'), instantMs(deadline, 'deadline'), ratio));
}

/**
 * Countdown state at `now`: overdue from the deadline instant on (now >=
 * deadline), warning from warningInstant on, normal before.
 */
export function countdown(
  calendar: WorkingCalendar,
  start: Date,
  deadline: Date,
  unit: LimitUnit,
  now: Date,
  ratio = DEFAULT_WARNING_RATIO,
): Countdown {
  const startMs = instantMs(start, 'start');
  const deadlineMs = instantMs(deadline, 'deadline');
  const nowMs = instantMs(now, 'now');
  const warnMs = warningMs(calendar, unit, startMs, deadlineMs, ratio);
  const allowed = allowedMillis(calendar, unit, startMs, deadlineMs);
  const elapsed = Math.max(0, limitMillisBetween(calendar, unit, startMs, nowMs));
  const remaining = limitMillisBetween(calendar, unit, nowMs, deadlineMs);
  const level: DeadlineLevel = nowMs >= deadlineMs ? 'overdue' : nowMs >= warnMs ? 'warning' : 'normal';
  return {
    level,
    remainingMinutes: remaining === 0 ? 0 : remaining / MS_PER_MINUTE,
    elapsedRatio: allowed > 0 ? elapsed / allowed : nowMs >= deadlineMs ? 1 : 0,
  };
}

/**
 * Chinese text for a remaining time in minutes, a day being 24 hours:
 * '剩余 1 天 3 小时', '剩余 2 小时 5 分钟', '剩余 45 分钟', '已超时 2 小时 10 分钟',
 * '已到期' for exactly 0. Fractions round up to the next whole minute (never
 * '剩余 0 分钟' while time is left); at a day or more minutes are left out; zero
 * parts are omitted ('剩余 2 小时').
 */
export function formatRemaining(minutes: number): string {
  if (!Number.isFinite(minutes)) throw new RangeError(`remaining minutes must be finite, got ${minutes}`);
  if (minutes === 0) return '已到期';
  const whole = Math.ceil(Math.abs(minutes));
  const days = Math.floor(whole / MINUTES_PER_DAY);
  const hours = Math.floor((whole % MINUTES_PER_DAY) / 60);
  const mins = whole % 60;
  const parts: string[] = [];
  if (days > 0) {
    parts.push(`${days} 天`);
    if (hours > 0) parts.push(`${hours} 小时`);
  } else if (hours > 0) {
    parts.push(`${hours} 小时`);
    if (mins > 0) parts.push(`${mins} 分钟`);
  } else {
    parts.push(`${mins} 分钟`);
  }
  return `${minutes > 0 ? '剩余' : '已超时'} ${parts.join(' ')}`;
}

function hoursAndMinutes(minutes: number): string {
  const whole = Math.ceil(Math.abs(minutes));
  const hours = Math.floor(whole / 60);
  const mins = whole % 60;
  if (hours === 0) return `${mins} 分钟`;
  return mins > 0 ? `${hours} 小时 ${mins} 分钟` : `${hours} 小时`;
}

/**
 * The countdown as a person reads it, saying which time it counts: a working-time limit
 * ('剩余工作时间 7 小时 30 分钟', '已超时 2 小时（工作时间）', whole working hours, never
 * days of 24) stands still at night and on holidays, so it must not pass for clock time;
 * a natural-hours limit reads as formatRemaining. A paused clock (挂账) says so first.
 */
export function describeClock(minutes: number, unit: LimitUnit, paused = false): string {
  let text: string;
  if (unit === 'natural_hours' || minutes === 0) text = formatRemaining(minutes);
  else if (minutes > 0) text = `剩余工作时间 ${hoursAndMinutes(minutes)}`;
  else text = `已超时 ${hoursAndMinutes(minutes)}（工作时间）`;
  return paused ? `已挂账，计时暂停（${text}）` : text;
}
