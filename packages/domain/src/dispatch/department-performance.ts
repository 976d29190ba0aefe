import { addTimeLimit, extendDeadline, type TimeLimit } from '../deadlines/time-limits';
import type { WorkingCalendar } from '../deadlines/working-calendar';

/**
 * 派遣助手, 部门处置情况: how each department closed the cases of one category — how
 * many, the median time from dispatch to close, and the share it fed back within the
 * handling time limit.
 */

/** One timeline step that matters for the handling deadline. */
export interface HandlingEvent {
  action: string;
  at: Date;
  /** requestExtension: the time asked for. */
  extension?: TimeLimit | null;
}

/**
 * Whether the department fed back (处置反馈) within the handling limit counted from the
 * dispatch, plus the extensions approved meanwhile. Null when it cannot be told: no limit
 * for the category, or no feedback on the timeline. Hang-up pauses are not counted.
 */
export function handledOnTime(
  calendar: WorkingCalendar,
  dispatchedAt: Date,
  limit: TimeLimit | null,
  events: readonly HandlingEvent[],
): boolean | null {
  if (!limit) return null;
  let deadline = addTimeLimit(calendar, dispatchedAt, limit);
  let requested: TimeLimit | null = null;
  const sorted = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const event of sorted) {
    if (event.at < dispatchedAt) continue;
    if (event.action === 'requestExtension') requested = event.extension ?? null;
    if (event.action === 'approveExtension' && requested) {
      deadline = extendDeadline(calendar, deadline, requested);
      requested = null;
    }
    if (event.action === 'feedBack') return event.at <= deadline;
  }
  return null;
}

export interface ClosedOutcome {
  departmentId: number;
  /** Dispatch → close, natural hours; null when the dispatch time is unknown. */
  hours: number | null;
  onTime: boolean | null;
}

export interface DepartmentPerformance {
  departmentId: number;
  closed: number;
  medianHours: number | null;
  /** 0–1 of the cases whose timeliness is known; null when none is. */
  onTimeShare: number | null;
  /** How many cases the share is taken over. */
  onTimeKnown: number;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}

/** Per department, best first: the highest on-time share, then the quickest, then the most experienced. */
export function departmentPerformance(outcomes: readonly ClosedOutcome[]): DepartmentPerformance[] {
  const groups = new Map<number, ClosedOutcome[]>();
  for (const outcome of outcomes) {
    const group = groups.get(outcome.departmentId) ?? [];
    group.push(outcome);
    groups.set(outcome.departmentId, group);
  }
  const rows = [...groups].map(([departmentId, group]): DepartmentPerformance => {
    const known = group.filter((o) => o.onTime !== null);
    const hours = group.flatMap((o) => (o.hours === null ? [] : [o.hours]));
    return {
      departmentId,
      closed: group.length,
      medianHours: median(hours),
      onTimeShare: known.length > 0 ? known.filter((o) => o.onTime).length / known.length : null,
      onTimeKnown: known.length,
    };
  });
  return rows.sort(
    (a, b) =>
      (b.onTimeShare ?? -1) - (a.onTimeShare ?? -1) ||
      (a.medianHours ?? Number.POSITIVE_INFINITY) - (b.medianHours ?? Number.POSITIVE_INFINITY) ||
      b.closed - a.closed,
  );
}
