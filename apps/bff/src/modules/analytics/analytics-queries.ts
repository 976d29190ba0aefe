import type { Queryable } from '@citygov/db/client';
import { categories } from '@citygov/db/schema/catalogue';
import { areas, departments } from '@citygov/db/schema/org';
import { wallDailyCounts as w } from '@citygov/db/schema/wall';
import {
  bucketLabel,
  comparisonMonths,
  DURATION_BUCKET_HOURS,
  percentileHours,
  type RepeatPointRules,
  risingTrends,
  shareWithinHours,
  spotCellBox,
  type TrendRules,
} from '@citygov/domain/analytics/analytics-rules';
import { CASE_SOURCES, type CaseSource } from '@citygov/domain/cases/case-states';
import { chinaDate } from '@citygov/domain/deadlines/china-time';
import { percentOf, rankingLevelOf, type WallMeasure } from '@citygov/domain/wall/wall-measures';
import { and, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { WallArea } from '../wall/api';
import { inArea, type Period, periodDays, rollupSlice } from './analytics-period';

const total = sql<number>`coalesce(sum(${w.n}), 0)::int`.mapWith(Number);
const sumOf = (measure: WallMeasure) =>
  sql<number>`coalesce(sum(${w.n}) filter (where ${w.measure} = ${measure}), 0)::int`.mapWith(Number);

const DISPOSAL: readonly WallMeasure[] = ['reported', 'closed', 'closed_on_time', 'extended', 'reworked'];

/** Headline figures of the period: reports, closes, on time, extensions, reworks. */
export async function periodSummary(db: Queryable, area: WallArea, period: Period) {
  const [row] = await db
    .select({
      reported: sumOf('reported'),
      closed: sumOf('closed'),
      closedOnTime: sumOf('closed_on_time'),
      extended: sumOf('extended'),
      reworked: sumOf('reworked'),
    })
    .from(w)
    .where(rollupSlice(area, 'all', DISPOSAL, period));
  const r = row ?? { reported: 0, closed: 0, closedOnTime: 0, extended: 0, reworked: 0 };
  return { ...r, overdue: Math.max(0, r.closed - r.closedOnTime), onTimeRate: percentOf(r.closedOnTime, r.closed) };
}

/** Reports and closes per day of the period up to today (zeros filled in). */
export async function byDay(db: Queryable, area: WallArea, period: Period, now = new Date()) {
  const rows = await db
    .select({ day: w.day, reported: sumOf('reported'), closed: sumOf('closed') })
    .from(w)
    .where(rollupSlice(area, 'all', ['reported', 'closed'], period))
    .groupBy(w.day);
  const { first, last } = periodDays(period);
  // The current month's line ends today: days still to come are not days with no reports.
  const end = Math.min(Date.parse(`${last}T00:00:00Z`), Date.parse(`${chinaDate(now)}T00:00:00Z`));
  const byDate = new Map(rows.map((r) => [r.day, r]));
  const days: string[] = [];
  for (let ms = Date.parse(`${first}T00:00:00Z`); ms <= end; ms += 86_400_000) {
    days.push(new Date(ms).toISOString().slice(0, 10));
  }
  return {
    days,
    reported: days.map((d) => byDate.get(d)?.reported ?? 0),
    closed: days.map((d) => byDate.get(d)?.closed ?? 0),
  };
}

async function categoryNames(db: Queryable, keys: readonly string[]) {
  const codes = [...new Set(keys.map((k) => k.split(':')[1] ?? ''))];
  if (codes.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ kind: categories.kind, code: categories.code, name: categories.name })
    .from(categories)
    .where(inArray(categories.code, codes));
  return new Map(rows.map((r) => [`${r.kind}:${r.code}`, r.name]));
}

async function areaNames(db: Queryable, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, { name: string; code: string }>();
  const rows = await db
    .select({ id: areas.id, name: areas.name, code: areas.code })
    .from(areas)
    .where(inArray(areas.id, [...ids]));
  return new Map(rows.map((r) => [r.id, { name: r.name, code: r.code }]));
}

