import type { Queryable } from '@citygov/db/client';
import { caseNumberCounters } from '@citygov/db/schema/cases';
import { eq, sql } from 'drizzle-orm';

/** China time decides the year: a case at 2027-01-01 00:30 Beijing is a 2027 case. */
function chinaYear(now: Date): number {
  return new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
}

/**
 * Locks the year's case-number counter until commit, without taking a number yet. New
 * cases are numbered one at a time: whoever holds the lock may still decide not to take
 * a number (a retried report that is already saved), so the numbers have no gaps.
 */
export async function lockCaseNumbers(db: Queryable, now: Date): Promise<number> {
  const year = chinaYear(now);
  // One round trip: an upsert that changes nothing still takes the row lock (as SELECT …
  // FOR UPDATE would) and creates the year's counter on its first case.
  await db
    .insert(caseNumberCounters)
    .values({ year, last: 0 })
    .onConflictDoUpdate({ target: caseNumberCounters.year, set: { last: sql`${caseNumberCounters.last}` } });
  return year;
}

/** The next case number of a locked year (年份 + 8 位序号). */
export async function takeCaseNo(db: Queryable, year: number): Promise<string> {
  const [row] = await db
    .update(caseNumberCounters)
    .set({ last: sql`${caseNumberCounters.last} + 1` })
    .where(eq(caseNumberCounters.year, year))
    .returning({ last: caseNumberCounters.last });
  return `${year}${String(row?.last ?? 1).padStart(8, '0')}`;
}
