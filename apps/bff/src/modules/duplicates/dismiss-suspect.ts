import type { Queryable } from '@citygov/db/client';
import { duplicateSuspects } from '@citygov/db/schema/intake';
import { CASE_NOTES } from '@citygov/domain/cases/case-notes';
import { ConflictError, NotFoundError } from '@citygov/domain/errors';
import { and, eq } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';
import { loadCaseInScope, personActor } from '../cases/api';
import { learnFromPairs } from '../duplicate-learning/api';
import { appendCaseEvent } from '../events/api';
import type { TPairInput } from './duplicate-schemas';

const SETTLED: Record<string, string> = { merged: '已并案', dismissed: '已排除重复' };

function alreadySettled(pair: { status: string; resolvedByName: string | null }) {
  return new ConflictError(
    `${pair.resolvedByName ?? '他人'}已处理该疑似重复（${SETTLED[pair.status] ?? pair.status}），请刷新`,
  );
}

/**
 * 不是重复: the shift lead settles a pair as two different problems. Both cases must be
 * in their scope; a pair someone settled first is a conflict naming who did what. The
 * newer report's timeline keeps the decision (and the reason, if given), and duplicate
 * scoring learns from it at once (duplicate-learning).
 */
export async function dismissSuspect(db: Queryable, user: SessionUser, input: TPairInput, now = new Date()) {
  const [pair] = await db.select().from(duplicateSuspects).where(eq(duplicateSuspects.id, input.pairId));
  if (!pair) throw new NotFoundError('疑似重复记录不存在');
  const report = await loadCaseInScope(db, user, pair.caseId);
  const earlier = await loadCaseInScope(db, user, pair.candidateId);
  if (pair.status !== 'pending') throw alreadySettled(pair);
  const reason = input.reason?.trim() || null;
  const [updated] = await db
    .update(duplicateSuspects)
    .set({ status: 'dismissed', resolvedAt: now, resolvedBy: user.id, resolvedByName: user.displayName })
    .where(and(eq(duplicateSuspects.id, pair.id), eq(duplicateSuspects.status, 'pending')))
    .returning();
  if (!updated) {
    // Someone settled it between the read and the update.
    const [latest] = await db.select().from(duplicateSuspects).where(eq(duplicateSuspects.id, pair.id));
    throw alreadySettled(latest ?? { status: 'dismissed', resolvedByName: null });
  }
  await learnFromPairs(db, [{ candidateId: pair.candidateId, score: pair.score }], false, now);
  await appendCaseEvent(db, {
    caseId: report.id,
    action: 'dismissDuplicate',
    label: CASE_NOTES.dismissDuplicate,
    actor: personActor(user),
    fromStatus: report.status,
    toStatus: report.status,
    reason,
    detail: { other: earlier.caseNo, otherId: earlier.id, score: pair.score },
    at: now,
  });
  return { id: updated.id, status: updated.status };
}
