import { wallDailyCounts as w } from '@citygov/db/schema/wall';
import { lastDayOfMonth } from '@citygov/domain/analytics/analytics-rules';
import type { WallDimension, WallMeasure } from '@citygov/domain/wall/wall-measures';
import { and, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { WallArea } from '../wall/api';

/** A range of whole months ('YYYY-MM'): the analytics centre's period (the rollup keeps categories by month). */
export interface Period {
  from: string;
  to: string;
}

export function periodDays(period: Period): { first: string; last: string } {
  return { first: `${period.from}-01`, last: lastDayOfMonth(period.to) };
}

export function inArea(area: WallArea): SQL | undefined {
  if (area.level === 'district') return eq(w.districtId, area.id);
  if (area.level === 'street') return eq(w.streetId, area.id);
  return undefined;
}

/** The rollup rows of one dimension and some measures over a period, in an area (served by the primary key or the district index). */
export function rollupSlice(
  area: WallArea,
  dimension: WallDimension,
  measures: readonly WallMeasure[],
  period: Period,
) {
  const { first, last } = periodDays(period);
  return and(
    eq(w.dimension, dimension),
    measures.length === 1 ? eq(w.measure, measures[0] ?? 'reported') : inArray(w.measure, [...measures]),
    gte(w.day, first),
    lte(w.day, last),
    inArea(area),
  );
}
