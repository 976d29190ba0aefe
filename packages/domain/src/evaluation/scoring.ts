import type { SubjectCounters } from './case-facts';
import type { Banding, IndicatorDefinition } from './indicators';
import type { Counter } from './subjects';

/** Grades (等级): A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, else E. */
export const GRADES = [
  { grade: 'A', atLeast: 90 },
  { grade: 'B', atLeast: 75 },
  { grade: 'C', atLeast: 60 },
  { grade: 'D', atLeast: 40 },
  { grade: 'E', atLeast: Number.NEGATIVE_INFINITY },
] as const;
export type Grade = (typeof GRADES)[number]['grade'];

export function gradeOf(score: number): Grade {
  return (GRADES.find((g) => score >= g.atLeast) ?? GRADES[4]).grade;
}

type Counts = ReadonlyMap<Counter, readonly number[]>;
const countOf = (counts: Counts | undefined, counter: Counter) => counts?.get(counter)?.length ?? 0;

/** An indicator's raw value for one subject: a rate in [0, 1], a count, or null when it does not apply. */
export function indicatorValue(indicator: IndicatorDefinition, counts: Counts | undefined): number | null {
  const f = indicator.formula;
  if (f.kind === 'count') return countOf(counts, f.counter);
  const denominator = countOf(counts, f.denominator) - (f.less ? countOf(counts, f.less) : 0);
  if (denominator <= 0) return null;
  return Math.min(1, countOf(counts, f.numerator) / denominator);
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The 0–100 score of a value under a banding; `best` is the best value among the ranked subjects. */
export function bandScore(banding: Banding, value: number, best: number): number {
  switch (banding.kind) {
    case 'linear':
      return round2((banding.lowerIsBetter ? 1 - value : value) * 100);
    case 'relative':
      return best > 0 ? round2((100 * value) / best) : 100;
    case 'steps':
      return banding.steps.find((s) => value <= s.upTo)?.score ?? banding.otherwise;
  }
}

export interface IndicatorScore {
  key: string;
  value: number | null;
  /** null when the indicator does not apply (nothing to count); its weight is shared by the others. */
  score: number | null;
}

export interface SubjectScore {
  subject: number;
  indicators: IndicatorScore[];
  /** Points taken off the weighted sum (抽查扣分: unqualified cross-check samples counted against it). */
  deduction: number;
  total: number;
  grade: Grade;
  rank: number;
}

/** A deduction (扣分): so many points off the total for each case in a counter, never below 0. */
export interface Deduction {
  counter: Counter;
  points: number;
}

/**
 * Scores and ranks every subject: each indicator's value is banded to 0–100, the total is
 * the weighted sum over the indicators that apply (their weights rescaled to 100, so a
 * collector who had nothing to check is judged on the rest), graded A–E. Equal totals share
 * a rank (1, 2, 2, 4).
 */
export function scoreSubjects(
  indicators: readonly IndicatorDefinition[],
  counters: SubjectCounters,
  deduction?: Deduction,
): SubjectScore[] {
  const subjects = [...counters.keys()];
  const values = new Map(subjects.map((s) => [s, indicators.map((i) => indicatorValue(i, counters.get(s)))]));
  const best = indicators.map((_, index) => Math.max(0, ...subjects.map((s) => values.get(s)?.[index] ?? 0)));
  const scored = subjects.map((subject) => {
    const scores = indicators.map((indicator, index): IndicatorScore => {
      const value = values.get(subject)?.[index] ?? null;
      return {
        key: indicator.key,
        value: value === null ? null : Math.round(value * 10_000) / 10_000,
        score: value === null ? null : bandScore(indicator.banding, value, best[index] ?? 0),
      };
    });
    let weighted = 0;
    let weights = 0;
    scores.forEach((s, index) => {
      const weight = indicators[index]?.weight ?? 0;
      if (s.score === null) return;
      weighted += s.score * weight;
      weights += weight;
    });
    const off = deduction ? round2(countOf(counters.get(subject), deduction.counter) * deduction.points) : 0;
    const total = Math.max(0, round2((weights > 0 ? weighted / weights : 0) - off));
    return { subject, indicators: scores, deduction: off, total, grade: gradeOf(total), rank: 0 };
  });
  scored.sort((a, b) => b.total - a.total || a.subject - b.subject);
  scored.forEach((s, index) => {
    const previous = scored[index - 1];
    s.rank = previous && previous.total === s.total ? previous.rank : index + 1;
  });
  return scored;
}
