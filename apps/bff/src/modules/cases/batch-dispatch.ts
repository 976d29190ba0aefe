import type { Queryable } from '@citygov/db/client';
import { cases } from '@citygov/db/schema/cases';
import { DomainError, NotFoundError, ValidationError } from '@citygov/domain/errors';
import { and, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { zBigId, zId, zVersion } from '../../trpc/input-types';
import type { SessionUser } from '../../trpc/session-user';
import { actOnCase } from './act-on-case';
import { caseWorkScope } from './case-scope';

export const MAX_BATCH_DISPATCH = 100;

export const ZBatchDispatchInput = z.object({
  items: z
    .array(
      z.object({
        caseId: zBigId,
        /** The version the dispatcher saw in the list. */
        expectedVersion: zVersion,
      }),
    )
    .min(1, '请选择要派遣的案件')
    .max(MAX_BATCH_DISPATCH, `一次最多派遣 ${MAX_BATCH_DISPATCH} 件案件`),
  leadDepartmentId: zId,
  assistingDepartmentIds: z.array(zId).max(10).optional(),
  reason: z.string().trim().max(1000, '意见最多 1000 字').optional(),
});
export type TBatchDispatchInput = z.infer<typeof ZBatchDispatchInput>;

/**
 * 批量派遣: the same 派遣 (same departments, same opinion) for each selected case, one
 * after the other in the caller's transaction — all or nothing. A refusal names the
 * case it stopped at and rolls back the ones before it.
 */
export async function batchDispatch(db: Queryable, user: SessionUser, input: TBatchDispatchInput) {
  const ids = input.items.map((item) => item.caseId);
  if (new Set(ids).size !== ids.length) throw new ValidationError('所选案件有重复');
  // Numbers first, in one scoped read: an error can name the case without another query
  // (after a failed statement PostgreSQL accepts none until the rollback).
  const numbers = new Map(
    (
      await db
        .select({ id: cases.id, caseNo: cases.caseNo })
        .from(cases)
        .where(and(inArray(cases.id, ids), caseWorkScope(user)))
    ).map((row) => [row.id, row.caseNo]),
  );
  const missing = ids.filter((id) => !numbers.has(id));
  if (missing.length > 0) throw new NotFoundError(`有 ${missing.length} 件所选案件不存在或不在您的管辖范围内`);

  const dispatched = [];
  for (const item of input.items) {
    try {
      dispatched.push(
        await actOnCase(db, user, {
          caseId: item.caseId,
          expectedVersion: item.expectedVersion,
          action: 'dispatch',
          reason: input.reason,
          leadDepartmentId: input.leadDepartmentId,
          assistingDepartmentIds: input.assistingDepartmentIds,
          attachmentIds: [],
        }),
      );
    } catch (error) {
      throw namedAfter(error, numbers.get(item.caseId) ?? String(item.caseId));
    }
  }
  return dispatched;
}

/** The same kind of domain error, its message prefixed with the case number; others pass unchanged. */
function namedAfter(error: unknown, caseNo: string): unknown {
  if (!(error instanceof DomainError)) return error;
  return new DomainError(error.kind, `案件 ${caseNo}：${error.message}（本批案件均未派遣）`, {
    code: error.code,
    ...(error.field ? { field: error.field } : {}),
  });
}
