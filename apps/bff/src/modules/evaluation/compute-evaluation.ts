import type { Database, Queryable } from '@citygov/db/client';
import { users } from '@citygov/db/schema/auth';
import { areas, departments } from '@citygov/db/schema/org';
import { tallyCasesWithFacts } from '@citygov/domain/evaluation/case-facts';
import type { IndicatorDefinition } from '@citygov/domain/evaluation/indicators';
import type { Period } from '@citygov/domain/evaluation/periods';
import { type IndicatorScore, scoreSubjects } from '@citygov/domain/evaluation/scoring';
import type { Counter, SubjectKind } from '@citygov/domain/evaluation/subjects';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { SessionUser } from '../../trpc/session-user';
import { crossCheckSettingsOf } from '../cross-check/api';
import { type TEvaluationTarget, ZBanding, ZIndicatorFormula } from './evaluation-schemas';
import { indicatorsOf } from './indicator-table';
import { collectorsInScope, loadCasesWithFacts } from './load-case-records';

export interface EvaluationRow {
  subject: number;
  name: string;
  total: number;
  grade: string;
  rank: number;
  /** 抽查扣分. */
  deduction: number;
  indicators: IndicatorScore[];
  /** The case ids behind each counter (下钻). */
  cases: Partial<Record<Counter, number[]>>;
}

/** One computed (or published) ranking: what was counted, with which definitions, and the rows. */
export interface EvaluationSnapshot {
  period: { key: string; label: string; from: string; to: string };
  subjectKind: SubjectKind;
  areaLevel: string;
  computedAt: string;
  caseCount: number;
  indicators: IndicatorDefinition[];
  rows: EvaluationRow[];
}

/** Reads a stored snapshot back; an unreadable one is treated as missing, never cast. */
export const ZEvaluationSnapshot = z.object({
  period: z.object({ key: z.string(), label: z.string(), from: z.string(), to: z.string() }),
  subjectKind: z.string(),
  areaLevel: z.string(),
  computedAt: z.string(),
  caseCount: z.number(),
  indicators: z.array(
    z.object({
      subjectKind: z.string(),
      key: z.string(),
      name: z.string(),
      formula: ZIndicatorFormula,
      weight: z.number(),
      banding: ZBanding,
    }),
  ),
  rows: z.array(
    z.object({
      subject: z.number(),
      name: z.string(),
      total: z.number(),
      grade: z.string(),
      rank: z.number(),
      // Snapshots published before cross-check deductions have none.
      deduction: z.number().default(0),
      indicators: z.array(z.object({ key: z.string(), value: z.number().nullable(), score: z.number().nullable() })),
      cases: z.record(z.string(), z.array(z.number())),
    }),
  ),
});

async function subjectNames(db: Queryable, kind: SubjectKind, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  if (kind === 'area') {
    const rows = await db.select({ id: areas.id, name: areas.name }).from(areas).where(inArray(areas.id, ids));
    return new Map(rows.map((r) => [r.id, r.name]));
  }
  if (kind === 'department') {
    const rows = await db
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .where(inArray(departments.id, ids));
    return new Map(rows.map((r) => [r.id, r.name]));
  }
  // A position ranks only the people who hold it (a step taken by another role is not theirs to score).
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.role, kind)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Computes one ranking from the timelines of the period's cases in the viewer's scope:
 * facts per case (packages/domain evaluation/timeline-facts.ts, kept between rankings),
 * counters per subject (case-facts.ts), the indicator table's scores, grades and ranks.
 */
export async function computeEvaluation(
  db: Database,
  user: SessionUser,
  target: TEvaluationTarget,
  period: Period,
  now: Date,
): Promise<EvaluationSnapshot> {
  const { indicators } = await indicatorsOf(db, target.subjectKind);
  const { cases: records, gridPaths } = await loadCasesWithFacts(db, user, period);
  const collectors = target.subjectKind === 'collector' ? await collectorsInScope(db, user) : [];
  const counters = tallyCasesWithFacts(target.subjectKind, records, {
    areaLevel: target.areaLevel,
    asOf: now < period.end ? now : period.end,
    collectorsCovering: (state) => {
      const path = gridPaths.get(state.id) ?? '';
      return collectors.filter((c) => path.startsWith(c.areaPath)).map((c) => c.id);
    },
  });
  const names = await subjectNames(db, target.subjectKind, [...counters.keys()]);
  for (const subject of counters.keys()) if (!names.has(subject)) counters.delete(subject);
  // 抽查不合格 counted against the evaluation (交叉抽查, as the city set it): points off areas and departments.
  const { deductionPoints } = await crossCheckSettingsOf(db);
  const deducts = target.subjectKind === 'area' || target.subjectKind === 'department';
  const scores = scoreSubjects(
    indicators,
    counters,
    deducts ? { counter: 'sampleDeducted', points: deductionPoints } : undefined,
  );
  return {
    period: { key: period.key, label: period.label, from: period.from, to: period.to },
    subjectKind: target.subjectKind,
    areaLevel: target.subjectKind === 'area' ? target.areaLevel : '',
    computedAt: now.toISOString(),
    caseCount: records.length,
    indicators,
    rows: scores.map((s) => ({
      ...s,
      name: names.get(s.subject) ?? '',
      cases: Object.fromEntries(counters.get(s.subject) ?? []),
    })),
  };
}
