import { defineAction } from './action-handler';
import { dispatchToDepartments, ZDispatchInput } from './dispatch';

/**
 * 强制派遣: like 派遣, but the department cannot return it (the table row sets `forced`,
 * settles a pending 回退申请 and restarts the handling clock). Used after a dispute over
 * whose duty it is, or to move a case from one department to another.
 */
export const forceDispatch = defineAction({ input: ZDispatchInput, effects: dispatchToDepartments });
