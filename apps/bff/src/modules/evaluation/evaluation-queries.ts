import type { Database } from '@citygov/db/client';
import { cases } from '@citygov/db/schema/cases';
import { categories } from '@citygov/db/schema/catalogue';
import { NotFoundError } from '@citygov/domain/errors';
import { periodOf, previousPeriods } from '@citygov/domain/evaluation/periods';
import { COUNTER_KEYS, type Counter } from '@citygov/domain/evaluation/subjects';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { SessionUser } from '../../trpc/session-user';
import { caseSummaryColumns, caseWorkScope } from '../cases/api';
import { computeEvaluation, type EvaluationSnapshot } from './compute-evaluation';
import type { TEvaluationTarget, ZEvaluationCasesInput, ZTrendInput } from './evaluation-schemas';
import { keepRanking, keptRanking } from './kept-rankings';
import { currentPublished, type PublishedInfo, periodOfTarget } from './published-results';

/** The ranking to show: the published one when the period is published, else computed now (草稿). */
async function rankingOf(
  db: Database,
  user: SessionUser,
  target: TEvaluationTarget,
  now: Date,
): Promise<{ snapshot: EvaluationSnapshot; published: PublishedInfo | null }> {
  const period = periodOfTarget(target);
  const stored = await currentPublished(db, user, target, period);
  if (stored) return { snapshot: stored.snapshot, published: stored.info };
  return { snapshot: await computeEvaluation(db, user, target, period, now), published: null };
}

/** 综合评价 of one period and subject kind: indicators, ranked rows with counts, and whether it is published. */
export async function viewEvaluation(db: Database, user: SessionUser, target: TEvaluationTarget, now = new Date()) {
  const { snapshot, published } = await rankingOf(db, user, target, now);
  if (!published) keepRanking(user, target, periodOfTarget(target), snapshot);
  return {
    period: snapshot.period,
    subjectKind: snapshot.subjectKind,
    areaLevel: snapshot.areaLevel,
    computedAt: snapshot.computedAt,
    caseCount: snapshot.caseCount,
    published,
    indicators: snapshot.indicators.map((i) => ({ key: i.key, name: i.name, weight: i.weight, formula: i.formula })),
    rows: snapshot.rows.map(({ cases: ids, ...row }) => ({
      ...row,
      counts: Object.fromEntries(COUNTER_KEYS.filter((c) => ids[c]).map((c) => [c, ids[c]?.length ?? 0])) as Partial<
        Record<Counter, number>
      >,
    })),
  };
}

const DRILL_LIMIT = 500;

/**
 * 下钻: the cases behind a number — one subject's counter, or all the cases it counted.
 * A published period answers from its frozen ids, a draft from the ranking the viewer was
 * shown (`computedAt`) while it is kept, else from one computed now. The rows are read
 * through the viewer's case scope as well, so a list never shows a case the viewer may not see.
 */
export async function evaluationCases(
  db: Database,
  user: SessionUser,
  input: z.infer<typeof ZEvaluationCasesInput>,
  now = new Date(),
) {
  const shown = input.computedAt ? keptRanking(user, input, periodOfTarget(input), input.computedAt) : null;
  const snapshot = shown ?? (await rankingOf(db, user, input, now)).snapshot;
  const row = snapshot.rows.find((r) => r.subject === input.subject);
  if (!row) throw new NotFoundError('该考核对象在本周期没有记录');
  const ids = input.counter ? (row.cases[input.counter] ?? []) : [...new Set(Object.values(row.cases).flat())];
  const total = ids.length;
  const rows =
    ids.length === 0
      ? []
      : await db
          .select({ ...caseSummaryColumns, reportedAt: cases.reportedAt, closedAt: cases.closedAt })
          .from(cases)
          .leftJoin(categories, and(eq(categories.kind, cases.kind), eq(categories.code, cases.categoryCode)))
          .where(and(inArray(cases.id, ids.slice(0, DRILL_LIMIT)), caseWorkScope(user)))
          .orderBy(asc(cases.reportedAt));
  return { name: row.name, total, shown: rows.length, rows };
}

/** 趋势: the totals of the same kind over the periods before (published results where there are). */
export async function evaluationTrend(
  db: Database,
  user: SessionUser,
  input: z.infer<typeof ZTrendInput>,
  now = new Date(),
) {
  const periods = [...previousPeriods(input.period, input.periods - 1), input.period];
  const points = [];
  for (const period of periods) {
    const { snapshot, published } = await rankingOf(db, user, { ...input, period }, now);
    const totals = snapshot.rows.map((r) => r.total);
    points.push({
      key: snapshot.period.key,
      label: snapshot.period.label,
      published: published !== null,
      average: totals.length > 0 ? Math.round((totals.reduce((a, b) => a + b, 0) / totals.length) * 100) / 100 : null,
      subjects: snapshot.rows.map((r) => ({ subject: r.subject, name: r.name, total: r.total })),
    });
  }
  return { points, periodLabel: periodOf(input.period).label };
}
