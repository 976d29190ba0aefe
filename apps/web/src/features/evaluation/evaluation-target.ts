import { AREA_LEVELS, type AreaLevel, SUBJECT_KINDS, type SubjectKind } from '@citygov/domain/evaluation/subjects';
import type { EvaluationTarget } from './api/evaluation';

const int = (value: string | null, fallback: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** China's date today, for the default period (this month). */
function chinaToday(now: Date): { year: number; month: number; day: string } {
  const day = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return { year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)), day };
}

/**
 * The evaluation shown, read from the page's address (周期, 对象, 层级), so a link opens
 * the same ranking; anything missing or malformed falls back to this month's district ranking.
 */
export function targetFromSearch(search: URLSearchParams, now = new Date()): EvaluationTarget {
  const today = chinaToday(now);
  const kind = search.get('period');
  const year = int(search.get('year'), today.year);
  const subject = search.get('subject');
  const level = search.get('level');
  const subjectKind: SubjectKind = SUBJECT_KINDS.includes(subject as SubjectKind) ? (subject as SubjectKind) : 'area';
  const areaLevel: AreaLevel = AREA_LEVELS.includes(level as AreaLevel) ? (level as AreaLevel) : 'district';
  let period: EvaluationTarget['period'];
  if (kind === 'quarter') period = { kind, year, quarter: Math.min(4, int(search.get('quarter'), 1)) };
  else if (kind === 'year') period = { kind, year };
  else if (kind === 'custom' && DAY.test(search.get('from') ?? '') && DAY.test(search.get('to') ?? ''))
    period = { kind, from: search.get('from') ?? today.day, to: search.get('to') ?? today.day };
  else period = { kind: 'month', year, month: Math.min(12, int(search.get('month'), today.month)) };
  return { period, subjectKind, areaLevel };
}

/** The address of a target (the inverse of `targetFromSearch`). */
export function searchOfTarget(target: EvaluationTarget): URLSearchParams {
  const out = new URLSearchParams({ period: target.period.kind, subject: target.subjectKind });
  if (target.subjectKind === 'area') out.set('level', target.areaLevel ?? 'district');
  const p = target.period;
  if (p.kind === 'custom') {
    out.set('from', p.from);
    out.set('to', p.to);
  } else {
    out.set('year', String(p.year));
    if (p.kind === 'month') out.set('month', String(p.month));
    if (p.kind === 'quarter') out.set('quarter', String(p.quarter));
  }
  return out;
}
