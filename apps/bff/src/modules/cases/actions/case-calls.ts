import { caseCalls } from '@citygov/db/schema/command';
import { pickNearest } from '@citygov/domain/command/patrol';
import { ConflictError, ValidationError } from '@citygov/domain/errors';
import { and, eq, inArray } from 'drizzle-orm';
import { staffAroundCase } from '../../staff/api';
import { defineAction } from './action-handler';

/**
 * 呼叫最近人员: of the field staff in the case's area, the nearest by live distance who is
 * on duty, has a fresh position and holds no open call; anyone who already declined or
 * accepted this case is passed over, so after a 拒绝 the next call reaches the next nearest.
 * The call row is what the called person answers; the event names them and the distance.
 */
export const callNearest = defineAction({
  async effects({ db, row, actor, now, detail, after }) {
    const calledBy = actor.id;
    if (calledBy === null) throw new ValidationError('呼叫须由人员发起');
    const staff = await staffAroundCase(db, row);
    const answered = await db
      .select({ userId: caseCalls.userId })
      .from(caseCalls)
      .where(and(eq(caseCalls.caseId, row.id), inArray(caseCalls.state, ['accepted', 'declined'])));
    const picked = pickNearest(staff, row, now, new Set(answered.map((a) => a.userId)));
    if (!picked) {
      throw new ConflictError('附近没有可呼叫的在岗人员（需在岗、10 分钟内有定位、且没有未应答的呼叫）', {
        code: 'NO_AVAILABLE_STAFF',
      });
    }
    const distanceM = Math.round(picked.distanceM);
    detail.calledUserId = picked.candidate.userId;
    detail.calledName = picked.candidate.name;
    detail.distanceM = distanceM;
    after(async () => {
      await db.insert(caseCalls).values({
        caseId: row.id,
        userId: picked.candidate.userId,
        calledBy,
        distanceM,
        calledAt: now,
      });
    });
  },
});

/** 接受 / 拒绝: only the called person answers, and only a call still 呼叫中. */
function answerCall(state: 'accepted' | 'declined') {
  return defineAction({
    async effects({ db, row, actor, now, detail, after }) {
      const userId = actor.id;
      const [call] =
        userId === null
          ? []
          : await db
              .select({ id: caseCalls.id, distanceM: caseCalls.distanceM })
              .from(caseCalls)
              .where(and(eq(caseCalls.caseId, row.id), eq(caseCalls.userId, userId), eq(caseCalls.state, 'calling')));
      if (!call) throw new ConflictError('该案件没有呼叫您，或呼叫已应答', { code: 'CALL_NOT_OPEN' });
      detail.callId = call.id;
      detail.distanceM = call.distanceM;
      after(async () => {
        const [answered] = await db
          .update(caseCalls)
          .set({ state, answeredAt: now })
          .where(and(eq(caseCalls.id, call.id), eq(caseCalls.state, 'calling')))
          .returning({ id: caseCalls.id });
        if (!answered) throw new ConflictError('呼叫已应答', { code: 'CALL_NOT_OPEN' });
      });
    },
  });
}

export const acceptCall = answerCall('accepted');
export const declineCall = answerCall('declined');
