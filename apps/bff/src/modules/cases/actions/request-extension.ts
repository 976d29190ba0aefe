import { LIMIT_UNITS } from '@citygov/domain/deadlines/time-limits';
import { z } from 'zod';
import { defineAction } from './action-handler';

export const ZExtensionRequest = z.object({
  amount: z.number().positive('延期时长须大于 0').max(720),
  unit: z.enum(LIMIT_UNITS),
});

/** 申请延期: the department asks for more time; the request waits on the case for the dispatcher. */
export const requestExtension = defineAction({
  input: z.object({ extension: ZExtensionRequest.optional() }).refine((v) => v.extension !== undefined, {
    message: '请填写延期时长',
    path: ['extension'],
  }),
  effects({ actor, input, update, detail }) {
    update.pendingData = { extension: input.extension, requestedBy: actor.name };
    detail.extension = input.extension;
  },
});
