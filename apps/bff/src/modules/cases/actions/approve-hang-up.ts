import { defineAction } from './action-handler';

/** 同意挂账: the case waits (the table row records the state it left); its clock pauses until 解除挂账. */
export const approveHangUp = defineAction({
  effects({ now, update }) {
    update.pausedAt = now;
  },
});
