import { defineAction } from './action-handler';

/** 误报: the report was wrong (not a street-order problem, wrong place); the case is voided. */
export const falseReport = defineAction({
  effects({ detail }) {
    detail.outcome = '误报';
  },
});
