import { supervisionOrders } from '@citygov/db/schema/supervision';
import { ValidationError } from '@citygov/domain/errors';
import { supervisionOrderState } from '@citygov/domain/supervision/supervision-orders';
import { and, asc, eq } from 'drizzle-orm';
import { defineAction } from './action-handler';

/**
 * 回复督办: the lead department answers the case's oldest open 督办单. A reply after the due
 * time is kept and shown as 逾期回复 (escalated); the timeline says which it was.
 */
export const replySupervision = defineAction({
  async effects({ db, row, actor, plan, now, detail, after }) {
    const [order] = await db
      .select()
      .from(supervisionOrders)
      .where(and(eq(supervisionOrders.caseId, row.id), eq(supervisionOrders.status, 'open')))
      .orderBy(asc(supervisionOrders.replyDueAt))
      .limit(1);
    if (!order) throw new ValidationError('该案件没有待回复的督办单');
    const state = supervisionOrderState({ replyDueAt: order.replyDueAt, repliedAt: now }, now);
    detail.orderId = order.id;
    detail.late = state === 'replied_late';
    after(async () => {
      await db
        .update(supervisionOrders)
        .set({ status: 'replied', reply: plan.reason ?? '', repliedBy: actor.id, repliedAt: now })
        .where(and(eq(supervisionOrders.id, order.id), eq(supervisionOrders.status, 'open')));
    });
  },
});
