import { defineAction } from './action-handler';

/** 驳回移交: the management line keeps the case; the reason is on the timeline. */
export const rejectHandOver = defineAction({
  effects({ detail }) {
    detail.outcome = '管理线继续处置';
  },
});
