import type { Banding, IndicatorFormula } from '@citygov/domain/evaluation/indicators';
import { AREA_LEVELS, SUBJECT_KINDS } from '@citygov/domain/evaluation/subjects';
import { SUPERVISION_ORDER_STATUSES } from '@citygov/domain/supervision/supervision-orders';
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  date,
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
import { users } from './auth';
import { cases } from './cases';
import { oneOf } from './one-of';
import { areas, departments } from './org';

/**
 * The indicator table (考核指标) as edited by the city: one row per indicator of a subject
 * kind. A kind with no rows uses the shipped definitions (packages/domain evaluation/indicators.ts);
 * saving a kind replaces its rows as a whole, so its weights always add up to 100.
 */
export const evaluationIndicators = pgTable(
  'evaluation_indicators',
  {
    id: serial('id').primaryKey(),
    subjectKind: text('subject_kind', { enum: SUBJECT_KINDS }).notNull(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    /** Read through zod (`ZIndicatorFormula`), never cast. */
    formula: jsonb('formula').$type<IndicatorFormula>().notNull(),
    weight: doublePrecision('weight').notNull(),
    banding: jsonb('banding').$type<Banding>().notNull(),
    position: integer('position').notNull(),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('evaluation_indicators_kind_check', oneOf(t.subjectKind, SUBJECT_KINDS)),
    uniqueIndex('evaluation_indicators_kind_key_uq').on(t.subjectKind, t.key),
  ],
);

/**
 * Published evaluation results (发布的考核结果): the ranking of one period, subject kind
 * and scope, frozen with the indicator definitions and the case ids behind every number.
 * Later case edits do not change it; 重新计算 writes a new revision and marks the old one
 * superseded (both kept, the reason on the row and in the audit log).
 */
export const evaluationResults = pgTable(
  'evaluation_results',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    periodKey: text('period_key').notNull(),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    subjectKind: text('subject_kind', { enum: SUBJECT_KINDS }).notNull(),
    /** The level areas were ranked at; '' for the other kinds (so the unique index holds). */
    areaLevel: text('area_level').notNull().default(''),
    /** The publisher's scope: the city or one district (a district publishes its own). */
    scopeAreaId: integer('scope_area_id')
      .notNull()
      .references(() => areas.id),
    revision: integer('revision').notNull(),
    current: integer('current').notNull().default(1),
    /** Read through zod (`ZEvaluationSnapshot` in the BFF evaluation module). */
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    reason: text('reason'),
    publishedBy: integer('published_by')
      .notNull()
      .references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('evaluation_results_kind_check', oneOf(t.subjectKind, SUBJECT_KINDS)),
    check('evaluation_results_level_check', sql`${t.areaLevel} = '' or ${oneOf(t.areaLevel, AREA_LEVELS)}`),
    // The one current result of a period, kind, level and scope (read on every evaluation view).
    uniqueIndex('evaluation_results_current_uq')
      .on(t.periodKey, t.subjectKind, t.areaLevel, t.scopeAreaId)
      .where(sql`${t.current} = 1`),
  ],
);

/**
 * Each case's timeline facts as the evaluation reads them (packages/domain
 * evaluation/timeline-facts.ts, kept as kept-facts.ts writes them), so a ranking reads
 * one small row per case instead of replaying every event of the period. `facts_seq`
 * is the stream position the facts were read through; `latest_seq` the case's last event
 * as the evaluation-facts consumer of the stream saw it. Facts are current while
 * `latest_seq` is not past `facts_seq`; otherwise they are read afresh from the timeline.
 */
export const evaluationCaseFacts = pgTable('evaluation_case_facts', {
  caseId: bigint('case_id', { mode: 'number' })
    .primaryKey()
    .references(() => cases.id, { onDelete: 'cascade' }),
  facts: jsonb('facts').$type<unknown>(),
  factsSeq: bigint('facts_seq', { mode: 'number' }),
  latestSeq: bigint('latest_seq', { mode: 'number' }),
});

/**
 * 督办单: an order from a supervisor or leader to a department, about one case or the
 * department's work in general, with the time its reply is due. Overdue (逾期) is computed
 * from `reply_due_at`, never stored, so it cannot go stale.
 */
export const supervisionOrders = pgTable(
  'supervision_orders',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: bigint('case_id', { mode: 'number' }).references(() => cases.id),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    /** Where the order applies, for data scope: the case's grid or the department's area. */
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id),
    instruction: text('instruction').notNull(),
    replyDueAt: timestamp('reply_due_at', { withTimezone: true }).notNull(),
    issuedBy: integer('issued_by')
      .notNull()
      .references(() => users.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    status: text('status', { enum: SUPERVISION_ORDER_STATUSES }).notNull().default('open'),
    reply: text('reply'),
    repliedBy: integer('replied_by').references(() => users.id),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
  },
  (t) => [
    check('supervision_orders_status_check', oneOf(t.status, SUPERVISION_ORDER_STATUSES)),
    // A department's open orders (the desk's 督办 list), soonest due first.
    index('supervision_orders_department_idx').on(t.departmentId, t.status, t.replyDueAt),
    // A case's orders (case detail, timeline).
    index('supervision_orders_case_idx').on(t.caseId).where(sql`${t.caseId} is not null`),
    // Open orders city-wide by due time (leader's tablet, escalation).
    index('supervision_orders_open_due_idx').on(t.replyDueAt).where(sql`${t.status} = 'open'`),
  ],
);
