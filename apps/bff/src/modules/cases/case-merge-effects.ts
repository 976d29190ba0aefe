import type { Queryable } from '@citygov/db/client';
import { caseEvents, cases } from '@citygov/db/schema/cases';
import { duplicateSuspects } from '@citygov/db/schema/intake';
import { ConflictError, ValidationError } from '@citygov/domain/errors';
import { and, eq, or } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/context';
import { NO_CLOCK } from './case-clock';
import type { ActionEffects } from './case-department-effects';
import { loadCaseInScope } from './load-case';

type CaseRow = typeof cases.$inferSelect;

/** Who the timeline names for a merge no person made. */
export const DUPLICATE_ACTOR = '系统（智能判重）';

/** The lead case of a merge (并案): visible to the caller, not itself ended as void or merged. */
export async function requireMergeLead(db: Queryable, user: SessionUser, row: CaseRow, leadId: number | undefined) {
  if (!leadId) throw new ValidationError('请选择并入的主案件');
  if (leadId === row.id) throw new ValidationError('不能与自身并案');
  const lead = await loadCaseInScope(db, user, leadId);
  if (lead.status === 'voided' || lead.status === 'merged') {
    throw new ValidationError(
      `主案件 ${lead.caseNo} 已${lead.status === 'voided' ? '作废' : '并入其他案件'}，不能作为并案主案件`,
    );
  }
  return lead;
}

/**
 * 并案: this case ends as merged into the lead; the lead's timeline gets a row naming it,
 * and the suspected-duplicate pairs it was in are settled.
 */
export function mergeEffects(
  db: Queryable,
  actor: { id: number | null; name: string },
  row: CaseRow,
  lead: CaseRow,
  reason: string | null,
  now: Date,
  effects: ActionEffects,
) {
  Object.assign(effects.update, { mergedIntoId: lead.id, closedAt: now });
  effects.detail.into = lead.caseNo;
  effects.detail.intoId = lead.id;
  effects.sideEffects.push(async () => {
    // Cases merged into this one before follow it to the new lead, so a link is always one hop.
    await db.update(cases).set({ mergedIntoId: lead.id }).where(eq(cases.mergedIntoId, row.id));
    await db.insert(caseEvents).values({
      caseId: lead.id,
      at: now,
      actorId: actor.id,
      actorName: actor.name,
      action: 'mergeIn',
      label: '并入案件',
      fromStatus: lead.status,
      toStatus: lead.status,
      reason,
      detail: { merged: row.caseNo, mergedId: row.id },
    });
    const settled = { resolvedAt: now, resolvedBy: actor.id, resolvedByName: actor.name };
    const pair = or(
      and(eq(duplicateSuspects.caseId, row.id), eq(duplicateSuspects.candidateId, lead.id)),
      and(eq(duplicateSuspects.caseId, lead.id), eq(duplicateSuspects.candidateId, row.id)),
    );
    await db
      .update(duplicateSuspects)
      .set({ status: 'merged', ...settled })
      .where(and(eq(duplicateSuspects.status, 'pending'), pair));
    // Other pairs with the merged case are moot: it is no longer a case of its own.
    await db
      .update(duplicateSuspects)
      .set({ status: 'dismissed', ...settled })
      .where(
        and(
          eq(duplicateSuspects.status, 'pending'),
          or(eq(duplicateSuspects.caseId, row.id), eq(duplicateSuspects.candidateId, row.id)),
        ),
      );
  });
}

/**
 * 自动并案 at report time: the just-saved report (still 待受理) joins an open lead the
 * duplicate check scored at or above the merge threshold. Same effects as a person's
 * 并案; the timeline names the system, the lead and the score.
 */
export async function mergeAutomatically(db: Queryable, row: CaseRow, lead: CaseRow, score: number, now: Date) {
  const actor = { id: null, name: DUPLICATE_ACTOR };
  const percent = Math.round(score * 100);
  const reason = `系统判定与案件 ${lead.caseNo} 为同一问题（相似度 ${percent}%），自动并入`;
  const effects: ActionEffects = {
    update: { status: 'merged', ...NO_CLOCK, pausedAt: null, updatedAt: now },
    detail: { score },
    sideEffects: [],
  };
  mergeEffects(db, actor, row, lead, reason, now, effects);
  const [merged] = await db
    .update(cases)
    .set({ ...effects.update, version: row.version + 1 })
    .where(and(eq(cases.id, row.id), eq(cases.status, row.status), eq(cases.version, row.version)))
    .returning();
  if (!merged) throw new ConflictError('案件已被他人处理，请刷新后再操作');
  for (const effect of effects.sideEffects) await effect();
  await db.insert(caseEvents).values({
    caseId: row.id,
    at: now,
    actorId: null,
    actorName: DUPLICATE_ACTOR,
    action: 'autoMerge',
    label: '自动并案',
    fromStatus: row.status,
    toStatus: 'merged',
    reason,
    detail: effects.detail,
  });
  return merged;
}
