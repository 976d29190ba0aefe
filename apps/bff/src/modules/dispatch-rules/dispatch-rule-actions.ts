import type { Queryable } from '@citygov/db/client';
import { dispatchRules } from '@citygov/db/schema/dispatch';
import { NotFoundError } from '@citygov/domain/errors';
import { eq } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';
import { checkDispatchRule } from './check-dispatch-rule';
import type { TCreateDispatchRuleInput, TDispatchRuleData, TUpdateDispatchRuleInput } from './dispatch-rule-schemas';
import { loadEditableRule } from './dispatch-rule-scope';

/** An empty note is stored as none. */
function normalised(rule: TDispatchRuleData): TDispatchRuleData {
  return { ...rule, note: rule.note === '' ? null : rule.note };
}

export async function createDispatchRule(db: Queryable, user: SessionUser, input: TCreateDispatchRuleInput) {
  const rule = normalised(input);
  await checkDispatchRule(db, user, rule);
  const [created] = await db
    .insert(dispatchRules)
    .values({ ...rule, updatedBy: user.id })
    .returning({ id: dispatchRules.id, name: dispatchRules.name });
  if (!created) throw new NotFoundError('派遣规则保存失败');
  return created;
}

/** Changes the fields sent; the rule as it would then stand is checked whole. */
export async function updateDispatchRule(db: Queryable, user: SessionUser, input: TUpdateDispatchRuleInput) {
  const current = await loadEditableRule(db, user, input.id);
  const rule = normalised({
    name: input.data.name ?? current.name,
    enabled: input.data.enabled ?? current.enabled,
    automatic: input.data.automatic ?? current.automatic,
    priority: input.data.priority ?? current.priority,
    kind: input.data.kind !== undefined ? input.data.kind : current.kind,
    majorCode: input.data.majorCode !== undefined ? input.data.majorCode : current.majorCode,
    categoryCode: input.data.categoryCode !== undefined ? input.data.categoryCode : current.categoryCode,
    areaId: input.data.areaId !== undefined ? input.data.areaId : current.areaId,
    urgency: input.data.urgency !== undefined ? input.data.urgency : current.urgency,
    leadDepartmentId: input.data.leadDepartmentId ?? current.leadDepartmentId,
    assistingDepartmentIds: input.data.assistingDepartmentIds ?? current.assistingDepartmentIds,
    note: input.data.note !== undefined ? input.data.note : current.note,
  });
  await checkDispatchRule(db, user, rule);
  const [updated] = await db
    .update(dispatchRules)
    .set({ ...rule, updatedBy: user.id, updatedAt: new Date() })
    .where(eq(dispatchRules.id, input.id))
    .returning({ id: dispatchRules.id, name: dispatchRules.name, enabled: dispatchRules.enabled });
  if (!updated) throw new NotFoundError('派遣规则不存在');
  return updated;
}

/** Cases it dispatched keep the rule's name on their timeline; their rule id then points nowhere. */
export async function removeDispatchRule(db: Queryable, user: SessionUser, id: number) {
  const current = await loadEditableRule(db, user, id);
  await db.delete(dispatchRules).where(eq(dispatchRules.id, id));
  return { id, name: current.name };
}
