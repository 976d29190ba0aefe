import type { Queryable } from '@citygov/db/client';
import { enqueueCaseSource } from '../enforcement/api';
import type { CaseActor } from './case-actor';
import type { CaseRow } from './load-case';

/**
 * 推送执法系统: a case filed by the enforcement area chief (执法立案) goes to the
 * enforcement case system as a 案源 (with the subjects linked to it so far). The message is
 * written to the outbox in the action's transaction, so it leaves only if the filing
 * commits, and then surely and once (its key is the case's).
 */
export async function pushToEnforcementSystem(
  db: Queryable,
  row: CaseRow,
  actor: CaseActor,
  now: Date,
): Promise<{ pushState: 'queued' | 'already' }> {
  const queued = await enqueueCaseSource(db, row, actor.name, '执法立案', now);
  return { pushState: queued ? 'queued' : 'already' };
}
