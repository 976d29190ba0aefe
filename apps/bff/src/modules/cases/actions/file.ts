import { ruleForCase } from '../../dispatch-rules/api';
import { SYSTEM_ACTORS } from '../case-actor';
import { defineAction } from './action-handler';

/**
 * 立案: the case is accepted as the city's to handle. If the dispatch rule that applies is
 * automatic, the case goes on at once (自动派遣) in the same transaction, with no human step.
 */
export const file = defineAction({
  effects({ now, update }) {
    update.filedAt = now;
  },
  async followUp(db, filed) {
    const rule = await ruleForCase(db, filed);
    if (!rule?.automatic) return null;
    return {
      actor: SYSTEM_ACTORS.automaticDispatch,
      action: 'autoDispatch',
      input: {
        reason: `按派遣规则「${rule.name}」自动派遣`,
        ruleId: rule.id,
        ruleName: rule.name,
        leadDepartmentId: rule.leadDepartmentId,
        assistingDepartmentIds: rule.assistingDepartmentIds,
      },
    };
  },
});
