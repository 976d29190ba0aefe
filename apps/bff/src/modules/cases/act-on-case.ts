import type { Queryable } from '@citygov/db/client';
import type { SessionUser } from '../../trpc/session-user';
import { personActor } from './case-actor';
import type { TCaseActionInput } from './case-schemas';
import { loadCaseForWork } from './load-case';
import { requireActionPermission, transitionCase } from './transition-case';

/**
 * A person's action on a case (`cases.act`): permission first — a caller who may never
 * take it learns nothing about the case — then the case through their work scope, then
 * the transition core.
 */
export async function actOnCase(db: Queryable, user: SessionUser, input: TCaseActionInput, now = new Date()) {
  const actor = personActor(user);
  requireActionPermission(actor, input.action);
  const row = await loadCaseForWork(db, user, input.caseId);
  return transitionCase(db, actor, row, input.action, input, now);
}
