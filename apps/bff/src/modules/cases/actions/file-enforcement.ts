import { pushToEnforcementSystem } from '../enforcement-push';
import { defineAction } from './action-handler';

/**
 * 执法立案: the enforcement area chief files the escalated case and pushes it to the
 * enforcement case system (through the outbox, in this transaction); it then closes by
 * both lines' area chiefs (联合结案).
 */
export const fileEnforcement = defineAction({
  effects({ db, row, actor, now, update, detail, after }) {
    update.enforcementFiled = true;
    detail.enforcementPush = 'queued';
    after(async () => {
      await pushToEnforcementSystem(db, row, actor, now);
    });
  },
});
