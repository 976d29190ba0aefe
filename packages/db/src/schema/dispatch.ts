import { boolean, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { areas, departments } from './org';

/**
 * Dispatch rules (派遣规则): category × area × urgency → lead and assisting departments.
 * Null targets mean "any"; matching is `@citygov/domain/dispatch/dispatch-rules`. A city
 * has tens to hundreds, so they are read whole and matched in memory.
 */
export const dispatchRules = pgTable('dispatch_rules', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  /** Dispatch with no human step when a case is filed; otherwise only suggested. */
  automatic: boolean('automatic').notNull().default(false),
  priority: integer('priority').notNull().default(0),
  kind: text('kind', { enum: ['component', 'event'] }),
  majorCode: text('major_code'),
  categoryCode: text('category_code'),
  areaId: integer('area_id').references(() => areas.id),
  urgency: text('urgency', { enum: ['normal', 'urgent'] }),
  leadDepartmentId: integer('lead_department_id')
    .notNull()
    .references(() => departments.id),
  assistingDepartmentIds: integer('assisting_department_ids').array().notNull().default([]),
  note: text('note'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: integer('updated_by').references(() => users.id),
});
