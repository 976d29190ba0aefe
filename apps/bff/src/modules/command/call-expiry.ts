import type { Database } from '@citygov/db/client';
import { cases } from '@citygov/db/schema/cases';
import { caseCalls } from '@citygov/db/schema/command';
import { DomainError } from '@citygov/domain/errors';
import { eq } from 'drizzle-orm';
import { writeAudit } from '../audit/api';
import { nextToCall, SYSTEM_ACTORS, transitionCase } from '../cases/api';

/** The queue (of the one pg-boss wrapper, the outbox worker's) whose jobs expire unanswered calls. */
export const CALL_EXPIRY_QUEUE = 'call-expiry';

export type ExpiryOutcome = 'relayed' | 'no-one-left' | 'answered';

/**
 * 超时未接 of one call, the job's work: in one transaction, through the transition core, the
 * call turns 超时未接 (the timer's event) and passes on to the next nearest available person
 * not yet called for the case (超时转呼, keeping the expired call's timeout and caller); with
 * nobody left the event says so and the 浙政钉 channel notifies the caller. The audit row is
 * written last in the same transaction (no procedure writes it: no request). A call already
 * answered, or not yet due, is left alone, so a job run twice, late or in several processes
 * changes nothing.
 */
export async function expireCall(db: Database, callId: number, now = new Date()): Promise<ExpiryOutcome> {
  try {
    return await db.transaction(async (tx) => {
      const [call] = await tx.select().from(caseCalls).where(eq(caseCalls.id, callId));
      if (call?.state !== 'calling' || call.expiresAt.getTime() > now.getTime()) return 'answered';
      const [row] = await tx.select().from(cases).where(eq(cases.id, call.caseId));
      if (!row) return 'answered';
      const actor = SYSTEM_ACTORS.callTimer;
      const timeout = { callId };
      const updated = await transitionCase(tx, actor, row, 'callTimeout', timeout, now);
      const next = await nextToCall(tx, updated, now);
      if (next) {
        const timeoutSeconds = Math.max(1, Math.round((call.expiresAt.getTime() - call.calledAt.getTime()) / 1000));
        const relay = { calledBy: call.calledBy, timeoutSeconds };
        await transitionCase(tx, actor, updated, 'relayCall', relay, now);
      }
      await writeAudit(tx, {
        userId: null,
        username: actor.name,
        action: 'command.callTimeout',
        outcome: 'ok',
        target: `case:${row.id}`,
        detail: { callId, expiredUserId: call.userId, relayedTo: next?.candidate.userId ?? null },
        ip: null,
        areaPath: null,
      });
      return next ? 'relayed' : 'no-one-left';
    });
  } catch (error) {
    // An answer (or another process's expiry) landed first: the call is no longer open.
    if (error instanceof DomainError && error.code === 'CALL_NOT_OPEN') return 'answered';
    throw error;
  }
}

/**
 * The expiry jobs that should exist: one per open call, to run at its expiry. The outbox
 * worker's sweep queues them (a job already queued under the call's key is not queued
 * again), so a call made in any process, or one whose job was lost, still expires.
 */
export const callExpiryTimer = {
  queue: CALL_EXPIRY_QUEUE,
  async pending(db: Database) {
    const open = await db
      .select({ id: caseCalls.id, expiresAt: caseCalls.expiresAt })
      .from(caseCalls)
      .where(eq(caseCalls.state, 'calling'));
    return open.map((c) => ({ key: `call:${c.id}`, runAt: c.expiresAt, data: { callId: c.id } }));
  },
  async run(db: Database, data: Record<string, unknown>) {
    if (typeof data.callId === 'number') await expireCall(db, data.callId);
  },
};
