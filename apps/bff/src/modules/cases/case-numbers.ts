import type { Queryable } from '@citygov/db/client';
import { caseNumberCounters } from '@citygov/db/schema/cases';
import { eq, sql } from 'drizzle-orm';

/** China time decides the year: a case at 2027-01-01 00:30 Beijing is a 2027 case. */
function chinaYear(now: Date): number {
  return new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
}

/**
 * The next case number of `now`'s year (年份 + 8 位序号), taken by the statement that
 * inserts the case: `withCaseNo` is a data-modifying CTE that bumps the year's counter
 * (creating it on the year's first case) and `caseNo` the value that reads it, so taking
 * the number costs no round trip of its own. The counter row stays locked until commit,
 * which keeps the numbers gapless: a transaction that rolls back gives its number back
 * with it, and one whose insert wrote no row gives it back with `giveBackCaseNo` while it
 * still holds the lock, so no later number has been handed out in between.
 */
export function nextCaseNo(db: Queryable, now: Date) {
  const year = chinaYear(now);
  const withCaseNo = db.$with('case_no_taken').as(
    db
      .insert(caseNumberCounters)
      .values({ year, last: 1 })
      .onConflictDoUpdate({ target: caseNumberCounters.year, set: { last: sql`${caseNumberCounters.last} + 1` } })
      .returning({ last: caseNumberCounters.last }),
  );
  const caseNo = sql<string>`(select ${String(year)} || lpad(${withCaseNo.last}::text, 8, '0') from ${withCaseNo})`;
  return { year, withCaseNo, caseNo };
}

/** Returns the number this transaction's last insert took (it holds the counter's lock). */
export async function giveBackCaseNo(db: Queryable, year: number): Promise<void> {
  await db
    .update(caseNumberCounters)
    .set({ last: sql`${caseNumberCounters.last} - 1` })
    .where(eq(caseNumberCounters.year, year));
}
