import { bigint, bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';

/**
 * The operation log (操作日志): who did what, when, from where, with what outcome.
 *
 * Append-only and hash-chained by triggers (migration `audit_log_append_only`): UPDATE,
 * DELETE and TRUNCATE are refused for every database user, and each insert is given the
 * next `chain_seq`, the previous row's hash and its own SHA-256 under a lock held to
 * commit, so the chain is one total order. `pnpm audit:verify` recomputes it. Rows are
 * never deleted (retention ≥ 180 days, MLPS); a user with log rows cannot be deleted.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'no action' }),
    username: text('username'),
    /** The procedure or action, e.g. "users.create". */
    action: text('action').notNull(),
    outcome: text('outcome', { enum: ['ok', 'denied', 'failed'] }).notNull(),
    target: text('target'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    ip: text('ip'),
    /** Area path of the acting user, so a district admin's log view can be scoped. */
    areaPath: text('area_path'),
    /** Position in the hash chain (1, 2, …; set by the trigger, unique, no gaps). */
    chainSeq: bigint('chain_seq', { mode: 'number' }),
    /** row_hash of the row before in the chain (64 zeros for the first). */
    prevHash: text('prev_hash'),
    /** SHA-256 of prev_hash and this row's canonical content (see verify-audit-chain.ts). */
    rowHash: text('row_hash'),
  },
  (t) => [
    // Admin log view: newest first, optionally per user / action.
    index('audit_log_at_idx').on(t.at),
    index('audit_log_user_idx').on(t.userId, t.at),
  ],
);
