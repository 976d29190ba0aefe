import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const CATEGORY_KINDS = ['component', 'event'] as const;

/** Major classes (大类) of the GB/T 47678.5 catalogue, per kind. */
export const categoryMajors = pgTable(
  'category_majors',
  {
    kind: text('kind', { enum: CATEGORY_KINDS }).notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.code] })],
);

/**
 * Minor categories (小类). The national code is the key (with the kind: component and
 * event codes overlap). Conditions are set locally by each city, so they are editable.
 */
export const categories = pgTable(
  'categories',
  {
    kind: text('kind', { enum: CATEGORY_KINDS }).notNull(),
    code: text('code').notNull(),
    majorCode: text('major_code').notNull(),
    name: text('name').notNull(),
    synonyms: text('synonyms').array().notNull().default([]),
    fileCondition: text('file_condition').notNull().default(''),
    closeCondition: text('close_condition').notNull().default(''),
    /** Local categories added by the city, as opposed to the national catalogue. */
    isLocal: integer('is_local').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.code] }), index('categories_major_idx').on(t.kind, t.majorCode)],
);

export const URGENCIES = ['urgent', 'normal'] as const;
export const CASE_STAGES = ['accept', 'file', 'dispatch', 'handle', 'check', 'close'] as const;
/** 紧急工作时 natural hours, 工作时 working hours, 工作日 working days. */
export const LIMIT_UNITS = ['natural_hours', 'working_hours', 'working_days'] as const;

/** Time limits (时限) per category × urgency × stage. */
export const categoryTimeLimits = pgTable(
  'category_time_limits',
  {
    kind: text('kind', { enum: CATEGORY_KINDS }).notNull(),
    code: text('code').notNull(),
    urgency: text('urgency', { enum: URGENCIES }).notNull(),
    stage: text('stage', { enum: CASE_STAGES }).notNull(),
    amount: integer('amount').notNull(),
    unit: text('unit', { enum: LIMIT_UNITS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.code, t.urgency, t.stage] })],
);
