import type { Queryable } from '@citygov/db/client';
import { categories } from '@citygov/db/schema/catalogue';
import { areas, departments } from '@citygov/db/schema/org';
import { wallDailyCounts, wallDailyDepartments } from '@citygov/db/schema/wall';
import { CASE_SOURCES, type CaseSource } from '@citygov/domain/cases/case-states';
import { chinaDate, dateToDayNumber, dayNumberToDate } from '@citygov/domain/deadlines/china-time';
import {
  emptyWallCounts,
  percentOf,
  rankingLevelOf,
  WALL_MEASURE_KEYS,
  type WallMeasure,
  wallRates,
} from '@citygov/domain/wall/wall-measures';
import { and, desc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { WallArea } from './wall-area';

/** Days the trend and the ranking panels cover (近30日). */
export const WALL_WINDOW_DAYS = 30;

function inArea(area: WallArea, table: typeof wallDailyCounts | typeof wallDailyDepartments): SQL | undefined {
  if (area.level === 'district') return eq(table.districtId, area.id);
  if (area.level === 'street') return eq(table.streetId, area.id);
  return undefined;
}

const total = (column: typeof wallDailyCounts.n | typeof wallDailyDepartments.n) =>
  sql<number>`coalesce(sum(${column}), 0)::int`.mapWith(Number);

/** The days of the window, oldest first, as 'YYYY-MM-DD'. */
export function windowDays(now: Date): string[] {
  const last = dateToDayNumber(chinaDate(now));
  return Array.from({ length: WALL_WINDOW_DAYS }, (_, i) => dayNumberToDate(last - WALL_WINDOW_DAYS + 1 + i));
}

/** Today's counts and rates (KPI cards), from today's rollup rows only. */
export async function todayCounts(db: Queryable, area: WallArea, now: Date) {
  const rows = await db
    .select({ measure: wallDailyCounts.measure, n: total(wallDailyCounts.n) })
    .from(wallDailyCounts)
    .where(and(eq(wallDailyCounts.day, chinaDate(now)), inArea(area, wallDailyCounts)))
    .groupBy(wallDailyCounts.measure);
  const counts = emptyWallCounts();
  for (const row of rows) counts[row.measure] = row.n;
  return { counts, rates: wallRates(counts) };
}

/** Each chain stage per day over the window (zeros filled in). */
export async function stageTrend(db: Queryable, area: WallArea, now: Date) {
  const days = windowDays(now);
  const rows = await db
    .select({ day: wallDailyCounts.day, measure: wallDailyCounts.measure, n: total(wallDailyCounts.n) })
    .from(wallDailyCounts)
    .where(
      and(
        gte(wallDailyCounts.day, days[0] ?? ''),
        lte(wallDailyCounts.day, days.at(-1) ?? ''),
        inArea(area, wallDailyCounts),
      ),
    )
    .groupBy(wallDailyCounts.day, wallDailyCounts.measure);
  const series = Object.fromEntries(WALL_MEASURE_KEYS.map((m) => [m, days.map(() => 0)])) as Record<
    WallMeasure,
    number[]
  >;
  const index = new Map(days.map((d, i) => [d, i]));
  for (const row of rows) {
    const i = index.get(row.day);
    if (i !== undefined) series[row.measure][i] = row.n;
  }
  return { days, series };
}

function windowCondition(now: Date, table: typeof wallDailyCounts | typeof wallDailyDepartments) {
  const days = windowDays(now);
  return gte(table.day, days[0] ?? '');
}

/** 案件类别 TOP10 of reports in the window. */
export async function topCategories(db: Queryable, area: WallArea, now: Date) {
  const n = total(wallDailyCounts.n);
  const rows = await db
    .select({ key: wallDailyCounts.categoryCode, n })
    .from(wallDailyCounts)
    .where(
      and(
        windowCondition(now, wallDailyCounts),
        eq(wallDailyCounts.measure, 'reported'),
        inArea(area, wallDailyCounts),
      ),
    )
    .groupBy(wallDailyCounts.categoryCode)
    .orderBy(desc(n))
    .limit(10);
  const names = await categoryNames(
    db,
    rows.map((r) => r.key),
  );
  return rows.map((r) => ({ name: names.get(r.key) ?? r.key.split(':')[1] ?? r.key, count: r.n }));
}

async function categoryNames(db: Queryable, keys: string[]) {
  const codes = [...new Set(keys.map((k) => k.split(':')[1] ?? ''))];
  if (codes.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ kind: categories.kind, code: categories.code, name: categories.name })
    .from(categories)
    .where(inArray(categories.code, codes));
  return new Map(rows.map((r) => [`${r.kind}:${r.code}`, r.name]));
}

