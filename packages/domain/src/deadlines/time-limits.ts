import { instantMs, MS_PER_MINUTE } from './china-time';
import type { WorkingCalendar } from './working-calendar';
import { addWorkingDays, addWorkingMillis, signedWorkingMillis, workingMillisBetween } from './working-time';

/**
 * 事件计时 time limits on a Chinese working calendar. All clock reasoning is in
 * China time (UTC+8).
 *
 * Rules:
 * - natural_hours (紧急工作时): wall-clock hours; holidays, nights and weekends count.
 * - working_hours (工作时): only time inside the working periods of working days
 *   counts. A start outside working time (before the first period, in the lunch
 *   break, after the last period, on a non-working day) starts counting at the
 *   next working period start. A deadline landing exactly on a period end stays
 *   there (12:00, 17:30) instead of rolling to the next period.
 * - working_days (工作日): N whole working days. The start is snapped to the
 *   next working period start when outside working time (a start exactly on a
 *   period end counts as inside); the deadline is the same China clock time on
 *   the Nth following working day. E.g. Friday 20:00 + 1 → (Monday 08:30) →
 *   Tuesday 08:30; Wednesday 10:00 + 1 → Thursday 10:00. Must be an integer.
 * - Hours may be fractional (0.5 h); results are exact to the millisecond.
 * - An amount of 0 returns the start unchanged. Negative or non-finite amounts
 *   throw RangeError.
 * - Working days follow chinese-days (statutory holidays and 调休 make-up
 *   workdays) with calendar overrides winning.
 */
export const LIMIT_UNITS = ['natural_hours', 'working_hours', 'working_days'] as const;
export type LimitUnit = (typeof LIMIT_UNITS)[number];

export interface TimeLimit {
  amount: number;
  unit: LimitUnit;
}

const MS_PER_HOUR = 60 * MS_PER_MINUTE;

function validateLimit(limit: TimeLimit): void {
  if (!Number.isFinite(limit.amount) || limit.amount < 0) {
    throw new RangeError(`time limit amount must be a finite number >= 0, got ${limit.amount}`);
  }
  if (limit.unit === 'working_days' && !Number.isInteger(limit.amount)) {
    throw new RangeError(`working_days amount must be a whole number, got ${limit.amount}`);
  }
}

export function addTimeLimit(calendar: WorkingCalendar, start: Date, limit: TimeLimit): Date {
  const startMs = instantMs(start, 'start');
  validateLimit(limit);
  if (limit.amount === 0) return new Date(startMs);
  switch (limit.unit) {
    case 'natural_hours':
      return new Date(startMs + Math.round(limit.amount * MS_PER_HOUR));
    case 'working_hours':
      return new Date(addWorkingMillis(calendar, startMs, Math.round(limit.amount * MS_PER_HOUR)));
    case 'working_days':
      return new Date(addWorkingDays(calendar, startMs, limit.amount));
  }
}

/** Minutes inside working periods on working days in [from, to); 0 when to <= from. May be fractional. */
export function workingMinutesBetween(calendar: WorkingCalendar, from: Date, to: Date): number {
  return workingMillisBetween(calendar, instantMs(from, 'from'), instantMs(to, 'to')) / MS_PER_MINUTE;
}

/**
 * Signed time from `fromMs` to `toMs` measured in the limit's own kind:
 * natural time for natural_hours, working time for working_hours / working_days.
 */
export function limitMillisBetween(calendar: WorkingCalendar, unit: LimitUnit, fromMs: number, toMs: number): number {
  return unit === 'natural_hours' ? toMs - fromMs : signedWorkingMillis(calendar, fromMs, toMs);
}

/** 延期: the extension is added from the current deadline, with the same rules as addTimeLimit. */
export function extendDeadline(calendar: WorkingCalendar, deadline: Date, extra: TimeLimit): Date {
  return addTimeLimit(calendar, deadline, extra);
}

/**
 * 挂账 (hang-up): the timer stops at `pausedFrom`; at `resumedAt` the time that
 * was left at `pausedFrom` is added again from `resumedAt`. Time is measured
 * in the limit's own kind (natural minutes for natural_hours, working minutes
 * otherwise), so for working units resuming outside working time starts
 * counting at the next working period. A case paused while already overdue
 * stays overdue by the same amount (the new deadline lies before `resumedAt`).
 */
export function resumeAfterPause(
  calendar: WorkingCalendar,
  deadline: Date,
  pausedFrom: Date,
  resumedAt: Date,
  unit: LimitUnit,
): Date {
  const deadlineMs = instantMs(deadline, 'deadline');
  const pausedMs = instantMs(pausedFrom, 'pausedFrom');
  const resumedMs = instantMs(resumedAt, 'resumedAt');
  if (resumedMs < pausedMs) throw new RangeError('resumedAt must not be before pausedFrom');
  const remaining = limitMillisBetween(calendar, unit, pausedMs, deadlineMs);
  return new Date(unit === 'natural_hours' ? resumedMs + remaining : addWorkingMillis(calendar, resumedMs, remaining));
}
