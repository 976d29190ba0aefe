import { PERSON_ACTIONS } from '@citygov/domain/cases/case-actions';
import { CASE_KINDS, CASE_SOURCE_KEYS, CASE_STATUSES, URGENCY_KEYS } from '@citygov/domain/cases/case-states';
import { LIMIT_UNITS } from '@citygov/domain/deadlines/time-limits';
import { z } from 'zod';
import { zBigId, zId, zInstant, zLine, zPage, zVersion } from '../../trpc/input-types';

/**
 * `cases.act` on the wire: the case, the version seen, the action, and every field any
 * action may carry. Which fields an action requires is said by its own file
 * (`actions/<action>.ts`), whose schema the transition core applies.
 */
export const ZCaseActionInput = z.object({
  caseId: zBigId,
  /** The version the user saw; a newer one means someone else acted first. */
  expectedVersion: zVersion,
  action: z.enum(PERSON_ACTIONS as [(typeof PERSON_ACTIONS)[number], ...(typeof PERSON_ACTIONS)[number][]]),
  reason: z.string().trim().max(1000, '意见最多 1000 字').optional(),
  confirmed: z.boolean().optional(),
  leadDepartmentId: zId.optional(),
  assistingDepartmentIds: z.array(zId).max(10).optional(),
  assigneeId: zId.optional(),
  /** dispatch / forceDispatch: the grid member (网格责任人) named for the case. */
  gridMemberId: zId.optional(),
  /** merge: the lead case this one joins. */
  mergeIntoCaseId: zBigId.optional(),
  extension: z
    .object({
      amount: z.number().positive('延期时长须大于 0').max(720),
      unit: z.enum(LIMIT_UNITS),
    })
    .optional(),
  /** orderSupervision: hours until the department's reply is due. */
  replyHours: z.number().int().min(1).max(720).optional(),
  /** educate (教育): the subject's mobile for the education SMS. */
  subjectPhone: z.string().trim().max(20).optional(),
  attachmentIds: z.array(zBigId).max(12).default([]),
});
export type TCaseActionInput = z.infer<typeof ZCaseActionInput>;

export const ZListCasesInput = z.object({
  queue: zLine().max(40).optional(),
  statuses: z.array(z.enum(CASE_STATUSES)).max(20).optional(),
  kind: z.enum(CASE_KINDS).optional(),
  categoryCode: z
    .string()
    .regex(/^\d{2,5}$/)
    .optional(),
  source: z.enum(CASE_SOURCE_KEYS).optional(),
  urgency: z.enum(URGENCY_KEYS).optional(),
  areaId: zId.optional(),
  from: zInstant.optional(),
  to: zInstant.optional(),
  overdue: z.boolean().optional(),
  q: zLine().max(60).optional(),
  sort: z.enum(['reportedAt.desc', 'reportedAt.asc', 'deadline.asc']).default('reportedAt.desc'),
  page: zPage,
  pageSize: z.number().int().min(1).max(200).default(20),
});
export type TListCasesInput = z.infer<typeof ZListCasesInput>;
