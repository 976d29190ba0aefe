import { CHIEF_LEVEL_KEYS, CHIEF_LINE_KEYS } from '@citygov/domain/street-chiefs/chief-lines';
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { cases } from './cases';
import { oneOf } from './one-of';
import { areas } from './org';

/**
 * 街长制: who holds each chief post of a grid — one 街长 and one 片长 on each of the two
 * lines (管理 / 执法). 2,400 demo grids × 4 posts; a chief holds the posts of many grids.
 */
export const streetChiefs = pgTable(
  'street_chiefs',
  {
    gridId: integer('grid_id')
      .notNull()
      .references(() => areas.id),
    line: text('line', { enum: CHIEF_LINE_KEYS }).notNull(),
    level: text('level', { enum: CHIEF_LEVEL_KEYS }).notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.gridId, t.line, t.level] }),
    check('street_chiefs_line_check', oneOf(t.line, CHIEF_LINE_KEYS)),
    check('street_chiefs_level_check', oneOf(t.level, CHIEF_LEVEL_KEYS)),
    // A chief's own posts (their queue, their 交接班 page).
    index('street_chiefs_user_idx').on(t.userId),
  ],
);

/**
 * 交接班 (A/B post): a chief's grids (all, or some) passed to another person for a time
 * window. Nothing flips when a window ends: routing reads the window at the time of the
 * report, so a delegation ends by itself; `ended_at` records an early end by hand.
 */
export const chiefDelegations = pgTable(
  'chief_delegations',
  {
    id: serial('id').primaryKey(),
    fromUserId: integer('from_user_id')
      .notNull()
      .references(() => users.id),
    toUserId: integer('to_user_id')
      .notNull()
      .references(() => users.id),
    /** null: every grid of the chief. */
    gridIds: integer('grid_ids').array(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    reason: text('reason').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    check('chief_delegations_window_check', sql`${t.endsAt} > ${t.startsAt}`),
    // Routing: the delegations of one chief that may still run.
    index('chief_delegations_from_idx').on(t.fromUserId, t.endsAt),
    // The delegate's view of what was handed to them.
    index('chief_delegations_to_idx').on(t.toUserId, t.endsAt),
  ],
);

export const SMS_SEND_STATES = ['pending', 'sent', 'failed'] as const;

/**
 * 教育短信 a management chief sends the subject of a case. Written as 'pending' by the
 * 教育 action (`recordEducationSms`); the SMS adapter, once it exists, sends the pending
 * rows and records the outcome (an outbox).
 */
export const educationMessages = pgTable(
  'education_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    phone: text('phone'),
    text: text('text').notNull(),
    sendState: text('send_state', { enum: SMS_SEND_STATES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    remoteId: text('remote_id'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('education_messages_send_state_check', oneOf(t.sendState, SMS_SEND_STATES)),
    // The sender's outbox scan.
    index('education_messages_pending_idx').on(t.createdAt).where(sql`${t.sendState} = 'pending'`),
    index('education_messages_case_idx').on(t.caseId),
  ],
);
