import { ForbiddenError } from '@citygov/domain/errors';
import { z } from 'zod';
import { pickCollector } from '../case-assignments';
import { defineAction } from './action-handler';

const ZCollectorInput = z.object({ assigneeId: z.number().int().positive().optional() });

/**
 * 派发核实 / 派发核查: the task goes to the collector chosen, who must cover the case's grid,
 * or by default to the grid's own collector.
 */
export const sendCollectorTask = defineAction({
  input: ZCollectorInput,
  async effects({ db, row, input, update, detail }) {
    const collector = await pickCollector(db, row.gridId, input.assigneeId);
    update.assigneeId = collector.id;
    detail.assignee = collector.displayName;
  },
});

/** 提交核实 / 提交核查: only the collector the task was sent to answers it. */
export const answerCollectorTask = defineAction({
  input: z.object({ confirmed: z.boolean({ error: '请选择结果' }) }),
  effects({ actor, row, input, detail }) {
    if (row.assigneeId !== actor.id) throw new ForbiddenError('这不是派给您的任务', { code: 'TASK_NOT_YOURS' });
    detail.confirmed = input.confirmed;
  },
});
