import type { Database, Queryable } from '@citygov/db/client';
import { users } from '@citygov/db/schema/auth';
import { evaluationResults } from '@citygov/db/schema/supervision';
import { ConflictError, ValidationError } from '@citygov/domain/errors';
import { type Period, periodOf } from '@citygov/domain/evaluation/periods';
import { and, desc, eq } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';
import { computeEvaluation, type EvaluationSnapshot, ZEvaluationSnapshot } from './compute-evaluation';
import type { TEvaluationTarget } from './evaluation-schemas';

export interface PublishedInfo {
  revision: number;
  publishedAt: Date;
  publishedBy: string;
  reason: string | null;
}

/** The period of a target; a custom range that cannot exist is the caller's input error. */
export function periodOfTarget(target: TEvaluationTarget): Period {
  try {
    return periodOf(target.period);
  } catch {
    throw new ValidationError('考核周期无效：开始日期不能晚于结束日期', { field: 'period' });
  }
}

function keyOf(user: SessionUser, target: TEvaluationTarget, period: Period) {
  return and(
    eq(evaluationResults.periodKey, period.key),
    eq(evaluationResults.subjectKind, target.subjectKind),
    eq(evaluationResults.areaLevel, target.subjectKind === 'area' ? target.areaLevel : ''),
    eq(evaluationResults.scopeAreaId, user.areaId),
  );
}

/** The current published result of this period, kind and the viewer's scope, or null. */
export async function currentPublished(
  db: Queryable,
  user: SessionUser,
  target: TEvaluationTarget,
  period: Period,
): Promise<{ snapshot: EvaluationSnapshot; info: PublishedInfo } | null> {
  const [row] = await db
    .select({ result: evaluationResults, publishedBy: users.displayName })
    .from(evaluationResults)
    .innerJoin(users, eq(users.id, evaluationResults.publishedBy))
    .where(and(keyOf(user, target, period), eq(evaluationResults.current, 1)));
  if (!row) return null;
  const parsed = ZEvaluationSnapshot.safeParse(row.result.snapshot);
  if (!parsed.success) return null;
  return {
    snapshot: parsed.data as EvaluationSnapshot,
    info: {
      revision: row.result.revision,
      publishedAt: row.result.publishedAt,
      publishedBy: row.publishedBy,
      reason: row.result.reason,
    },
  };
}

/**
 * 发布: freezes the period's ranking for the publisher's scope. Once published, views of
 * the period read the stored result, so later edits to cases do not change it; updating
 * it is `recalculateEvaluation`, on purpose and with a reason.
 */
export async function publishEvaluation(db: Database, user: SessionUser, target: TEvaluationTarget, now = new Date()) {
  const period = periodOfTarget(target);
  if (await currentPublished(db, user, target, period)) {
    throw new ConflictError('该周期的考核结果已发布；如需更新，请重新计算并填写原因', { code: 'EVALUATION_PUBLISHED' });
  }
  const snapshot = await computeEvaluation(db, user, target, period, now);
  await store(db, user, target, snapshot, 1, null, now);
  return { revision: 1, rows: snapshot.rows.length };
}

/** 重新计算: a published period computed again from the timelines; the old revision is kept, superseded. */
export async function recalculateEvaluation(
  db: Database,
  user: SessionUser,
  target: TEvaluationTarget & { reason: string },
  now = new Date(),
) {
  const period = periodOfTarget(target);
  const [latest] = await db
    .select({ id: evaluationResults.id, revision: evaluationResults.revision })
    .from(evaluationResults)
    .where(and(keyOf(user, target, period), eq(evaluationResults.current, 1)))
    .orderBy(desc(evaluationResults.revision))
    .for('update');
  if (!latest) throw new ConflictError('该周期尚未发布，无需重新计算', { code: 'EVALUATION_NOT_PUBLISHED' });
  await db.update(evaluationResults).set({ current: 0 }).where(eq(evaluationResults.id, latest.id));
  const snapshot = await computeEvaluation(db, user, target, period, now);
  await store(db, user, target, snapshot, latest.revision + 1, target.reason, now);
  return { revision: latest.revision + 1, rows: snapshot.rows.length };
}

async function store(
  db: Queryable,
  user: SessionUser,
  target: TEvaluationTarget,
  snapshot: EvaluationSnapshot,
  revision: number,
  reason: string | null,
  now: Date,
) {
  await db.insert(evaluationResults).values({
    periodKey: snapshot.period.key,
    periodFrom: snapshot.period.from,
    periodTo: snapshot.period.to,
    subjectKind: target.subjectKind,
    areaLevel: snapshot.areaLevel,
    scopeAreaId: user.areaId,
    revision,
    current: 1,
    snapshot: { ...snapshot },
    reason,
    publishedBy: user.id,
    publishedAt: now,
  });
}
