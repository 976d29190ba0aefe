import { DEFAULT_REPEAT_RULES, DEFAULT_TREND_RULES } from '@citygov/domain/analytics/analytics-rules';
import { CASE_SOURCE_KEYS } from '@citygov/domain/cases/case-states';
import { z } from 'zod';
import { zDay, zId, zPage } from '../../trpc/input-types';

const zMonth = z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/, '月份格式须为 YYYY-MM');

/** An area (the viewer's own when absent) and a range of whole months, at most a year. */
export const ZAnalyticsScope = z
  .object({
    area: z
      .string()
      .regex(/^\d{6,14}$/, '区域编码应为6至14位数字')
      .optional(),
    from: zMonth,
    to: zMonth,
  })
  .refine((v) => v.from <= v.to, { message: '开始月份不能晚于结束月份', path: ['from'] })
  .refine(
    (v) =>
      Number(v.to.slice(0, 4)) * 12 +
        Number(v.to.slice(5)) -
        (Number(v.from.slice(0, 4)) * 12 + Number(v.from.slice(5))) <
      12,
    {
      message: '统计范围最长12个月',
      path: ['to'],
    },
  );

export const ZAnalyticsViewInput = z.object({
  scope: ZAnalyticsScope,
  trend: z
    .object({
      momPercent: z.number().min(0, '阈值不能为负').max(1000, '阈值过大'),
      yoyPercent: z.number().min(0, '阈值不能为负').max(1000, '阈值过大'),
      minCases: z.number().int().min(1, '最少案件数至少为1').max(100_000),
    })
    .default(DEFAULT_TREND_RULES),
  repeat: z
    .object({
      metres: z.literal(50),
      minCases: z.number().int().min(2, '重复点位至少2件').max(1000),
    })
    .default(DEFAULT_REPEAT_RULES as { metres: 50; minCases: number }),
});
export type TAnalyticsViewInput = z.infer<typeof ZAnalyticsViewInput>;

/** What a chart's item stands for: the drill-down from a chart to its cases. */
export const ZDrillFilter = z.discriminatedUnion('by', [
  z.object({ by: z.literal('all') }),
  z.object({ by: z.literal('category'), key: z.string().regex(/^(component|event):\d{2,5}$/, '类别编码无效') }),
  z.object({ by: z.literal('source'), key: z.enum(CASE_SOURCE_KEYS) }),
  z.object({ by: z.literal('area'), areaId: zId }),
  z.object({ by: z.literal('department'), departmentId: zId }),
  z.object({ by: z.literal('day'), day: zDay }),
  z.object({
    by: z.literal('weekHour'),
    weekday: z.number().int().min(0).max(6),
    hour: z.number().int().min(0).max(23),
  }),
  z.object({ by: z.literal('hour'), hour: z.number().int().min(0).max(23) }),
  z.object({ by: z.literal('grid'), gridId: zId }),
  z.object({
    by: z.literal('spot'),
    key: z.string().regex(/^(component|event):\d{2,5}\|-?\d+,-?\d+$/, '点位编码无效'),
  }),
  z.object({ by: z.literal('overdue') }),
  z.object({ by: z.literal('reworked') }),
]);
export type TDrillFilter = z.infer<typeof ZDrillFilter>;

export const ZAnalyticsCasesInput = z.object({
  scope: ZAnalyticsScope,
  filter: ZDrillFilter,
  page: zPage,
  pageSize: z.number().int().min(5).max(50).default(20),
});
export type TAnalyticsCasesInput = z.infer<typeof ZAnalyticsCasesInput>;
