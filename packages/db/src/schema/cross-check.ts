import {
  CASE_MARK_KEYS,
  CROSS_CHECK_VERDICT_KEYS,
  UNQUALIFIED_HANDLING_KEYS,
} from '@citygov/domain/cross-check/reasons';
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { cases } from './cases';
import { oneOf } from './one-of';
import { areas, departments } from './org';

/**
 * A monthly cross-check plan (交叉抽查计划) of one county: how many cases (or what share)
 * of the month's closed cases, the seed the draw used and the strata it found, so the
 * same draw can be made again and compared. One plan per county and month.
 */
export const crossCheckPlans = pgTable(
  'cross_check_plans',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    districtId: integer('district_id')
      .notNull()
      .references(() => areas.id),
    /** 'YYYY-MM'. */
    month: text('month').notNull(),
    mode: text('mode', { enum: ['count', 'share'] }).notNull(),
    /** The requested count, or the share in percent. */
    amount: doublePrecision('amount').notNull(),
    seed: text('seed').notNull(),
    population: integer('population').notNull(),
    /** Per stratum (大类|来源): cases in the month and cases drawn. */
    strata: jsonb('strata').$type<{ key: string; population: number; drawn: number }[]>().notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('cross_check_plans_mode_check', oneOf(t.mode, ['count', 'share'])),
    // The county's plan of a month (one at most; the plan list reads by month).
    uniqueIndex('cross_check_plans_district_month_uq').on(t.districtId, t.month),
  ],
);

/**
 * One sampled case (抽查样本), the supervisor of another county it is assigned to, and the
 * review: 合格/不合格, reason codes, note, what was done with an unqualified case, and the
 * library mark (典型案例/错误案例). The county, department and collector are copied from
 * the case at draw time, so the statistics group without re-reading history.
 */
export const crossCheckSamples = pgTable(
  'cross_check_samples',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    planId: bigint('plan_id', { mode: 'number' })
      .notNull()
      .references(() => crossCheckPlans.id, { onDelete: 'cascade' }),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    stratum: text('stratum').notNull(),
    districtId: integer('district_id')
      .notNull()
      .references(() => areas.id),
    departmentId: integer('department_id').references(() => departments.id),
    collectorId: integer('collector_id').references(() => users.id),
    reviewerId: integer('reviewer_id')
      .notNull()
      .references(() => users.id),
    reviewerDistrictId: integer('reviewer_district_id')
      .notNull()
      .references(() => areas.id),
    verdict: text('verdict', { enum: CROSS_CHECK_VERDICT_KEYS }),
    reasonCodes: jsonb('reason_codes').$type<string[]>().notNull().default([]),
    note: text('note'),
    /** For an unqualified case: 'rework' (sent back) or 'evaluation' (deducted). */
    handling: text('handling', { enum: UNQUALIFIED_HANDLING_KEYS }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    mark: text('mark', { enum: CASE_MARK_KEYS }),
    markNote: text('mark_note'),
    markedBy: integer('marked_by').references(() => users.id),
  },
  (t) => [
    check('cross_check_samples_verdict_check', oneOf(t.verdict, CROSS_CHECK_VERDICT_KEYS)),
    check('cross_check_samples_handling_check', oneOf(t.handling, UNQUALIFIED_HANDLING_KEYS)),
    check('cross_check_samples_mark_check', oneOf(t.mark, CASE_MARK_KEYS)),
    // A supervisor never reviews their own county (the draw assigns so; this keeps it so).
    check('cross_check_samples_other_county_check', sql`${t.reviewerDistrictId} <> ${t.districtId}`),
    uniqueIndex('cross_check_samples_plan_case_uq').on(t.planId, t.caseId),
    // A reviewer's queue (我的抽查), open first.
    index('cross_check_samples_reviewer_idx').on(t.reviewerId, t.reviewedAt),
    // A case's samples (the verdict action checks its sample; the case page).
    index('cross_check_samples_case_idx').on(t.caseId),
    // The library (典型/错误案例).
    index('cross_check_samples_mark_idx').on(t.mark).where(sql`${t.mark} is not null`),
  ],
);

/** 不合格原因 as edited by the city; empty means the shipped list (packages/domain cross-check/reasons.ts). */
export const crossCheckReasons = pgTable('cross_check_reasons', {
  code: text('code').primaryKey(),
  label: text('label').notNull(),
  active: boolean('active').notNull().default(true),
  position: integer('position').notNull(),
});

/** The city's cross-check settings: one row (id 1); missing means the defaults. */
export const crossCheckSettings = pgTable(
  'cross_check_settings',
  {
    id: integer('id').primaryKey(),
    unqualifiedHandling: text('unqualified_handling', { enum: UNQUALIFIED_HANDLING_KEYS }).notNull(),
    deductionPoints: doublePrecision('deduction_points').notNull(),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('cross_check_settings_one_row', sql`${t.id} = 1`),
    check('cross_check_settings_handling_check', oneOf(t.unqualifiedHandling, UNQUALIFIED_HANDLING_KEYS)),
  ],
);
