import { CASE_KINDS, CASE_SOURCE_KEYS, URGENCY_KEYS } from '@citygov/domain/cases/case-states';
import { z } from 'zod';
import { zBigId, zLine } from '../../trpc/input-types';

/** `cases.report` (上报) on the wire: what a collector, an acceptor or the public form sends. */
export const ZReportCaseInput = z.object({
  source: z.enum(CASE_SOURCE_KEYS),
  kind: z.enum(CASE_KINDS),
  categoryCode: z.string().regex(/^\d{5}$/, '请选择事部件小类'),
  urgency: z.enum(URGENCY_KEYS).default('normal'),
  description: z.string().trim().min(5, '问题描述至少 5 个字').max(2000, '问题描述最多 2000 字'),
  address: zLine().max(200).optional(),
  lng: z.number({ error: '请在地图上选择位置' }).min(-180).max(180),
  lat: z.number({ error: '请在地图上选择位置' }).min(-90).max(90),
  /** GB/T 47678.5 component id: 6 admin + 2 major + 3 minor + 6 sequence. */
  componentId: z
    .string()
    .trim()
    .regex(/^\d{17}$/, '部件编码须为 17 位数字')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  reporterName: zLine().max(40).optional(),
  reporterPhone: z
    .string()
    .trim()
    .regex(/^[0-9-]{5,20}$/, '联系电话格式不正确')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  attachmentIds: z.array(zBigId).max(12, '最多 12 个附件').default([]),
  /** Set by the client once per report; a retry with the same id returns the case already saved. */
  clientRequestId: zLine().min(8).max(64).optional(),
  /**
   * The reporter saw the similar cases offered and said this is a different problem
   * (仍要上报): a very similar case is then flagged for the shift lead, never merged automatically.
   */
  confirmedDistinct: z.boolean().optional(),
  /**
   * The reporter picked one of the similar cases offered as the same problem (是同一问题):
   * the report joins that case, which must be among the nearby similar open cases.
   */
  sameAsCaseId: zBigId.optional(),
  /**
   * The category suggestions the form showed (小类建议), best first, with the model version
   * that made them: a category chosen other than the first is a correction the model learns from.
   */
  suggestion: z
    .object({
      modelVersion: z.string().trim().min(1).max(40),
      categories: z
        .array(
          z.object({ kind: z.enum(CASE_KINDS), code: z.string().regex(/^\d{5}$/), score: z.number().min(0).max(1) }),
        )
        .max(10),
    })
    .optional(),
});
export type TReportCaseInput = z.infer<typeof ZReportCaseInput>;
