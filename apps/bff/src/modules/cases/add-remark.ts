import type { Queryable } from '@citygov/db/client';
import { caseEvents } from '@citygov/db/schema/cases';
import type { SessionUser } from '../../trpc/context';
import { loadCaseInScope } from './load-case';

/**
 * 备注: a note on the timeline that moves nothing, so it neither needs nor bumps the
 * case version and never conflicts with someone's action.
 */
export async function addRemark(db: Queryable, user: SessionUser, caseId: number, text: string) {
  const row = await loadCaseInScope(db, user, caseId);
  const [event] = await db
    .insert(caseEvents)
    .values({
      caseId: row.id,
      actorId: user.id,
      actorName: user.displayName,
      action: 'remark',
      label: '备注',
      fromStatus: row.status,
      toStatus: row.status,
      reason: text,
    })
    .returning();
  return event;
}
