import type { Period } from '@citygov/domain/evaluation/periods';
import type { SessionUser } from '../../trpc/session-user';
import type { EvaluationSnapshot } from './compute-evaluation';
import type { TEvaluationTarget } from './evaluation-schemas';

/**
 * Draft rankings (未发布, computed on request) kept for a while per viewer, so that 下钻
 * answers from the very ranking on screen: the cases behind a number are the ones that
 * number counted, even after new events moved the live figures, and a click does not
 * compute the month again (at 10M cases one ranking takes about ten seconds with its facts kept, over a minute without).
 *
 * Per process and bounded: a miss (another BFF process, expired, evicted) computes afresh.
 * Keyed by the viewer and their scope, so one viewer never reads another's ranking; the
 * drill-down's rows are still read through the viewer's case scope.
 */
const KEEP_MS = 30 * 60_000;
/** A month's ranking of a large city holds its case ids (hundreds of thousands): keep few. */
const MAX_KEPT = 8;

const kept = new Map<string, { snapshot: EvaluationSnapshot; until: number }>();

function keyOf(user: SessionUser, target: TEvaluationTarget, period: Period, computedAt: string): string {
  const level = target.subjectKind === 'area' ? target.areaLevel : '';
  const departments = user.departmentIds.join(',');
  return [user.id, user.areaId, departments, period.key, target.subjectKind, level, computedAt].join('|');
}

export function keepRanking(
  user: SessionUser,
  target: TEvaluationTarget,
  period: Period,
  snapshot: EvaluationSnapshot,
  now = Date.now(),
): void {
  const key = keyOf(user, target, period, snapshot.computedAt);
  kept.delete(key);
  kept.set(key, { snapshot, until: now + KEEP_MS });
  for (const [old, entry] of kept) {
    if (kept.size <= MAX_KEPT && entry.until > now) break;
    kept.delete(old);
  }
}

/** The ranking this viewer was shown at `computedAt`, while it is kept. */
export function keptRanking(
  user: SessionUser,
  target: TEvaluationTarget,
  period: Period,
  computedAt: string,
  now = Date.now(),
): EvaluationSnapshot | null {
  const key = keyOf(user, target, period, computedAt);
  const entry = kept.get(key);
  if (!entry) return null;
  if (entry.until <= now) {
    kept.delete(key);
    return null;
  }
  return entry.snapshot;
}
