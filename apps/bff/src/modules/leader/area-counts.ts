import type { Queryable } from '@citygov/db/client';
import { cases } from '@citygov/db/schema/cases';
import { FINAL_STATUSES } from '@citygov/domain/cases/case-states';
import { chinaDate, dateToDayNumber, dayStartMs } from '@citygov/domain/deadlines/china-time';
import { type AnyColumn, and, gte, type SQL, sql } from 'drizzle-orm';

/** What the tablet shows of an area or of one of its parts. */
export interface AreaCounts {
  open: number;
  overdue: number;
  supervised: number;
  reportedThisMonth: number;
  closedThisMonth: number;
}

export const NO_COUNTS: AreaCounts = { open: 0, overdue: 0, supervised: 0, reportedThisMonth: 0, closedThisMonth: 0 };

/**
 * Open cases, not final (在办). This and `closedCase` are the partial indexes' own predicates
 * (cases_open_area_idx, cases_closed_at_idx), written out as constants, so the planner
 * matches them whatever the driver does with parameters.
 */
export const openCases = sql.raw(`"cases"."status" not in (${FINAL_STATUSES.map((s) => `'${s}'`).join(', ')})`);
const closedCase = sql.raw(`"cases"."status" = 'closed'`);

function monthStart(now: Date): Date {
  return new Date(dayStartMs(dateToDayNumber(`${chinaDate(now).slice(0, 7)}-01`)));
}

/**
 * A running clock past its deadline (not paused). Instants go into raw SQL as ISO text with
 * a cast: postgres.js refuses a Date inside a raw fragment.
 */
const clockPast = (now: Date): SQL =>
  sql`${cases.pausedAt} is null and ${cases.stageDeadlineAt} < ${now.toISOString()}::timestamptz`;

/** An open case whose running clock is past its deadline (超期). */
export const overdueAt = (now: Date): SQL => sql`${openCases} and ${clockPast(now)}`;

/**
 * The counts of `scope`, per value of `part` (the level below the area), or as one total
 * under key 0 without one. Three bounded reads instead of one scan of the area's whole
 * history: the open cases (index-only, cases_open_area_idx), the month's reports
 * (cases_reported_at_idx) and the month's closes (cases_closed_at_idx). At 10M cases the
 * scan took seconds for the city.
 */
export async function areaCounts(
  db: Queryable,
  scope: SQL | undefined,
  part: AnyColumn | undefined,
  now: Date,
): Promise<Map<number, AreaCounts>> {
  const since = monthStart(now);
  const key = part ? sql<number>`${part}`.mapWith(Number) : sql<number>`0`.mapWith(Number);
  const grouped = part ? [sql`${part}`] : [];
  const count = sql<number>`count(*)`.mapWith(Number);
  const [open, reported, closed] = await Promise.all([
    db
      .select({
        key,
        open: count,
        // Only columns of the index: the rows are open already, and a status here would send the read to the heap.
        overdue: sql<number>`count(*) filter (where ${clockPast(now)})`.mapWith(Number),
        supervised: sql<number>`count(*) filter (where ${cases.supervised})`.mapWith(Number),
      })
      .from(cases)
      .where(and(openCases, scope))
      .groupBy(...grouped),
    db
      .select({ key, n: count })
      .from(cases)
      .where(and(gte(cases.reportedAt, since), scope))
      .groupBy(...grouped),
    db
      .select({ key, n: count })
      .from(cases)
      .where(and(closedCase, gte(cases.closedAt, since), scope))
      .groupBy(...grouped),
  ]);
  const out = new Map<number, AreaCounts>();
  const entry = (k: number) => {
    let counts = out.get(k);
    if (!counts) {
      counts = { ...NO_COUNTS };
      out.set(k, counts);
    }
    return counts;
  };
  for (const row of open)
    Object.assign(entry(row.key), { open: row.open, overdue: row.overdue, supervised: row.supervised });
  for (const row of reported) entry(row.key).reportedThisMonth = row.n;
  for (const row of closed) entry(row.key).closedThisMonth = row.n;
  return out;
}

/** The area's own counts: the sum of its parts' (every case of the area lies in one of them). */
export function totalOf(counts: Map<number, AreaCounts>): AreaCounts {
  const total = { ...NO_COUNTS };
  for (const c of counts.values()) {
    for (const k of Object.keys(total) as (keyof AreaCounts)[]) total[k] += c[k];
  }
  return total;
}
