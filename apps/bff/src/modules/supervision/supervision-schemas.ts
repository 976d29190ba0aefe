import { REPLY_HOURS_MAX, REPLY_HOURS_MIN } from '@citygov/domain/supervision/supervision-orders';
import { z } from 'zod';
import { zBigId, zId, zLine } from '../../trpc/input-types';

export const ZListOrdersInput = z.object({
  /** open: not replied yet; escalated: overdue, replied or not; all. */
  filter: z.enum(['open', 'escalated', 'all']).default('open'),
  caseId: zBigId.optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

/** 督办单 on a department's work in general (not one case). Case orders go through `cases.act`. */
export const ZIssueDepartmentOrderInput = z.object({
  departmentId: zId,
  instruction: zLine().min(2, '请填写督办要求').max(500),
  replyHours: z.number().int().min(REPLY_HOURS_MIN).max(REPLY_HOURS_MAX),
});

export const ZReplyDepartmentOrderInput = z.object({
  id: zBigId,
  reply: z.string().trim().min(2, '请填写回复内容').max(1000),
});
