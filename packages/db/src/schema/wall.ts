import { WALL_DIMENSION_KEYS, WALL_MEASURE_KEYS } from '@citygov/domain/wall/wall-measures';
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { oneOf } from './one-of';

/**
 * The wall's rollup (指挥大厅大屏): daily counts per street of each chain measure (上报,
 * 受理, 立案…), maintained from the case event stream by a durable consumer
 * (apps/bff modules/wall/wall-rollup.ts), so the wall reads a few thousand rows instead of
 * counting cases. One row per day, street, dimension, key and measure:
 * - `all` (key ''): every measure — KPI, trend, ranking;
 * - `category` (key `<kind>:<code>`: component and event codes overlap; one row per month, `day` its
 *   first day) and `source`: reports only;
 * - `department` (key: the lead department's id): 派遣, 处置, 结案.
 * - analytics (monthly rows, modules/analytics): `week_hour` (key '<weekday>-<hour>'), `grid`
 *   (key: grid id), `spot` (key '<category>|<50 m cell>') of reports; `duration` of closes
 *   (key '<scope>|<bucket>', scope '' the area, 'c:<category>' or 'd:<department id>').
 * The district id rides along so a district wall filters on one column. `day` is the China
 * calendar day of the event.
 */
export const wallDailyCounts = pgTable(
  'wall_daily_counts',
  {
    dimension: text('dimension', { enum: WALL_DIMENSION_KEYS }).notNull(),
    measure: text('measure', { enum: WALL_MEASURE_KEYS }).notNull(),
    day: date('day').notNull(),
    districtId: integer('district_id').notNull(),
    streetId: integer('street_id').notNull(),
    key: text('key').notNull().default(''),
    n: integer('n').notNull().default(0),
  },
  (t) => [
    // City walls: one dimension and measure over a range of days.
    primaryKey({ columns: [t.dimension, t.measure, t.day, t.streetId, t.key] }),
    // District walls (a street wall filters the district's rows by street).
    index('wall_daily_counts_district_idx').on(t.districtId, t.dimension, t.measure, t.day),
    // Analytics' repeat points: only cells with two or more reports in a month (most have one),
    // carrying the street, key and count so the period's cells are summed from the index alone
    // (an index-only scan; reading the rollup's scattered heap rows was most of the time).
    index('wall_daily_counts_spot_idx')
      .on(t.day, t.districtId, t.streetId, t.key, t.n)
      .where(sql`${t.dimension} = 'spot' and ${t.measure} = 'reported' and ${t.n} >= 2`),
    check('wall_daily_counts_dimension_check', oneOf(t.dimension, WALL_DIMENSION_KEYS)),
    check('wall_daily_counts_measure_check', oneOf(t.measure, WALL_MEASURE_KEYS)),
  ],
);
