import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { oneOf } from './one-of';

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'dead'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * The outbox (发件箱): every message for an outside system, derived from the case event
 * stream by the consumer `outbox` in the transaction that also moves its cursor, so no
 * change is lost and none is turned into a message twice (the idempotency key is unique).
 * A lane (`system` + `lane`, e.g. `case:42`) is delivered strictly in id order: only the
 * lowest unsent message of a lane may be sent. `sending` with `lease_until` is a claim; a
 * claim whose lease ran out was interrupted (a killed worker) and is retried only for an
 * idempotent system, else the message goes to the dead letters as "outcome unknown".
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    system: text('system').notNull(),
    lane: text('lane').notNull(),
    kind: text('kind').notNull(),
    caseId: bigint('case_id', { mode: 'number' }),
    eventSeq: bigint('event_seq', { mode: 'number' }),
    idempotencyKey: text('idempotency_key').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    remoteId: text('remote_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    deadAt: timestamp('dead_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('outbox_messages_status_check', oneOf(t.status, OUTBOX_STATUSES)),
    uniqueIndex('outbox_messages_key_uq').on(t.system, t.idempotencyKey),
    // The head of each lane and the sweep: unsent messages only.
    index('outbox_messages_unsent_idx').on(t.system, t.lane, t.id).where(sql`${t.status} <> 'sent'`),
    index('outbox_messages_sent_idx').on(t.system, t.sentAt),
  ],
);

/** Inbound callbacks (feedback webhooks) already taken, so a repeated one changes nothing. */
export const integrationCallbacks = pgTable(
  'integration_callbacks',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    system: text('system').notNull(),
    callbackId: text('callback_id').notNull(),
    caseNo: text('case_no'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('integration_callbacks_uq').on(t.system, t.callbackId)],
);
