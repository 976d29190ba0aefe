import { z } from 'zod';
import { departmentNames } from '../../org/api';
import { defineAction } from './action-handler';
import { assignDepartments } from './dispatch';

/** What the automatic dispatch rule that applied says. */
export const ZAutoDispatchInput = z.object({
  ruleId: z.number().int().positive(),
  ruleName: z.string().min(1),
  leadDepartmentId: z.number().int().positive(),
  assistingDepartmentIds: z.array(z.number().int().positive()),
});

/**
 * 自动派遣, taken by the system actor when a just-filed case meets an automatic dispatch
 * rule: the rule's departments, the rule named on the timeline and on the case.
 */
export const autoDispatch = defineAction({
  input: ZAutoDispatchInput,
  async effects({ db, row, input, now, update, detail, after }) {
    const names = await departmentNames(db, [input.leadDepartmentId, ...input.assistingDepartmentIds]);
    Object.assign(update, {
      leadDepartmentId: input.leadDepartmentId,
      dispatchedAt: now,
      dispatchRuleId: input.ruleId,
    });
    after(() => assignDepartments(db, row.id, input.leadDepartmentId, input.assistingDepartmentIds));
    const assisting = input.assistingDepartmentIds.map((id) => names.get(id) ?? `#${id}`);
    Object.assign(detail, {
      rule: input.ruleName,
      ruleId: input.ruleId,
      lead: names.get(input.leadDepartmentId) ?? `#${input.leadDepartmentId}`,
      ...(assisting.length > 0 ? { assisting } : {}),
    });
  },
});
