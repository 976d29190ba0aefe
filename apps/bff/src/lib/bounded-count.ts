import { type Queryable, rowsOf } from '@citygov/db/client';
import { type BoundedTotal, boundedTotal, COUNT_BOUND } from '@citygov/domain/bounded-total';
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';

/**
 * Counts the rows of `from` matching `where`, reading at most COUNT_BOUND + 1 of them: the
 * desk's lists, queue counts, search and analytics drill-downs show "10,000+" past that
 * instead of paying for an exact count over millions of rows.
 */
export async function countBounded(db: Queryable, from: SQLWrapper, where: SQL | undefined): Promise<BoundedTotal> {
  const filter = where ? sql` where ${where}` : sql``;
  const result = await db.execute(
    sql`select count(*)::int as n from (select 1 from ${from}${filter} limit ${COUNT_BOUND + 1}) bounded`,
  );
  return boundedTotal(Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0));
}
