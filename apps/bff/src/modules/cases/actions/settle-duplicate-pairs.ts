import type { Queryable } from '@citygov/db/client';
import { duplicateSuspects } from '@citygov/db/schema/intake';
import { and, eq, or } from 'drizzle-orm';
import { learnFromPairs } from '../../duplicate-learning/api';

/**
 * When a case is merged (并案 or 自动并案), its pair with the lead is settled as merged, and
 * its other pending pairs as dismissed: it is no longer a case of its own. A pair the
 * merge settled teaches duplicate scoring at once (the others were not judged, so they do not).
 */
export async function settlePairsOnMerge(
  db: Queryable,
  merge: { mergedId: number; leadId: number; actor: { id: number | null; name: string }; now: Date },
): Promise<void> {
  const { mergedId, leadId, actor, now } = merge;
  const settled = { resolvedAt: now, resolvedBy: actor.id, resolvedByName: actor.name };
  const pair = or(
    and(eq(duplicateSuspects.caseId, mergedId), eq(duplicateSuspects.candidateId, leadId)),
    and(eq(duplicateSuspects.caseId, leadId), eq(duplicateSuspects.candidateId, mergedId)),
  );
  const merged = await db
    .update(duplicateSuspects)
    .set({ status: 'merged', ...settled })
    .where(and(eq(duplicateSuspects.status, 'pending'), pair))
    .returning({ candidateId: duplicateSuspects.candidateId, score: duplicateSuspects.score });
  await learnFromPairs(db, merged, true, now);
  await db
    .update(duplicateSuspects)
    .set({ status: 'dismissed', ...settled })
    .where(
      and(
        eq(duplicateSuspects.status, 'pending'),
        or(eq(duplicateSuspects.caseId, mergedId), eq(duplicateSuspects.candidateId, mergedId)),
      ),
    );
}
