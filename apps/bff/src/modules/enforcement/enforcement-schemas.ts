import { z } from 'zod';

const ZCaseId = z.number({ message: '请选择案件' }).int().positive();
const ZSubjectId = z
  .string({ message: '请选择当事人' })
  .trim()
  .min(1, '请选择当事人')
  .max(60, '当事人编号过长')
  .regex(/^[A-Za-z0-9-]+$/, '当事人编号格式不正确');

export const ZLookupInput = z.object({
  kind: z.enum(['person', 'organisation']).nullable().default(null),
  q: z
    .string({ message: '请输入姓名、身份证号、单位名称或统一社会信用代码' })
    .trim()
    .min(2, '请至少输入 2 个字')
    .max(60, '查询条件过长'),
});
export const ZSubjectCasesInput = z.object({ subjectId: ZSubjectId });
export const ZCaseEnforcementInput = z.object({ caseId: ZCaseId });
export const ZLinkInput = z.object({ caseId: ZCaseId, subjectId: ZSubjectId });
export const ZPushInput = z.object({
  caseId: ZCaseId,
  note: z.string().trim().max(500, '说明不超过 500 字').nullable().default(null),
});
