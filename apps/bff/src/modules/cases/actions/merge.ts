import { ForbiddenError, ValidationError } from '@citygov/domain/errors';
import { z } from 'zod';
import { loadCaseInScope } from '../load-case';
import { defineAction } from './action-handler';
import { joinLead } from './join-lead';

/**
 * 并案: the shift lead decides this case is the same problem as another (the lead case,
 * which the shift lead must be able to see and which has not itself ended as void or
 * merged); this one ends, and its reporter follows the lead's outcome.
 */
export const merge = defineAction({
  input: z.object({ mergeIntoCaseId: z.number({ error: '请选择并入的主案件' }).int().positive() }),
  async effects(context) {
    const { db, actor, row, input } = context;
    if (!actor.user) throw new ForbiddenError('并案须由值班长执行');
    if (input.mergeIntoCaseId === row.id) throw new ValidationError('不能与自身并案', { field: 'mergeIntoCaseId' });
    const lead = await loadCaseInScope(db, actor.user, input.mergeIntoCaseId);
    if (lead.status === 'voided' || lead.status === 'merged') {
      const why = lead.status === 'voided' ? '作废' : '并入其他案件';
      throw new ValidationError(`主案件 ${lead.caseNo} 已${why}，不能作为并案主案件`, { field: 'mergeIntoCaseId' });
    }
    joinLead(context, lead);
  },
});
