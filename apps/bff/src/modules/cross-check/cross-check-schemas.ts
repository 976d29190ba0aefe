import {
  CASE_MARK_KEYS,
  CROSS_CHECK_VERDICT_KEYS,
  UNQUALIFIED_HANDLING_KEYS,
} from '@citygov/domain/cross-check/reasons';
import { z } from 'zod';
import { zBigId, zId, zLine } from '../../trpc/input-types';

/** A month 'YYYY-MM' between 2000 and 2100. */
export const zMonth = z.string().regex(/^(20\d\d|2100)-(0[1-9]|1[0-2])$/, '月份格式须为 YYYY-MM');

export const ZPlansInput = z.object({ month: zMonth });

export const ZCreatePlanInput = z
  .object({
    districtId: zId,
    month: zMonth,
    mode: z.enum(['count', 'share']),
    /** A number of cases (count), or a percentage (share). */
    amount: z.number({ error: '请填写抽查数量或比例' }).positive('抽查数量或比例须大于 0'),
    seed: zLine().max(60).optional(),
  })
  .refine((p) => p.mode === 'share' || (Number.isInteger(p.amount) && p.amount <= 500), {
    message: '抽查数量须为 1–500 的整数',
    path: ['amount'],
  })
  .refine((p) => p.mode === 'count' || p.amount <= 100, { message: '抽查比例不能超过 100%', path: ['amount'] });

export const ZSamplesInput = z.object({
  /** mine: assigned to me; scope: samples of the counties in my scope. */
  filter: z.enum(['mine', 'scope']).default('mine'),
  status: z.enum(['open', 'reviewed', 'all']).default('open'),
  month: zMonth.optional(),
});

export const ZSampleInput = z.object({ id: zBigId });

export const ZReviewInput = z
  .object({
    id: zBigId,
    verdict: z.enum(CROSS_CHECK_VERDICT_KEYS, { error: '请选择合格或不合格' }),
    reasonCodes: z.array(zLine().max(40)).max(20).default([]),
    note: z.string().trim().max(1000).default(''),
  })
  .refine((r) => r.verdict === 'qualified' || r.reasonCodes.length > 0, {
    message: '请选择不合格原因',
    path: ['reasonCodes'],
  })
  .refine((r) => r.verdict === 'qualified' || r.note.length >= 2, {
    message: '请填写不合格说明',
    path: ['note'],
  });

export const ZMarkInput = z.object({
  id: zBigId,
  mark: z.enum(CASE_MARK_KEYS).nullable(),
  note: z.string().trim().max(500).default(''),
});

export const ZLibraryInput = z.object({
  mark: z.enum(CASE_MARK_KEYS).optional(),
  q: zLine().max(60).default(''),
});

export const ZStatisticsInput = z.object({ month: zMonth });

export const ZSaveSettingsInput = z.object({
  unqualifiedHandling: z.enum(UNQUALIFIED_HANDLING_KEYS),
  deductionPoints: z.number().min(0, '扣分不能为负').max(20, '每件扣分最多 20 分'),
  reasons: z.array(z.object({ code: zLine().max(40), label: zLine().min(1, '原因名称不能为空').max(30) })).max(30),
});