/** 案件来源 of reports in the window. */
export async function sourceShares(db: Queryable, area: WallArea, now: Date) {
  const n = total(wallDailyCounts.n);
  const rows = await db
    .select({ source: wallDailyCounts.source, n })
    .from(wallDailyCounts)
    .where(
      and(
        windowCondition(now, wallDailyCounts),
        eq(wallDailyCounts.measure, 'reported'),
        inArea(area, wallDailyCounts),
      ),
    )
    .groupBy(wallDailyCounts.source)
    .orderBy(desc(n));
  return rows.map((r) => ({ name: CASE_SOURCES[r.source as CaseSource] ?? r.source, count: r.n }));
}

/**
 * 区域排名: the areas one level down (districts on a city wall, streets on a district
 * wall) by 结案率 over the window; a street wall has nothing below it to rank.
 */
export async function areaRanking(db: Queryable, area: WallArea, now: Date) {
  const level = rankingLevelOf(area.level);
  if (!level) return [];
  const column = level === 'district' ? wallDailyCounts.districtId : wallDailyCounts.streetId;
  const rows = await db
    .select({
      areaId: column,
      filed:
        sql<number>`coalesce(sum(${wallDailyCounts.n}) filter (where ${wallDailyCounts.measure} = 'filed'), 0)::int`.mapWith(
          Number,
        ),
      closed:
        sql<number>`coalesce(sum(${wallDailyCounts.n}) filter (where ${wallDailyCounts.measure} = 'closed'), 0)::int`.mapWith(
          Number,
        ),
      reported:
        sql<number>`coalesce(sum(${wallDailyCounts.n}) filter (where ${wallDailyCounts.measure} = 'reported'), 0)::int`.mapWith(
          Number,
        ),
    })
    .from(wallDailyCounts)
    .where(and(windowCondition(now, wallDailyCounts), inArea(area, wallDailyCounts)))
    .groupBy(column);
  const names = await areaNames(
    db,
    rows.map((r) => r.areaId),
  );
  return rows
    .map((r) => ({
      name: names.get(r.areaId) ?? String(r.areaId),
      reported: r.reported,
      closeRate: percentOf(r.closed, r.filed),
    }))
    .sort((a, b) => (b.closeRate ?? -1) - (a.closeRate ?? -1) || b.reported - a.reported)
    .slice(0, 10);
}

async function areaNames(db: Queryable, ids: number[]) {
  if (ids.length === 0) return new Map<number, string>();
  const rows = await db.select({ id: areas.id, name: areas.name }).from(areas).where(inArray(areas.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** 部门处置: cases sent to each lead department in the window, and what it fed back and closed. */
export async function departmentDisposal(db: Queryable, area: WallArea, now: Date) {
  const sumOf = (measure: WallMeasure) =>
    sql<number>`coalesce(sum(${wallDailyDepartments.n}) filter (where ${wallDailyDepartments.measure} = ${measure}), 0)::int`.mapWith(
      Number,
    );
  const dispatched = sumOf('dispatched');
  const rows = await db
    .select({
      departmentId: wallDailyDepartments.departmentId,
      dispatched,
      handled: sumOf('handled'),
      closed: sumOf('closed'),
    })
    .from(wallDailyDepartments)
    .where(and(windowCondition(now, wallDailyDepartments), inArea(area, wallDailyDepartments)))
    .groupBy(wallDailyDepartments.departmentId)
    .orderBy(desc(dispatched))
    .limit(8);
  const ids = rows.map((r) => r.departmentId);
  const names =
    ids.length === 0
      ? new Map<number, string>()
      : new Map(
          (
            await db
              .select({ id: departments.id, name: departments.name })
              .from(departments)
              .where(inArray(departments.id, ids))
          ).map((r) => [r.id, r.name]),
        );
  return rows.map((r) => ({
    name: names.get(r.departmentId) ?? String(r.departmentId),
    dispatched: r.dispatched,
    handled: r.handled,
    closed: r.closed,
    handleRate: percentOf(r.handled, r.dispatched),
  }));
}
