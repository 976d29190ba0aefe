/**
 * Totals above this read as "10,000+": a list or queue count stops reading there instead of
 * counting millions of matching rows (an exact count at 10 million cases takes hundreds of ms).
 */
export const COUNT_BOUND = 10_000;

/** A count that stops at COUNT_BOUND; `more` says there were more matches than that. */
export interface BoundedTotal {
  total: number;
  more: boolean;
}

/** What a count of at most COUNT_BOUND + 1 rows means. */
export function boundedTotal(counted: number): BoundedTotal {
  return { total: Math.min(counted, COUNT_BOUND), more: counted > COUNT_BOUND };
}
