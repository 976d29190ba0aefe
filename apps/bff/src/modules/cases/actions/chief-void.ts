import { defineAction } from './action-handler';

/** 片长作废: an area chief voids a street-governance case (duplicate, not a street matter), with the reason. */
export const chiefVoid = defineAction({
  effects({ detail }) {
    detail.outcome = '片长作废';
  },
});
