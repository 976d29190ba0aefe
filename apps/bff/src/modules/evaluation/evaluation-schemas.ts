import { AREA_LEVELS, COUNTER_KEYS, type Counter, SUBJECT_KINDS } from '@citygov/domain/evaluation/subjects';
import { z } from 'zod';
import { zDay, zLine } from '../../trpc/input-types';

const zYear = z.number().int().min(2000, '年份超出范围').max(2100, '年份超出范围');

/** A period on the wire: month, quarter, year or a custom range of days (at most one year). */
export const ZPeriodInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('month'), year: zYear, month: z.number().int().min(1).max(12) }),
  z.object({ kind: z.literal('quarter'), year: zYear, quarter: z.number().int().min(1).max(4) }),
  z.object({ kind: z.literal('year'), year: zYear }),
  z.object({ kind: z.literal('custom'), from: zDay, to: zDay }),
]);

/** What is ranked: a subject kind, and for areas the level. */
export const ZEvaluationTarget = z.object({
  period: ZPeriodInput,
  subjectKind: z.enum(SUBJECT_KINDS),
  areaLevel: z.enum(AREA_LEVELS).default('district'),
});
export type TEvaluationTarget = z.infer<typeof ZEvaluationTarget>;

export const ZCounter = z.enum(COUNTER_KEYS as [Counter, ...Counter[]]);

/** 下钻: the cases behind one subject's number (one counter, or all its cases). */
export const ZEvaluationCasesInput = ZEvaluationTarget.extend({
  subject: z.number().int().positive(),
  counter: ZCounter.optional(),
  /** The `computedAt` of the ranking on screen: a draft answers from that very ranking while kept. */
  computedAt: z.iso.datetime({ error: '计算时间无效' }).optional(),
});

export const ZPublishInput = ZEvaluationTarget;
export const ZRecalculateInput = ZEvaluationTarget.extend({
  reason: zLine().min(2, '请填写重新计算的原因').max(200),
});

export const ZIndicatorFormula = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rate'), numerator: ZCounter, denominator: ZCounter, less: ZCounter.optional() }),
  z.object({ kind: z.literal('count'), counter: ZCounter }),
]);

export const ZBanding = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('linear'), lowerIsBetter: z.boolean().optional() }),
  z.object({ kind: z.literal('relative') }),
  z.object({
    kind: z.literal('steps'),
    steps: z
      .array(z.object({ upTo: z.number().min(0).max(1e6), score: z.number().min(0).max(100) }))
      .min(1)
      .max(10),
    otherwise: z.number().min(0).max(100),
  }),
]);

export const ZIndicatorRow = z.object({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{1,39}$/, '指标标识须为字母开头的字母数字'),
  name: zLine().min(1, '请填写指标名称').max(30),
  formula: ZIndicatorFormula,
  weight: z.number().min(0, '权重不能为负数').max(100, '权重不能超过100'),
  banding: ZBanding,
});

export const ZSaveIndicatorsInput = z.object({
  subjectKind: z.enum(SUBJECT_KINDS),
  indicators: z.array(ZIndicatorRow).min(1, '至少需要一个指标').max(12),
});

export const ZIndicatorsInput = z.object({ subjectKind: z.enum(SUBJECT_KINDS) });
export const ZResetIndicatorsInput = ZIndicatorsInput;

export const ZTrendInput = ZEvaluationTarget.extend({ periods: z.number().int().min(2).max(12).default(6) });
