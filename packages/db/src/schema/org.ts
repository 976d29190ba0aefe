import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** A GeoJSON polygon ring set, stored as jsonb so both PGlite and PostgreSQL hold it. */
export type PolygonCoordinates = number[][][];

/**
 * The administrative tree (city → district → street → community → unit grid) in
 * one table. `path` is the materialised path of ids ("/1/3/17/") so data-scope
 * checks are a prefix match served by the btree index on path.
 */
export const areas = pgTable(
  'areas',
  {
    id: serial('id').primaryKey(),
    parentId: integer('parent_id').references((): AnyPgColumn => areas.id),
    level: text('level', { enum: ['city', 'district', 'street', 'community', 'grid'] }).notNull(),
    /** Administrative code: 6 digits for a district, 9 street, 12 community, 14 grid. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    path: text('path').notNull(),
    boundary: jsonb('boundary').$type<PolygonCoordinates>(),
    centerLng: doublePrecision('center_lng'),
    centerLat: doublePrecision('center_lat'),
    minLng: doublePrecision('min_lng'),
    minLat: doublePrecision('min_lat'),
    maxLng: doublePrecision('max_lng'),
    maxLat: doublePrecision('max_lat'),
  },
  (t) => [
    // Lookup by code (grid code on a case, admin code in imports).
    uniqueIndex('areas_code_uq').on(t.code),
    // Children of a node (tree views).
    index('areas_parent_idx').on(t.parentId),
    // Scope filters: `path like '/1/3/%'` (text_pattern_ops makes LIKE prefix indexable).
    index('areas_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    // Point-in-grid candidate lookup by bounding box.
    index('areas_bbox_idx').on(t.level, t.minLng, t.minLat),
  ],
);

/**
 * Departments (专业部门), their sub-units, and enforcement squadrons (执法中队), in one tree.
 * `areaId` is the area the department serves (the city, or one district).
 */
export const departments = pgTable(
  'departments',
  {
    id: serial('id').primaryKey(),
    parentId: integer('parent_id').references((): AnyPgColumn => departments.id),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['command_centre', 'professional', 'squadron', 'sub_unit'] }).notNull(),
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id),
    path: text('path').notNull(),
    phone: text('phone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('departments_parent_idx').on(t.parentId),
    index('departments_area_idx').on(t.areaId),
    index('departments_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
  ],
);
