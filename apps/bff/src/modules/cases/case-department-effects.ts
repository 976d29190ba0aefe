import type { Queryable } from '@citygov/db/client';
import { caseDepartments, type cases } from '@citygov/db/schema/cases';
import { departments } from '@citygov/db/schema/org';
import { ForbiddenError, ValidationError } from '@citygov/domain/errors';
import { and, eq } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/context';
import { requireDispatchableDepartment, requireGridMember } from './case-assignments';
import type { TCaseActionInput } from './case-schemas';
import type { DepartmentPart } from './case-snapshot';

type CaseRow = typeof cases.$inferSelect;
type CaseUpdate = Partial<typeof cases.$inferInsert>;

export interface ActionEffects {
  update: CaseUpdate;
  detail: Record<string, unknown>;
  /** Writes to other tables, run only after the conditional update claimed the case. */
  sideEffects: (() => Promise<void>)[];
}

/** Replaces the departments on a case: one lead, any assisting. */
export function assignDepartments(db: Queryable, caseId: number, leadId: number, assistingIds: readonly number[]) {
  return async () => {
    await db.delete(caseDepartments).where(eq(caseDepartments.caseId, caseId));
    await db
      .insert(caseDepartments)
      .values([
        { caseId, departmentId: leadId, role: 'lead' as const },
        ...assistingIds.map((id) => ({ caseId, departmentId: id, role: 'assist' as const })),
      ]);
  };
}

/** 派遣 / 强制派遣: lead and assisting departments the dispatcher may reach, and the grid member. */
export async function dispatchEffects(
  db: Queryable,
  user: SessionUser,
  row: CaseRow,
  input: TCaseActionInput,
  now: Date,
  effects: ActionEffects,
) {
  if (!input.leadDepartmentId) throw new ValidationError('请选择主办部门');
  const lead = await requireDispatchableDepartment(db, user, input.leadDepartmentId);
  const assisting: { id: number; name: string }[] = [];
  for (const id of new Set(input.assistingDepartmentIds ?? [])) {
    if (id !== lead.id) assisting.push(await requireDispatchableDepartment(db, user, id));
  }
  effects.sideEffects.push(
    assignDepartments(
      db,
      row.id,
      lead.id,
      assisting.map((d) => d.id),
    ),
  );
  Object.assign(effects.update, { leadDepartmentId: lead.id, dispatchedAt: now, dispatchRuleId: null });
  effects.detail.lead = lead.name;
  if (assisting.length > 0) effects.detail.assisting = assisting.map((d) => d.name);
  if (input.gridMemberId) {
    const member = await requireGridMember(db, row.gridId, input.gridMemberId);
    effects.update.gridMemberId = member.id;
    effects.detail.gridMember = member.displayName;
  }
}

/** 二级派遣: the lead department passes the case to one of its own sub-units; the clock is unchanged. */
export async function subDispatchEffects(db: Queryable, row: CaseRow, input: TCaseActionInput, effects: ActionEffects) {
  if (!input.leadDepartmentId) throw new ValidationError('请选择下级单位');
  if (!row.leadDepartmentId) throw new ValidationError('案件尚未派遣');
  const [current] = await db.select().from(departments).where(eq(departments.id, row.leadDepartmentId));
  const [target] = await db.select().from(departments).where(eq(departments.id, input.leadDepartmentId));
  if (!current || !target) throw new ValidationError('下级单位不存在');
  if (target.id === current.id || !target.path.startsWith(current.path)) {
    throw new ValidationError(`只能派给${current.name}的下级单位`);
  }
  effects.sideEffects.push(async () => {
    await db
      .delete(caseDepartments)
      .where(and(eq(caseDepartments.caseId, row.id), eq(caseDepartments.departmentId, current.id)));
    await db.insert(caseDepartments).values({ caseId: row.id, departmentId: target.id, role: 'lead' });
  });
  effects.update.leadDepartmentId = target.id;
  effects.detail.from = current.name;
  effects.detail.lead = target.name;
}

/** 协办反馈: an assisting department records its part on its own row. */
export function assistFeedbackEffects(
  db: Queryable,
  user: SessionUser,
  row: CaseRow,
  part: DepartmentPart | undefined,
  reason: string | null,
  now: Date,
  effects: ActionEffects,
) {
  const departmentId = part?.departmentId;
  if (part?.role !== 'assist' || !departmentId) throw new ForbiddenError('只有协办部门可以提交协办反馈');
  effects.sideEffects.push(async () => {
    await db
      .update(caseDepartments)
      .set({ feedback: reason, fedBackAt: now, fedBackBy: user.id })
      .where(and(eq(caseDepartments.caseId, row.id), eq(caseDepartments.departmentId, departmentId)));
  });
  effects.detail.department = user.departmentName;
}
