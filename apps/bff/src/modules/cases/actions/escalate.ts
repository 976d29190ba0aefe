import { defineAction } from './action-handler';

/** 上报片长: the enforcement chief asks the enforcement area chief to file the case (执法立案). */
export const escalate = defineAction({
  effects({ actor, update, detail }) {
    update.pendingData = { requestedBy: actor.name };
    detail.to = '执法片长';
  },
});
