import { z } from 'zod';
import { zLine, zPage } from '../../trpc/input-types';
import { caseFilterFields } from './case-filters';

export const ZSearchCasesInput = z
  .object({
    // After the shared fields: here the phrase is required.
    ...caseFilterFields,
    q: zLine().min(1, '请输入要查找的内容').max(50, '查询内容最多50个字'),
    page: zPage,
    pageSize: z.number().int().min(5).max(100).default(20),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: '开始日期不能晚于结束日期', path: ['from'] });
export type TSearchCasesInput = z.infer<typeof ZSearchCasesInput>;
