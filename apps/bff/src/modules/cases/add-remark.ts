import type { Queryable } from '@citygov/db/client';
import type { CaseStatus } from '@citygov/domain/cases/case-states';
import type { SessionUser } from '../../trpc/session-user';
import { appendCaseEvent } from '../events/api';
import { personActor } from './case-actor';
import { loadCaseInScope } from './load-case';

/**
 * 备注: a note on the timeline that moves nothing, so it neither needs nor bumps the
 * case version and never conflicts with someone's action. Anyone who may see the case
 * may note on it.
 */
export async function addRemark(db: Queryable, user: SessionUser, caseId: number, text: string, now = new Date()) {
  const row = await loadCaseInScope(db, user, caseId);
  return remarkOnCase(db, user, row, text, null, now);
}

/** The 备注 row itself, for a feature that notes what it did on a case it has already loaded and checked. */
export function remarkOnCase(
  db: Queryable,
  user: SessionUser,
  row: { id: number; status: CaseStatus },
  text: string,
  detail: Record<string, unknown> | null,
  now = new Date(),
) {
  return appendCaseEvent(db, {
    caseId: row.id,
    action: 'remark',
    label: '备注',
    actor: personActor(user),
    fromStatus: row.status,
    toStatus: row.status,
    reason: text,
    detail,
    at: now,
  });
}
