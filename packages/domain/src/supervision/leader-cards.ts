/**
 * The leader tablet's case cards (the last drill step): cards per 加载更多 step, and the
 * most it lists for one area and filter (a street rarely has more open at once).
 */
export const LEADER_CASES_PAGE = 30;
export const LEADER_CASES_MAX = 300;

/**
 * How many cards to list for a count read back from the page's address (`?n=`, so coming
 * back from a case shows as many as before): whole pages, at least one, at most the limit.
 */
export function leaderCasesShown(requested: number): number {
  if (!Number.isFinite(requested) || requested <= LEADER_CASES_PAGE) return LEADER_CASES_PAGE;
  return Math.min(LEADER_CASES_MAX, Math.ceil(requested / LEADER_CASES_PAGE) * LEADER_CASES_PAGE);
}

/** What the case cards list: overdue, all open, or under 督办 (超期 / 在办 / 督办中). */
export const LEADER_CASE_FILTERS = ['overdue', 'open', 'supervised'] as const;
export type LeaderCaseFilter = (typeof LEADER_CASE_FILTERS)[number];

/** The filter named in the page's address; anything else (an edited or old link) is the first, 超期. */
export function leaderCaseFilterOf(value: string | null): LeaderCaseFilter {
  return LEADER_CASE_FILTERS.find((f) => f === value) ?? 'overdue';
}
