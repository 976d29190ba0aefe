import { CHIEF_LINES } from '@citygov/domain/street-chiefs/chief-lines';
import { defineAction } from './action-handler';

/**
 * 联合结案: each line's area chief signs; the rules keep the state on the first signature
 * and close on the second. An area chief of both lines signs the one not yet signed.
 */
export const jointClose = defineAction({
  effects({ row, chief, plan, update, detail }) {
    const line = chief?.area.find((l) => l !== row.closeSignedLine);
    if (!line) return;
    detail.signedLine = CHIEF_LINES[line];
    if (plan.toStatus === 'closed') {
      detail.outcome = '两线片长联合结案';
    } else {
      update.closeSignedLine = line;
      detail.outcome = `${CHIEF_LINES[line]}线片长已签认，待另一条线签认`;
    }
  },
});
