import { WALL_MEASURE_KEYS } from '@citygov/domain/wall/wall-measures';
import { check, date, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { oneOf } from './one-of';

/**
 * The wall's rollup (指挥大厅大屏): daily counts per street, category and source of each
 * chain measure (上报, 受理, 立案…), maintained from the case event stream by a durable
 * consumer (apps/bff modules/wall/wall-rollup.ts), so the wall reads a day's few hundred
 * rows instead of counting cases. The district id rides along so a district wall filters
 * on one column. `day` is the China calendar day of the event.
 */
export const wallDailyCounts = pgTable(
  'wall_daily_counts',
  {
    day: date('day').notNull(),
    districtId: integer('district_id').notNull(),
    streetId: integer('street_id').notNull(),
    /** `<kind>:<code>` (e.g. `event:0101`): component and event codes overlap. */
    categoryCode: text('category_code').notNull(),
    source: text('source').notNull(),
    measure: text('measure', { enum: WALL_MEASURE_KEYS }).notNull(),
    n: integer('n').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.streetId, t.categoryCode, t.source, t.measure] }),
    // A district wall's days.
    index('wall_daily_counts_district_idx').on(t.districtId, t.day),
    check('wall_daily_counts_measure_check', oneOf(t.measure, WALL_MEASURE_KEYS)),
  ],
);

/** The same measures per lead department (部门处置), for the department panel. */
export const wallDailyDepartments = pgTable(
  'wall_daily_departments',
  {
    day: date('day').notNull(),
    districtId: integer('district_id').notNull(),
    streetId: integer('street_id').notNull(),
    departmentId: integer('department_id').notNull(),
    measure: text('measure', { enum: WALL_MEASURE_KEYS }).notNull(),
    n: integer('n').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.streetId, t.departmentId, t.measure] }),
    index('wall_daily_departments_district_idx').on(t.districtId, t.day),
    check('wall_daily_departments_measure_check', oneOf(t.measure, WALL_MEASURE_KEYS)),
  ],
);
