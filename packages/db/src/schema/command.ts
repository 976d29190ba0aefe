import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { cases } from './cases';
import { oneOf } from './one-of';

/**
 * 片长指挥: the GPS points field staff's phones report while on duty (在岗). A phone that
 * was offline sends its backlog later, so a point is keyed by (user, at) and a resend
 * changes nothing. Sized for ~2,000 field staff × one point per 30 s × 8 h ≈ 2M rows a
 * day; the one index serves "latest point per user" (the command scene) and "a user's
 * day" (mileage, track replay), both as a range on (user_id, at).
 */
export const staffPositions = pgTable(
  'staff_positions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    lng: doublePrecision('lng').notNull(),
    lat: doublePrecision('lat').notNull(),
    accuracyM: real('accuracy_m'),
    /** When the phone took the fix (not when it reached us). */
    at: timestamp('at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('staff_positions_user_at_uq').on(t.userId, t.at)],
);

/** 在岗 / 离岗: a field worker's current duty state and since when (the changes are in staff_duty_log). */
export const staffDuty = pgTable('staff_duty', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id),
  onDuty: boolean('on_duty').notNull(),
  since: timestamp('since', { withTimezone: true }).notNull(),
});

/**
 * Every 上岗 / 下岗 change, for the duty history (在岗统计: first on, last off, hours per day).
 * A 自动下岗 (the phone silent past the limit) is dated at the last fix and carries the limit.
 */
export const staffDutyLog = pgTable(
  'staff_duty_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    onDuty: boolean('on_duty').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** Null: the person pressed 上岗 / 下岗. Else 自动下岗 after this many minutes without a fix (the limit then). */
    autoOffMinutes: integer('auto_off_minutes'),
  },
  (t) => [index('staff_duty_log_user_at_idx').on(t.userId, t.at)],
);

/**
 * 巡查里程 and fix count of a person's finished China day, computed once from the track
 * (a month's 在岗统计 of a city would otherwise read tens of millions of fixes). A fix that
 * arrives late for a finished day deletes the day's row, so it is computed again.
 */
export const staffPatrolDays = pgTable(
  'staff_patrol_days',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    day: date('day', { mode: 'string' }).notNull(),
    mileageM: doublePrecision('mileage_m').notNull(),
    fixes: integer('fixes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] })],
);

/** 呼叫中 / 已接受 / 已拒绝 / 超时未接 (not answered within CITYGOV_CALL_TIMEOUT_SECONDS). */
export const CALL_STATES = ['calling', 'accepted', 'declined', 'expired'] as const;

/**
 * 呼叫最近人员: who was called to a case, from how far, and their answer. At most one open
 * call (呼叫中) per person, so a person holding a call is not called again.
 */
export const caseCalls = pgTable(
  'case_calls',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    calledBy: integer('called_by')
      .notNull()
      .references(() => users.id),
    distanceM: integer('distance_m').notNull(),
    state: text('state', { enum: CALL_STATES }).notNull().default('calling'),
    calledAt: timestamp('called_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** When an unanswered call times out (超时未接) and passes to the next nearest. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('case_calls_state_check', oneOf(t.state, CALL_STATES)),
    // The scene's call list of one case.
    index('case_calls_case_idx').on(t.caseId, t.calledAt),
    // One open call per person; also "my open call" on the phone.
    uniqueIndex('case_calls_open_user_uq').on(t.userId).where(sql`${t.state} = 'calling'`),
  ],
);
