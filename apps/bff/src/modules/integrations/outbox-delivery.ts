import { type Queryable, rowsOf } from '@citygov/db/client';
import { outboxMessages } from '@citygov/db/schema/outbox';
import { and, eq, sql } from 'drizzle-orm';
import { DeliveryError, type OutboundChannel } from '../../adapters/channel';

export interface DeliveryPolicy {
  /** Attempts before a message goes to the dead letters. */
  maxAttempts: number;
  /** First retry delay; doubled per attempt up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** How long a claim holds; past it the claim counts as interrupted (must exceed the adapter's timeout). */
  leaseMs: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  maxAttempts: 10,
  baseDelayMs: 5_000,
  maxDelayMs: 15 * 60_000,
  leaseMs: 60_000,
};

export type LaneOutcome =
  /** Nothing left to send. */
  | { state: 'drained'; sent: number }
  /** The head is dead (waits for 重发), claimed by another worker, or waiting for its retry time. */
  | { state: 'blocked' | 'busy' | 'waiting'; sent: number }
  /** The head failed and will be retried. */
  | { state: 'failed'; sent: number; error: string };

interface Head {
  id: number;
  status: string;
  attempts: number;
  leaseExpired: boolean;
  due: boolean;
}

function retryDelay(policy: DeliveryPolicy, attempts: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

/** The lowest unsent message of a lane. */
async function headOf(db: Queryable, system: string, lane: string): Promise<Head | null> {
  const rows = rowsOf<{ id: string | number; status: string; attempts: number; lease_expired: boolean; due: boolean }>(
    await db.execute(sql`
      select id, status, attempts,
             coalesce(lease_until < now(), true) as lease_expired,
             next_attempt_at <= now() as due
        from outbox_messages
       where system = ${system} and lane = ${lane} and status <> 'sent'
       order by id
       limit 1`),
  );
  const row = rows[0];
  return row
    ? { id: Number(row.id), status: row.status, attempts: row.attempts, leaseExpired: row.lease_expired, due: row.due }
    : null;
}

/**
 * Sends a lane's messages one by one in id order, each only once it is the lane's head.
 * A message is claimed (`sending`, lease, attempt counted) in its own short statement
 * before the call, and marked `sent` with the remote id after it, so any number of workers
 * in any number of processes can wake the same lane: one claim wins, the others leave.
 * A claim left by a killed worker is taken over when its lease ends — sent again with the
 * same idempotency key to an idempotent system, parked as a dead letter otherwise.
 */
export async function deliverLane(
  db: Queryable,
  channel: OutboundChannel,
  lane: string,
  policy: DeliveryPolicy = DEFAULT_DELIVERY_POLICY,
): Promise<LaneOutcome> {
  let sent = 0;
  for (;;) {
    const head = await headOf(db, channel.system, lane);
    if (!head) return { state: 'drained', sent };
    if (head.status === 'dead') return { state: 'blocked', sent };
    if (head.status === 'sending' && !head.leaseExpired) return { state: 'busy', sent };
    if (head.status === 'pending' && !head.due) return { state: 'waiting', sent };
    if (head.status === 'sending' && !channel.idempotent) {
      // Interrupted mid-call: it may have arrived. A non-idempotent system never gets it twice.
      await db
        .update(outboxMessages)
        .set({
          status: 'dead',
          deadAt: sql`now()`,
          leaseUntil: null,
          lastError: '发送中断，结果未知；为免重复发送未自动重发，请核实后重发',
        })
        .where(and(eq(outboxMessages.id, head.id), eq(outboxMessages.status, 'sending')));
      return { state: 'blocked', sent };
    }
    const [claimed] = await db
      .update(outboxMessages)
      .set({
        status: 'sending',
        attempts: sql`${outboxMessages.attempts} + 1`,
        lastAttemptAt: sql`now()`,
        leaseUntil: sql`now() + make_interval(secs => ${policy.leaseMs / 1000})`,
      })
      .where(
        and(
          eq(outboxMessages.id, head.id),
          eq(outboxMessages.status, head.status as 'pending' | 'sending'),
          eq(outboxMessages.attempts, head.attempts),
        ),
      )
      .returning();
    if (!claimed) return { state: 'busy', sent };
    try {
      const receipt = await channel.deliver({
        id: claimed.id,
        system: claimed.system,
        kind: claimed.kind,
        lane: claimed.lane,
        caseId: claimed.caseId,
        idempotencyKey: claimed.idempotencyKey,
        payload: claimed.payload,
        attempt: claimed.attempts,
      });
      await db
        .update(outboxMessages)
        .set({ status: 'sent', remoteId: receipt.remoteId, sentAt: sql`now()`, leaseUntil: null, lastError: null })
        .where(and(eq(outboxMessages.id, claimed.id), eq(outboxMessages.status, 'sending')));
      sent++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const unknownOutcome = error instanceof DeliveryError ? error.outcome === 'unknown' : true;
      const permanent = error instanceof DeliveryError && error.permanent;
      const exhausted = claimed.attempts >= policy.maxAttempts;
      const dead = permanent || exhausted || (unknownOutcome && !channel.idempotent);
      await db
        .update(outboxMessages)
        .set({
          status: dead ? 'dead' : 'pending',
          lastError: message.slice(0, 500),
          leaseUntil: null,
          deadAt: dead ? sql`now()` : null,
          nextAttemptAt: sql`now() + make_interval(secs => ${retryDelay(policy, claimed.attempts) / 1000})`,
        })
        .where(and(eq(outboxMessages.id, claimed.id), eq(outboxMessages.status, 'sending')));
      if (dead) return { state: 'blocked', sent };
      return { state: 'failed', sent, error: message };
    }
  }
}

/** Lanes whose head may be tried now: pending and due, or a claim whose lease ran out. */
export async function lanesToWake(db: Queryable, limit = 2_000): Promise<{ system: string; lane: string }[]> {
  return rowsOf<{ system: string; lane: string }>(
    await db.execute(sql`
      select distinct on (system, lane) system, lane
        from (
          select distinct on (system, lane) system, lane, status, next_attempt_at, lease_until
            from outbox_messages
           where status <> 'sent'
           order by system, lane, id
        ) heads
       where (status = 'pending' and next_attempt_at <= now())
          or (status = 'sending' and lease_until < now())
       limit ${limit}`),
  );
}
