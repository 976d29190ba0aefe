import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
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

/**
 * Suspected duplicates (疑似重复) found when a report came in, scored between the
 * review and merge thresholds: the shift lead merges or dismisses each pair.
 */
export const duplicateSuspects = pgTable(
  'duplicate_suspects',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** The newer report. */
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    /** The earlier case it may repeat. */
    candidateId: bigint('candidate_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    score: doublePrecision('score').notNull(),
    factors: jsonb('factors').$type<Record<string, unknown>>(),
    status: text('status', { enum: ['pending', 'merged', 'dismissed'] })
      .notNull()
      .default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: integer('resolved_by').references(() => users.id),
    resolvedByName: text('resolved_by_name'),
  },
  (t) => [
    uniqueIndex('duplicate_suspects_pair_uq').on(t.caseId, t.candidateId),
    // The shift lead's list: pending pairs, newest first.
    index('duplicate_suspects_pending_idx').on(t.createdAt).where(sql`${t.status} = 'pending'`),
    index('duplicate_suspects_candidate_idx').on(t.candidateId),
  ],
);

/** City settings an admin edits (判重阈值 and the like), one JSON value per key. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: integer('updated_by').references(() => users.id),
});

/**
 * 小类建议 feedback: for each report filed from the intake form, what the model
 * suggested (with its version) and the category the person chose. A choice other than
 * the first suggestion is a correction the model learns from at once (category-model).
 */
export const categoryFeedback = pgTable(
  'category_feedback',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: bigint('case_id', { mode: 'number' }).references(() => cases.id, { onDelete: 'set null' }),
    text: text('text').notNull(),
    address: text('address'),
    /** The suggestions shown, best first: [{ kind, code, score }]. */
    suggested: jsonb('suggested').$type<{ kind: string; code: string; score: number }[]>().notNull(),
    modelVersion: text('model_version').notNull(),
    chosenKind: text('chosen_kind', { enum: ['component', 'event'] }).notNull(),
    chosenCode: text('chosen_code').notNull(),
    /** The chosen category was not the first suggestion. */
    corrected: boolean('corrected').notNull(),
    userId: integer('user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The model loads the newest corrections, and polls for new ones by id.
  (t) => [index('category_feedback_corrected_idx').on(t.id).where(sql`${t.corrected}`)],
);
