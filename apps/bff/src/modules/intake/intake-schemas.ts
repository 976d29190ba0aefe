import { z } from 'zod';
import { zBigId, zInstant } from '../../trpc/input-types';

const ZKind = z.enum(['component', 'event']);

export const ZSuggestCategoriesInput = z.object({
  text: z.string().trim().min(1, '请先填写问题描述').max(2000, '问题描述最多 2000 字'),
  /** The address as typed: its place words (菜市场, 学校) count too. */
  address: z.string().trim().max(200, '地址最多 200 字').optional(),
  kind: ZKind.optional(),
  limit: z.number().int().min(1).max(10).default(3),
});
export type TSuggestCategoriesInput = z.infer<typeof ZSuggestCategoriesInput>;

export const ZFindDuplicatesInput = z.object({
  kind: ZKind,
  categoryCode: z.string().regex(/^\d{5}$/, '请选择事部件小类'),
  lng: z.number({ error: '请在地图上选择位置' }).min(-180).max(180),
  lat: z.number({ error: '请在地图上选择位置' }).min(-90).max(90),
  description: z.string().trim().max(2000, '问题描述最多 2000 字').default(''),
  /** The address as typed (house numbers tell neighbouring shops apart). */
  address: z.string().trim().max(200, '地址最多 200 字').optional(),
  /** When the reported problem was seen (default now). */
  at: zInstant.optional(),
  excludeCaseId: zBigId.optional(),
  /** The caller's photos uploaded for the report being written (照片相似 / 照片不同 take part). */
  attachmentIds: z.array(zBigId).max(12, '最多 12 个附件').default([]),
  limit: z.number().int().min(1).max(20).default(5),
});
export type TFindDuplicatesInput = z.infer<typeof ZFindDuplicatesInput>;
