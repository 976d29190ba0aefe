import { SMS_GATEWAYS, SMS_PURPOSES, SMS_STATES } from '@citygov/domain/messaging/sms';
import { bigserial, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { oneOf } from './one-of';

/**
 * Every text message the platform sends, whichever gateway carries it, with its state
 * (packages/domain/src/messaging/sms.ts): the gateway's id for it (阿里云 BizId, 云MAS
 * msgGroup), the delivery receipt, the last error. `out_id` is ours and goes to the gateway
 * with the message, so a receipt or a status query can be matched even when the send timed
 * out before the gateway's id came back. A few thousand rows a day in a city.
 */
export const smsMessages = pgTable(
  'sms_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    outId: text('out_id').notNull(),
    gateway: text('gateway', { enum: SMS_GATEWAYS }).notNull(),
    purpose: text('purpose', { enum: SMS_PURPOSES }).notNull(),
    phone: text('phone').notNull(),
    template: text('template').notNull(),
    params: jsonb('params').$type<Record<string, string>>().notNull(),
    state: text('state', { enum: SMS_STATES }).notNull().default('pending'),
    remoteId: text('remote_id'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** The receipt's or status query's error code (阿里云 err_code, 云MAS reportStatus). */
    errCode: text('err_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sms_messages_out_id_uq').on(t.outId),
    // Receipts find their message by the gateway's id.
    index('sms_messages_remote_idx').on(t.gateway, t.remoteId),
    // The per-number rate limit counts a number's recent messages.
    index('sms_messages_phone_idx').on(t.phone, t.createdAt),
    // The reconciler asks about messages in state unknown.
    index('sms_messages_state_idx').on(t.state, t.updatedAt),
    check('sms_messages_state_check', oneOf(t.state, SMS_STATES)),
    check('sms_messages_gateway_check', oneOf(t.gateway, SMS_GATEWAYS)),
    check('sms_messages_purpose_check', oneOf(t.purpose, SMS_PURPOSES)),
  ],
);
