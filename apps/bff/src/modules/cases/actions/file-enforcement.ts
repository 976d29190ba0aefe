import { pushToEnforcementSystem } from '../enforcement-push';
import { defineAction } from './action-handler';

/**
 * 执法立案: the enforcement area chief files the escalated case and pushes it to the
 * enforcement case system (a hook until that integration exists); it then closes by
 * both lines' area chiefs (联合结案).
 */
export const fileEnforcement = defineAction({
  effects({ row, update, detail, after }) {
    update.enforcementFiled = true;
    detail.enforcementPush = 'pending';
    after(async () => {
      await pushToEnforcementSystem(row);
    });
  },
});
