import { z } from 'zod';
import { zBigId } from '../../trpc/input-types';

const ZProbability = z
  .number({ error: '请填写 0 到 1 之间的数值' })
  .gt(0, '阈值须大于 0')
  .lte(1, '阈值不能超过 1（即 100%）');

/** 判重阈值: review (flag for the shift lead) below merge (merge automatically). */
export const ZSetThresholdsInput = z
  .object({ merge: ZProbability, review: ZProbability })
  .refine((t) => t.review < t.merge, { message: '人工判重阈值须低于自动并案阈值', path: ['review'] });
export type TSetThresholdsInput = z.infer<typeof ZSetThresholdsInput>;

export const ZPairInput = z.object({
  pairId: zBigId,
  /** 不是重复: why the two are different problems (optional, kept on the timeline). */
  reason: z.string().trim().max(500, '说明最多 500 字').optional(),
});
export type TPairInput = z.infer<typeof ZPairInput>;

export const ZLeadPreviewInput = z.object({
  /** The case being merged (并案 from its detail page). */
  caseId: zBigId,
  /** The lead case's number as the user typed it. */
  caseNo: z
    .string()
    .trim()
    .regex(/^\d{12}$/, '主案件编号为 12 位数字'),
});
export type TLeadPreviewInput = z.infer<typeof ZLeadPreviewInput>;
