import { z } from 'zod';
import { defineAction } from './action-handler';

/** 口头规劝: corrected on the spot by the enforcement chief; the photo of the corrected state is the proof. */
export const persuade = defineAction({
  input: z.object({ attachmentIds: z.array(z.number()).optional() }).refine((v) => (v.attachmentIds?.length ?? 0) > 0, {
    message: '请拍摄整改后的现场照片',
    path: ['attachmentIds'],
  }),
  effects({ detail }) {
    detail.outcome = '现场口头规劝，已整改';
  },
});
