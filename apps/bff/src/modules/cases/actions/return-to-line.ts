import { CHIEF_LINES } from '@citygov/domain/street-chiefs/chief-lines';
import { defineAction } from './action-handler';

/** 回退: not fixed after all; back to the line that fed it back, with the reason, on a new clock. */
export const returnToLine = defineAction({
  effects({ row, detail }) {
    if (row.chiefLine) detail.line = CHIEF_LINES[row.chiefLine];
  },
});
