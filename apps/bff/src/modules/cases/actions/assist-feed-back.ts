import { caseDepartments } from '@citygov/db/schema/cases';
import { ForbiddenError } from '@citygov/domain/errors';
import { and, eq } from 'drizzle-orm';
import { defineAction } from './action-handler';

/**
 * 协办反馈: an assisting department reports its part on its own `case_departments` row;
 * the case does not move (the lead department's 处置反馈 does that).
 */
export const assistFeedBack = defineAction({
  effects({ db, actor, row, part, plan, now, detail, after }) {
    const departmentId = part?.departmentId;
    if (part?.role !== 'assist' || !departmentId || actor.id === null) {
      throw new ForbiddenError('只有协办部门可以提交协办反馈');
    }
    const by = actor.id;
    after(async () => {
      await db
        .update(caseDepartments)
        .set({ feedback: plan.reason, fedBackAt: now, fedBackBy: by })
        .where(and(eq(caseDepartments.caseId, row.id), eq(caseDepartments.departmentId, departmentId)));
    });
    detail.department = actor.user?.departmentName ?? null;
  },
});
