import type { Queryable } from '@citygov/db/client';
import { categories } from '@citygov/db/schema/catalogue';
import { areas, departments } from '@citygov/db/schema/org';
import { wallDailyCounts as w } from '@citygov/db/schema/wall';
import { CASE_SOURCES, type CaseSource } from '@citygov/domain/cases/case-states';
import { chinaDate, dateToDayNumber, dayNumberToDate } from '@citygov/domain/deadlines/china-time';
import {
  emptyWallCounts,
  percentOf,
  rankingLevelOf,
  WALL_MEASURE_KEYS,
  type WallDimension,
  type WallMeasure,
  wallRates,
} from '@citygov/domain/wall/wall-measures';
import { and, desc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { WallArea } from './wall-area';
import { monthOf } from './wall-rollup';

/** Days the trend and the ranking panels cover (近30日). */
export const WALL_WINDOW_DAYS = 30;

function inArea(area: WallArea): SQL | undefined {
  if (area.level === 'district') return eq(w.districtId, area.id);
  // A street's rows are its district's rows of that street (served by the district index).
  if (area.level === 'street') return eq(w.streetId, area.id);
  return undefined;
}

const total = sql<number>`coalesce(sum(${w.n}), 0)::int`.mapWith(Number);
const sumOf = (measure: WallMeasure) =>
  sql<number>`coalesce(sum(${w.n}) filter (where ${w.measure} = ${measure}), 0)::int`.mapWith(Number);

/** The days of the window, oldest first, as 'YYYY-MM-DD'. */
export function windowDays(now: Date): string[] {
  const last = dateToDayNumber(chinaDate(now));
  return Array.from({ length: WALL_WINDOW_DAYS }, (_, i) => dayNumberToDate(last - WALL_WINDOW_DAYS + 1 + i));
}

function slice(area: WallArea, dimension: WallDimension, measures: readonly WallMeasure[], from: string, to: string) {
  return and(
    eq(w.dimension, dimension),
    measures.length === 1 ? eq(w.measure, measures[0] ?? 'reported') : inArray(w.measure, [...measures]),
    gte(w.day, from),
    lte(w.day, to),
    inArea(area),
  );
}

function windowOf(now: Date) {
  const days = windowDays(now);
  return { days, from: days[0] ?? '', to: days.at(-1) ?? '' };
}

/** Today's counts and rates (KPI cards), from today's rollup rows only. */
export async function todayCounts(db: Queryable, area: WallArea, now: Date) {
  const today = chinaDate(now);
  const rows = await db
    .select({ measure: w.measure, n: total })
    .from(w)
    .where(slice(area, 'all', WALL_MEASURE_KEYS, today, today))
    .groupBy(w.measure);
  const counts = emptyWallCounts();
  for (const row of rows) counts[row.measure] = row.n;
  return { counts, rates: wallRates(counts) };
}

/** Each chain stage per day over the window (zeros filled in). */
export async function stageTrend(db: Queryable, area: WallArea, now: Date) {
  const { days, from, to } = windowOf(now);
  const rows = await db
    .select({ day: w.day, measure: w.measure, n: total })
    .from(w)
    .where(slice(area, 'all', WALL_MEASURE_KEYS, from, to))
    .groupBy(w.day, w.measure);
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

async function topKeys(db: Queryable, area: WallArea, now: Date, dimension: 'category' | 'source', limit: number) {
  // Categories are kept per month (wall-rollup.ts): the panel shows this month's.
  const { from, to } =
    dimension === 'category' ? { from: monthOf(chinaDate(now)), to: monthOf(chinaDate(now)) } : windowOf(now);
  return db
    .select({ key: w.key, n: total })
    .from(w)
    .where(slice(area, dimension, ['reported'], from, to))
    .groupBy(w.key)
    .orderBy(desc(total))
    .limit(limit);
}

/** 案件类别 TOP10 of this month's reports. */
export async function topCategories(db: Queryable, area: WallArea, now: Date) {
  const rows = await topKeys(db, area, now, 'category', 10);
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
  const rows = await topKeys(db, area, now, 'source', 20);
  return rows.map((r) => ({ name: CASE_SOURCES[r.key as CaseSource] ?? r.key, count: r.n }));
}

/**
 * 区域排名: the areas one level down (districts on a city wall, streets on a district
 * wall) by 结案率 over the window; a street wall has nothing below it to rank.
 */
export async function areaRanking(db: Queryable, area: WallArea, now: Date) {
  const level = rankingLevelOf(area.level);
  if (!level) return [];
  const { from, to } = windowOf(now);
  const column = level === 'district' ? w.districtId : w.streetId;
  const rows = await db
    .select({ areaId: column, filed: sumOf('filed'), closed: sumOf('closed'), reported: sumOf('reported') })
    .from(w)
    .where(slice(area, 'all', ['reported', 'filed', 'closed'], from, to))
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
  const { from, to } = windowOf(now);
  const dispatched = sumOf('dispatched');
  const rows = await db
    .select({ key: w.key, dispatched, handled: sumOf('handled'), closed: sumOf('closed') })
    .from(w)
    .where(slice(area, 'department', ['dispatched', 'handled', 'closed'], from, to))
    .groupBy(w.key)
    .orderBy(desc(dispatched))
    .limit(8);
  const ids = rows.map((r) => Number(r.key));
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
    name: names.get(Number(r.key)) ?? r.key,
    dispatched: r.dispatched,
    handled: r.handled,
    closed: r.closed,
    handleRate: percentOf(r.handled, r.dispatched),
  }));
}
