import { defineAction } from './action-handler';

/** 标记疑难: the dispatcher flags a case as hard to handle (the 疑难 list, evaluation). */
export const markDifficult = defineAction({
  effects({ update }) {
    update.difficult = true;
  },
});
