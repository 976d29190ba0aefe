import { z } from 'zod';
import { zDay, zInstant } from '../../trpc/input-types';

/** One GPS fix: mainland China and its seas (a 0,0 or swapped pair is a phone's bad fix, refused). */
const ZPoint = z.object({
  lng: z.number({ error: '经度须为数字' }).min(73, '经度不在有效范围（73–136）').max(136, '经度不在有效范围（73–136）'),
  lat: z.number({ error: '纬度须为数字' }).min(3, '纬度不在有效范围（3–54）').max(54, '纬度不在有效范围（3–54）'),
  accuracyM: z.number().min(0).max(100_000).nullish(),
  at: zInstant,
});

/** A batch, so a phone that was offline sends its backlog in one call (at most a shift's worth). */
export const ZReportPositionsInput = z.object({
  points: z.array(ZPoint).min(1, '没有定位点').max(2000, '一次最多上报 2000 个定位点'),
});
export type TReportPositionsInput = z.output<typeof ZReportPositionsInput>;

export const ZSetOnDutyInput = z.object({ onDuty: z.boolean({ error: '请选择上岗或下岗' }) });

/** 在岗统计: a range of China days, at most 31 (a month's report). */
export const ZDutyReportInput = z
  .object({ from: zDay, to: zDay })
  .refine((r) => r.from <= r.to, { message: '结束日期不能早于开始日期', path: ['to'] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 30 * 86_400_000, {
    message: '一次最多统计 31 天',
    path: ['to'],
  });
export type TDutyReportInput = z.output<typeof ZDutyReportInput>;
