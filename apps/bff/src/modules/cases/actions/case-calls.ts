import type { Queryable } from '@citygov/db/client';
import { caseCalls } from '@citygov/db/schema/command';
import { DEFAULT_CALL_TIMEOUT_SECONDS, pickNearest } from '@citygov/domain/command/patrol';
import { ConflictError, ValidationError } from '@citygov/domain/errors';
import { and, desc, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { staffAroundCase } from '../../staff/api';
import type { CaseRow } from '../load-case';
import { defineAction } from './action-handler';

/**
 * Of the field staff in the case's area, the nearest by live distance who is on duty, has
 * a fresh position and holds no open call, passing over anyone already called for this
 * case (who accepted, declined or let the call time out): after a 拒绝 or a 超时未接 the
 * next call reaches the next nearest.
 */
export async function nextToCall(db: Queryable, row: CaseRow, now: Date) {
  const staff = await staffAroundCase(db, row);
  const called = await db
    .select({ userId: caseCalls.userId })
    .from(caseCalls)
    .where(and(eq(caseCalls.caseId, row.id), ne(caseCalls.state, 'calling')));
  return pickNearest(staff, row, now, new Set(called.map((c) => c.userId)));
}

const ZCallInput = z.object({
  /** How long the call waits for an answer (the setting; a relayed call keeps the expired one's). */
  timeoutSeconds: z.number().int().positive().default(DEFAULT_CALL_TIMEOUT_SECONDS),
  /** A relayed call is still the chief's who made the first one. */
  calledBy: z.number().int().positive().optional(),
});

/**
 * 呼叫最近人员 (a person) and 超时转呼 (the timer, after 超时未接): the call row is what the
 * called person answers, and its expiry is when the queue's job expires it; the event names
 * the person and the distance (the 浙政钉 新任务 goes to them).
 */
function makeCall() {
  return defineAction({
    input: ZCallInput,
    async effects({ db, row, actor, now, detail, after, input }) {
      const calledBy = actor.id ?? input.calledBy ?? null;
      if (calledBy === null) throw new ValidationError('呼叫须由人员发起');
      const picked = await nextToCall(db, row, now);
      if (!picked) {
        throw new ConflictError('附近没有可呼叫的在岗人员（需在岗、10 分钟内有定位、且没有未应答的呼叫）', {
          code: 'NO_AVAILABLE_STAFF',
        });
      }
      const distanceM = Math.round(picked.distanceM);
      const expiresAt = new Date(now.getTime() + input.timeoutSeconds * 1000);
      detail.calledUserId = picked.candidate.userId;
      detail.calledName = picked.candidate.name;
      detail.distanceM = distanceM;
      detail.expiresAt = expiresAt.toISOString();
      after(async () => {
        await db.insert(caseCalls).values({
          caseId: row.id,
          userId: picked.candidate.userId,
          calledBy,
          distanceM,
          calledAt: now,
          expiresAt,
        });
      });
    },
  });
}

export const callNearest = makeCall();
export const relayCall = makeCall();

/**
 * 接受 / 拒绝: only the called person answers, and only a call still 呼叫中. A call that
 * timed out is refused with its own code: it has passed on to someone else.
 */
function answerCall(state: 'accepted' | 'declined') {
  return defineAction({
    async effects({ db, row, actor, now, detail, after }) {
      const userId = actor.id;
      const [call] =
        userId === null
          ? []
          : await db
              .select({ id: caseCalls.id, distanceM: caseCalls.distanceM, state: caseCalls.state })
              .from(caseCalls)
              .where(and(eq(caseCalls.caseId, row.id), eq(caseCalls.userId, userId)))
              .orderBy(desc(caseCalls.id))
              .limit(1);
      if (call?.state === 'expired') {
        throw new ConflictError('呼叫已超时，不能再应答', { code: 'CALL_EXPIRED' });
      }
      if (call?.state !== 'calling')
        throw new ConflictError('该案件没有呼叫您，或呼叫已应答', { code: 'CALL_NOT_OPEN' });
      detail.callId = call.id;
      detail.distanceM = call.distanceM;
      after(async () => {
        const [answered] = await db
          .update(caseCalls)
          .set({ state, answeredAt: now })
          .where(and(eq(caseCalls.id, call.id), eq(caseCalls.state, 'calling')))
          .returning({ id: caseCalls.id });
        if (answered) return;
        // Lost a race: the expiry job (in any process) claimed the call after it was read
        // above. The person is told what they would have been told a moment later.
        const [current] = await db.select({ state: caseCalls.state }).from(caseCalls).where(eq(caseCalls.id, call.id));
        if (current?.state === 'expired') throw new ConflictError('呼叫已超时，不能再应答', { code: 'CALL_EXPIRED' });
        throw new ConflictError('呼叫已应答或已超时', { code: 'CALL_NOT_OPEN' });
      });
    },
  });
}

export const acceptCall = answerCall('accepted');
export const declineCall = answerCall('declined');

/**
 * 超时未接: the timer's step on a call still 呼叫中 past its expiry. The call row turns
 * 超时未接 only after the case row is claimed, conditionally, so an answer that landed
 * first wins and this step fails with CALL_NOT_OPEN (the job then does nothing). The event
 * says whether anyone is left to relay to; nobody left, the chief who called is notified.
 */
export const callTimeout = defineAction({
  input: z.object({ callId: z.number().int().positive() }),
  async effects({ db, row, now, detail, after, input }) {
    const [call] = await db
      .select()
      .from(caseCalls)
      .where(and(eq(caseCalls.id, input.callId), eq(caseCalls.caseId, row.id), eq(caseCalls.state, 'calling')));
    if (!call || call.expiresAt.getTime() > now.getTime()) {
      throw new ConflictError('呼叫已应答或未到超时', { code: 'CALL_NOT_OPEN' });
    }
    detail.callId = call.id;
    detail.calledUserId = call.userId;
    detail.callerId = call.calledBy;
    after(async () => {
      const [expired] = await db
        .update(caseCalls)
        .set({ state: 'expired', answeredAt: now })
        .where(and(eq(caseCalls.id, call.id), eq(caseCalls.state, 'calling')))
        .returning({ id: caseCalls.id });
      if (!expired) throw new ConflictError('呼叫已应答', { code: 'CALL_NOT_OPEN' });
    });
    // Whom the relay will reach: the expired person is passed over once their call is expired.
    const staff = await nextToCallExcept(db, row, now, call.userId);
    detail.noOneLeft = staff === null;
  },
});

/** `nextToCall` as it will be once `userId`'s open call on the case has expired. */
async function nextToCallExcept(db: Queryable, row: CaseRow, now: Date, userId: number) {
  const staff = (await staffAroundCase(db, row)).map((s) => (s.userId === userId ? { ...s, busy: false } : s));
  const called = await db.select({ userId: caseCalls.userId }).from(caseCalls).where(eq(caseCalls.caseId, row.id));
  return pickNearest(staff, row, now, new Set(called.map((c) => c.userId)));
}
