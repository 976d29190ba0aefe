import { CHIEF_LINE_KEYS, CHIEF_LINES, chiefTitle } from '@citygov/domain/street-chiefs/chief-lines';
import { z } from 'zod';
import { defineAction } from './action-handler';

/** Who the routing chose (`routeStreetCase`): the line's 街长 of the grid, or their delegate. */
export const ZRouteToChiefInput = z.object({
  line: z.enum(CHIEF_LINE_KEYS),
  chiefUserId: z.number().int().positive(),
  chiefName: z.string().min(1),
  delegatedFrom: z.string().nullable(),
});

/** 街面派单: the system actor sends a street-governance report to its grid's chief; the timeline names them. */
export const routeToChief = defineAction({
  input: ZRouteToChiefInput,
  effects({ input, now, update, detail }) {
    update.chiefLine = input.line;
    update.chiefUserId = input.chiefUserId;
    update.dispatchedAt = now;
    Object.assign(detail, {
      line: CHIEF_LINES[input.line],
      chief: `${input.chiefName}（${chiefTitle(input.line, 'street')}）`,
      ...(input.delegatedFrom ? { delegatedFrom: input.delegatedFrom } : {}),
    });
  },
});
