import type { Queryable } from '@citygov/db/client';
import { caseNumberCounters } from '@citygov/db/schema/cases';
import { sql } from 'drizzle-orm';

/** Next case number of the year (年份 + 8 位序号); the counter row is locked until commit. */
export async function nextCaseNo(db: Queryable, now: Date): Promise<string> {
  // China time decides the year: a case at 2027-01-01 00:30 Beijing is a 2027 case.
  const year = new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
  const [row] = await db
    .insert(caseNumberCounters)
    .values({ year, last: 1 })
    .onConflictDoUpdate({ target: caseNumberCounters.year, set: { last: sql`${caseNumberCounters.last} + 1` } })
    .returning({ last: caseNumberCounters.last });
  return `${year}${String(row?.last ?? 1).padStart(8, '0')}`;
}
