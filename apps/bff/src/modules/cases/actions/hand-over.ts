import { defineAction } from './action-handler';

/** 移交执法: the management chief hands the case to the enforcement line; the management area chief approves. */
export const handOver = defineAction({
  effects({ actor, update, detail }) {
    update.pendingData = { requestedBy: actor.name };
    detail.to = '执法街长（待管理片长同意）';
  },
});
