/**
 * The leader tablet's case cards (the last drill step): cards per 加载更多 step, and the
 * most it lists for one area and filter (a street rarely has more open at once).
 */
export const LEADER_CASES_PAGE = 30;
export const LEADER_CASES_MAX = 300;
