import { CASE_STATUSES } from '@citygov/domain/cases/case-states';
import { z } from 'zod';
import { zDay, zLine, zPage } from '../../trpc/input-types';

export const ZSearchCasesInput = z
  .object({
    q: zLine().min(1, '请输入要查找的内容').max(50, '查询内容最多50个字'),
    statuses: z.array(z.enum(CASE_STATUSES)).max(20).optional(),
    /** 'event', 'event:01' (大类) or 'event:01001' (小类). */
    category: z
      .string()
      .regex(/^(component|event)(:\d{2}(\d{3})?)?$/, '类别编码无效')
      .optional(),
    from: zDay.optional(),
    to: zDay.optional(),
    page: zPage,
    pageSize: z.number().int().min(5).max(100).default(20),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: '开始日期不能晚于结束日期', path: ['from'] });
export type TSearchCasesInput = z.infer<typeof ZSearchCasesInput>;
