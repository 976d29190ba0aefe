import { supervisionOrders } from '@citygov/db/schema/supervision';
import { ValidationError } from '@citygov/domain/errors';
import { REPLY_HOURS_MAX, REPLY_HOURS_MIN } from '@citygov/domain/supervision/supervision-orders';
import { z } from 'zod';
import { defineAction } from './action-handler';

const ZOrderInput = z.object({
  replyHours: z
    .number({ error: '请选择回复时限' })
    .int()
    .min(REPLY_HOURS_MIN, `回复时限至少 ${REPLY_HOURS_MIN} 小时`)
    .max(REPLY_HOURS_MAX, '回复时限最多 30 天'),
});

/**
 * 下达督办单: an order to the case's lead department, due back within the hours given. The
 * case joins the 督办中 queue and keeps moving; the order row, written in the case's
 * transaction, is what the department answers and what escalates when late.
 */
export const orderSupervision = defineAction({
  input: ZOrderInput,
  effects({ db, row, actor, plan, input, now, update, detail, after }) {
    const departmentId = row.leadDepartmentId;
    if (!departmentId) throw new ValidationError('案件尚未派遣到部门，不能下达督办单');
    const issuedBy = actor.id;
    if (issuedBy === null) throw new ValidationError('督办单须由人员下达');
    const replyDueAt = new Date(now.getTime() + input.replyHours * 3_600_000);
    update.supervised = true;
    detail.replyDueAt = replyDueAt.toISOString();
    after(async () => {
      await db.insert(supervisionOrders).values({
        caseId: row.id,
        departmentId,
        areaId: row.gridId,
        instruction: plan.reason ?? '',
        replyDueAt,
        issuedBy,
        issuedAt: now,
      });
    });
  },
});