async function departmentNames(db: Queryable, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, string>();
  const rows = await db
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(inArray(departments.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** 案件类别: reports by category with closes, on-time closes, extensions and reworks, most reported first. */
export async function byCategory(db: Queryable, area: WallArea, period: Period, limit = 25) {
  const reported = sumOf('reported');
  const rows = await db
    .select({
      key: w.key,
      reported,
      closed: sumOf('closed'),
      closedOnTime: sumOf('closed_on_time'),
      extended: sumOf('extended'),
      reworked: sumOf('reworked'),
    })
    .from(w)
    .where(rollupSlice(area, 'category', DISPOSAL, period))
    .groupBy(w.key)
    .orderBy(desc(reported))
    .limit(limit);
  const names = await categoryNames(
    db,
    rows.map((r) => r.key),
  );
  return rows.map((r) => ({
    key: r.key,
    name: names.get(r.key) ?? r.key,
    reported: r.reported,
    closed: r.closed,
    overdue: Math.max(0, r.closed - r.closedOnTime),
    extended: r.extended,
    reworked: r.reworked,
  }));
}

/** 案件来源. */
export async function bySource(db: Queryable, area: WallArea, period: Period) {
  const rows = await db
    .select({ key: w.key, n: total })
    .from(w)
    .where(rollupSlice(area, 'source', ['reported'], period))
    .groupBy(w.key)
    .orderBy(desc(total));
  return rows.map((r) => ({ key: r.key, name: CASE_SOURCES[r.key as CaseSource] ?? r.key, count: r.n }));
}

/** 区域分布: the areas one level down (districts of the city, streets of a district; a street is itself). */
export async function byArea(db: Queryable, area: WallArea, period: Period) {
  const column = rankingLevelOf(area.level) === 'district' ? w.districtId : w.streetId;
  const reported = sumOf('reported');
  const rows = await db
    .select({
      areaId: column,
      reported,
      closed: sumOf('closed'),
      closedOnTime: sumOf('closed_on_time'),
      extended: sumOf('extended'),
      reworked: sumOf('reworked'),
    })
    .from(w)
    .where(rollupSlice(area, 'all', DISPOSAL, period))
    .groupBy(column)
    .orderBy(desc(reported));
  const names = await areaNames(
    db,
    rows.map((r) => r.areaId),
  );
  return rows.map((r) => ({
    areaId: r.areaId,
    code: names.get(r.areaId)?.code ?? '',
    name: names.get(r.areaId)?.name ?? String(r.areaId),
    reported: r.reported,
    closed: r.closed,
    overdue: Math.max(0, r.closed - r.closedOnTime),
    extended: r.extended,
    reworked: r.reworked,
    onTimeRate: percentOf(r.closedOnTime, r.closed),
  }));
}

/** Close-duration histograms per scope key ('' the area, 'c:<category>', 'd:<department>'). */
async function durationHistograms(
  db: Queryable,
  area: WallArea,
  period: Period,
  scopes: 'area' | 'category' | 'department',
) {
  const prefix = scopes === 'area' ? '|' : scopes === 'category' ? 'c:' : 'd:';
  const rows = await db
    .select({ key: w.key, n: total })
    .from(w)
    .where(and(rollupSlice(area, 'duration', ['closed'], period), sql`left(${w.key}, ${prefix.length}) = ${prefix}`))
    .groupBy(w.key);
  const histograms = new Map<string, number[]>();
  for (const row of rows) {
    const bar = row.key.lastIndexOf('|');
    const scope = row.key.slice(scopes === 'area' ? 0 : 2, bar);
    const bucket = Number(row.key.slice(bar + 1));
    const counts = histograms.get(scope) ?? Array.from({ length: DURATION_BUCKET_HOURS.length + 1 }, () => 0);
    counts[bucket] = (counts[bucket] ?? 0) + row.n;
    histograms.set(scope, counts);
  }
  return histograms;
}

function efficiencyOf(counts: readonly number[]) {
  return {
    closed: counts.reduce((a, b) => a + b, 0),
    p50Hours: percentileHours(counts, 0.5),
    p90Hours: percentileHours(counts, 0.9),
    within4h: shareWithinHours(counts, 4),
    within24h: shareWithinHours(counts, 24),
  };
}

/** 处置效率: P50 / P90 from report to close, closed within 4 h / 24 h, for the area, by category and department. */
export async function disposalEfficiency(db: Queryable, area: WallArea, period: Period) {
  const [overall, byCat, byDept, deptRows] = await Promise.all([
    durationHistograms(db, area, period, 'area'),
    durationHistograms(db, area, period, 'category'),
    durationHistograms(db, area, period, 'department'),
    db
      .select({
        key: w.key,
        dispatched: sumOf('dispatched'),
        closed: sumOf('closed'),
        closedOnTime: sumOf('closed_on_time'),
        extended: sumOf('extended'),
        reworked: sumOf('reworked'),
      })
      .from(w)
      .where(
        rollupSlice(area, 'department', ['dispatched', 'closed', 'closed_on_time', 'extended', 'reworked'], period),
      )
      .groupBy(w.key),
  ]);
  const counts = overall.get('') ?? Array.from({ length: DURATION_BUCKET_HOURS.length + 1 }, () => 0);
  const catNames = await categoryNames(db, [...byCat.keys()]);
  const deptIds = [...new Set([...byDept.keys(), ...deptRows.map((r) => r.key)].map(Number))];
  const deptNames = await departmentNames(db, deptIds);
  const deptFigures = new Map(deptRows.map((r) => [r.key, r]));
  return {
    ...efficiencyOf(counts),
    histogram: counts.map((n, i) => ({ label: bucketLabel(i), count: n })),
    categories: [...byCat.entries()]
      .map(([key, c]) => ({ key, name: catNames.get(key) ?? key, ...efficiencyOf(c) }))
      .sort((a, b) => b.closed - a.closed)
      .slice(0, 15),
    departments: deptIds
      .map((id) => {
        const figures = deptFigures.get(String(id));
        const c = byDept.get(String(id));
        return {
          departmentId: id,
          name: deptNames.get(id) ?? String(id),
          dispatched: figures?.dispatched ?? 0,
          overdue: Math.max(0, (figures?.closed ?? 0) - (figures?.closedOnTime ?? 0)),
          extended: figures?.extended ?? 0,
          reworked: figures?.reworked ?? 0,
          ...(c ? efficiencyOf(c) : efficiencyOf([])),
        };
      })
      .sort((a, b) => b.dispatched - a.dispatched || b.closed - a.closed)
      .slice(0, 15),
  };
}

/** 时段分布: reports by weekday (0 = Sunday) and hour, as [weekday, hour, count] cells. */
export async function weekHour(db: Queryable, area: WallArea, period: Period) {
  const rows = await db
    .select({ key: w.key, n: total })
    .from(w)
    .where(rollupSlice(area, 'week_hour', ['reported'], period))
    .groupBy(w.key);
  const cells: [number, number, number][] = [];
  const hours = Array.from({ length: 24 }, () => 0);
  for (const row of rows) {
    const [weekday, hour] = row.key.split('-').map(Number) as [number, number];
    cells.push([weekday, hour, row.n]);
    hours[hour] = (hours[hour] ?? 0) + row.n;
  }
  return { cells, hours };
}

/** 高发网格: the grids with the most reports. */
export async function hotGrids(db: Queryable, area: WallArea, period: Period, limit = 15) {
  const rows = await db
    .select({ key: w.key, n: total })
    .from(w)
    .where(rollupSlice(area, 'grid', ['reported'], period))
    .groupBy(w.key)
    .orderBy(desc(total))
    .limit(limit);
  const names = await areaNames(
    db,
    rows.map((r) => Number(r.key)),
  );
  return rows.map((r) => ({
    gridId: Number(r.key),
    code: names.get(Number(r.key))?.code ?? r.key,
    name: names.get(Number(r.key))?.name ?? r.key,
    count: r.n,
  }));
}

/**
 * Memory for summing a period's spot cells in one hash table. A city's three months at 10M
 * cases are ~740k cells in ~300k keys, a ~90 MB table (a hash table may use twice work_mem).
 * Under PostgreSQL's default 4 MB the aggregate spilled to disk in 21 batches: the city's
 * repeat points took 743–777 ms (p50) against 556–618 ms in memory. Set for the enclosing
 * transaction only (a caller's own transaction keeps it until it ends).
 */
const REPEAT_POINTS_WORK_MEM = '64MB';

/**
 * 重复发生点位: 50 m cells where one category was reported at least `minCases` times in
 * the period. Read from the rollup's cells with two or more reports in a month (a
 * partial index holds only those), so a point must recur within a month to count.
 */
export async function repeatPoints(db: Queryable, area: WallArea, period: Period, rules: RepeatPointRules, limit = 30) {
  const { first, last } = periodDays(period);
  const n = total;
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('work_mem', ${REPEAT_POINTS_WORK_MEM}, true)`);
    return tx
      .select({ key: w.key, n })
      .from(w)
      .where(
        and(
          eq(w.dimension, 'spot'),
          eq(w.measure, 'reported'),
          sql`${w.n} >= 2`,
          gte(w.day, first),
          lte(w.day, last),
          inArea(area),
        ),
      )
      .groupBy(w.key)
      .having(sql`sum(${w.n}) >= ${rules.minCases}`)
      .orderBy(desc(n))
      .limit(limit);
  });
  const names = await categoryNames(
    db,
    rows.map((r) => r.key.split('|')[0] ?? ''),
  );
  return rows.map((r) => {
    const [category = '', cell = '0,0'] = r.key.split('|');
    const [west, south, east, north] = spotCellBox(cell);
    return {
      key: r.key,
      category,
      categoryName: names.get(category) ?? category,
      count: r.n,
      lng: (west + east) / 2,
      lat: (south + north) / 2,
    };
  });
}

/** 上升预警: categories and areas whose reports rose past the thresholds, 环比 and 同比. */
export async function risingWarnings(db: Queryable, area: WallArea, period: Period, rules: TrendRules) {
  const { previous, lastYear } = comparisonMonths(period.from, period.to);
  const earlier = (range: [string, string]): Period => ({ from: range[0], to: range[1] });
  const countBy = async (dimension: 'category' | 'area', p: Period) => {
    const column = rankingLevelOf(area.level) === 'district' ? w.districtId : w.streetId;
    const key = dimension === 'category' ? w.key : sql<string>`${column}::text`;
    const rows = await db
      .select({ key, n: total })
      .from(w)
      .where(rollupSlice(area, dimension === 'category' ? 'category' : 'all', ['reported'], p))
      .groupBy(key);
    return new Map(rows.map((r) => [String(r.key), r.n]));
  };
  const compare = async (dimension: 'category' | 'area') => {
    const [now, prev, year] = await Promise.all([
      countBy(dimension, period),
      countBy(dimension, earlier(previous)),
      countBy(dimension, earlier(lastYear)),
    ]);
    return [...now.entries()].map(([key, current]) => ({
      key,
      current,
      previous: prev.get(key) ?? 0,
      lastYear: year.get(key) ?? 0,
    }));
  };
  const [cats, places] = await Promise.all([compare('category'), compare('area')]);
  const catNames = await categoryNames(
    db,
    cats.map((c) => c.key),
  );
  const placeNames = await areaNames(
    db,
    places.map((p) => Number(p.key)),
  );
  return {
    comparedWith: { previous, lastYear },
    categories: risingTrends(
      cats.map((c) => ({ ...c, name: catNames.get(c.key) ?? c.key })),
      rules,
    ).slice(0, 20),
    areas: risingTrends(
      places.map((p) => ({ ...p, name: placeNames.get(Number(p.key))?.name ?? p.key })),
      rules,
    ).slice(0, 20),
  };
}
