import { bigint, bigserial, check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { cases } from './cases';
import { oneOf } from './one-of';

export const ENFORCEMENT_SUBJECT_KINDS = ['person', 'organisation'] as const;
export type EnforcementSubjectKind = (typeof ENFORCEMENT_SUBJECT_KINDS)[number];

/**
 * A case linked to an enforcement subject (执法当事人) of the enforcement system: read one
 * way for 以事查人 (a case's subjects), the other for 以人查事 (a subject's cases). The
 * subject itself lives in the enforcement system; its name and masked code are copied here
 * for the lists. The push of a 案源 itself is an outbox message (system `enforcement`).
 */
export const enforcementLinks = pgTable(
  'enforcement_links',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    /** The enforcement system's subject id. */
    subjectId: text('subject_id').notNull(),
    subjectKind: text('subject_kind', { enum: ENFORCEMENT_SUBJECT_KINDS }).notNull(),
    subjectName: text('subject_name').notNull(),
    /** Masked ID number or 统一社会信用代码, as the lists show it. */
    subjectCode: text('subject_code').notNull(),
    linkedBy: integer('linked_by')
      .notNull()
      .references(() => users.id),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('enforcement_links_subject_kind_check', oneOf(t.subjectKind, ENFORCEMENT_SUBJECT_KINDS)),
    uniqueIndex('enforcement_links_case_subject_uq').on(t.caseId, t.subjectId),
    index('enforcement_links_subject_idx').on(t.subjectId, t.linkedAt),
  ],
);
