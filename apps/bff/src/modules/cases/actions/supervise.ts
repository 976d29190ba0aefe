import { defineAction } from './action-handler';

/** 督办: a leader's supervision order; the case joins the 督办中 queue and keeps moving as it was. */
export const supervise = defineAction({
  effects({ update }) {
    update.supervised = true;
  },
});
