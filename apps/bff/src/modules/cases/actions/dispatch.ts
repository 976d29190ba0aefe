import type { Queryable } from '@citygov/db/client';
import { caseDepartments } from '@citygov/db/schema/cases';
import { ForbiddenError } from '@citygov/domain/errors';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { requireDispatchableDepartment, requireGridMember } from '../case-assignments';
import { type ActionContext, defineAction } from './action-handler';

/** 派遣 / 强制派遣 input: the lead department (主办), any assisting ones (协办), optionally the grid member. */
export const ZDispatchInput = z.object({
  leadDepartmentId: z.number({ error: '请选择主办部门' }).int().positive(),
  assistingDepartmentIds: z.array(z.number().int().positive()).max(10).optional(),
  gridMemberId: z.number().int().positive().optional(),
});

/** Replaces the departments on a case: one lead, any assisting. */
export async function assignDepartments(
  db: Queryable,
  caseId: number,
  leadId: number,
  assistingIds: readonly number[],
): Promise<void> {
  await db.delete(caseDepartments).where(eq(caseDepartments.caseId, caseId));
  await db
    .insert(caseDepartments)
    .values([
      { caseId, departmentId: leadId, role: 'lead' as const },
      ...assistingIds
        .filter((id) => id !== leadId)
        .map((id) => ({ caseId, departmentId: id, role: 'assist' as const })),
    ]);
}

/**
 * Sends the case to departments the dispatcher may reach (their area's, or city-level
 * ones above it), names the grid member if chosen, and starts the handling clock (the
 * table row's stage change). Shared by 派遣 and 强制派遣.
 */
export async function dispatchToDepartments({
  db,
  actor,
  row,
  input,
  now,
  update,
  detail,
  after,
}: ActionContext<z.output<typeof ZDispatchInput>>): Promise<void> {
  const user = actor.user;
  if (!user) throw new ForbiddenError('派遣须由派遣员执行');
  const lead = await requireDispatchableDepartment(db, user, input.leadDepartmentId);
  const assisting: { id: number; name: string }[] = [];
  for (const id of new Set(input.assistingDepartmentIds ?? [])) {
    if (id !== lead.id) assisting.push(await requireDispatchableDepartment(db, user, id));
  }
  after(() =>
    assignDepartments(
      db,
      row.id,
      lead.id,
      assisting.map((d) => d.id),
    ),
  );
  Object.assign(update, { leadDepartmentId: lead.id, dispatchedAt: now, dispatchRuleId: null });
  detail.lead = lead.name;
  if (assisting.length > 0) detail.assisting = assisting.map((d) => d.name);
  if (input.gridMemberId) {
    const member = await requireGridMember(db, row.gridId, input.gridMemberId);
    update.gridMemberId = member.id;
    detail.gridMember = member.displayName;
  }
}

/** 派遣: a filed case goes to its lead department (and any assisting ones). */
export const dispatch = defineAction({ input: ZDispatchInput, effects: dispatchToDepartments });
