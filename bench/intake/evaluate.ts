/**
 * Measures of the intake assistance on generated reports: category top-1 / top-3, and
 * duplicate pairs (every report against the earlier reports within the search radius
 * and window, as `intake.findDuplicates` would see them) with precision and recall.
 */
import { type CategoryModel, categoryKey, suggestCategories } from '../../packages/domain/src/intake/category-model';
import {
  type DuplicateFactors,
  type DuplicateThresholds,
  decide,
  duplicateFactors,
  haversineM,
  scoreFactors,
} from '../../packages/domain/src/intake/duplicate-score';
import { placeMarks } from '../../packages/domain/src/intake/place-match';
import type { EvalReport } from './generate-reports';

export interface Tokenised extends EvalReport {
  tokens: string[];
}

export interface Accuracy {
  n: number;
  top1: number;
  top3: number;
  bySource: Record<string, { n: number; top1: number; top3: number }>;
}

export function categoryAccuracy(
  model: CategoryModel,
  items: readonly { tokens: readonly string[]; categoryCode: string; source: string }[],
): Accuracy {
  const result: Accuracy = { n: 0, top1: 0, top3: 0, bySource: {} };
  for (const item of items) {
    const top = suggestCategories(model, item.tokens, { kind: 'event', limit: 3 }).map((s) =>
      categoryKey(s.category.kind, s.category.code),
    );
    const want = categoryKey('event', item.categoryCode);
    const one = top[0] === want ? 1 : 0;
    const three = top.includes(want) ? 1 : 0;
    result.n++;
    result.top1 += one;
    result.top3 += three;
    const s = result.bySource[item.source] ?? { n: 0, top1: 0, top3: 0 };
    result.bySource[item.source] = s;
    s.n++;
    s.top1 += one;
    s.top3 += three;
  }
  return result;
}

export interface Pair {
  newer: number;
  older: number;
  duplicate: boolean;
  roleOfNewer: EvalReport['role'];
  factors: DuplicateFactors;
}

/** Every report against each earlier one within the search radius and the window. */
export function candidatePairs(
  reports: readonly Tokenised[],
  thresholds: DuplicateThresholds,
  idf?: (token: string) => number,
): { pairs: Pair[]; trueTotal: number } {
  const sorted = [...reports].sort((a, b) => a.at.getTime() - b.at.getTime());
  const windowMs = thresholds.windowDays * 24 * 3_600_000;
  const pairs: Pair[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const r = sorted[i] as Tokenised;
    for (let j = i - 1; j >= 0; j--) {
      const c = sorted[j] as Tokenised;
      if (r.at.getTime() - c.at.getTime() > windowMs) break;
      if (haversineM(r.lng, r.lat, c.lng, c.lat) > thresholds.searchRadiusM) continue;
      pairs.push({
        newer: r.id,
        older: c.id,
        duplicate: r.group === c.group,
        roleOfNewer: r.role,
        factors: duplicateFactors(
          { ...r, place: placeMarks(r.address, r.text) },
          { ...c, place: placeMarks(c.address, c.text), open: c.closedAt === null || c.closedAt > r.at },
          thresholds,
          idf,
        ),
      });
    }
  }
  // True pairs, whether or not they fall within the radius and window.
  const groups = new Map<number, number>();
  for (const r of reports) groups.set(r.group, (groups.get(r.group) ?? 0) + 1);
  let trueTotal = 0;
  for (const n of groups.values()) trueTotal += (n * (n - 1)) / 2;
  return { pairs, trueTotal };
}

export interface DuplicateMetrics {
  merge: number;
  review: number;
  /** Pairs decided 'merge', and how many of them are true duplicates. */
  merged: number;
  mergedTrue: number;
  /** Pairs decided 'merge' or 'review' (flagged), and how many are true. */
  flagged: number;
  flaggedTrue: number;
  trueTotal: number;
  mergePrecision: number;
  mergeRecall: number;
  flaggedPrecision: number;
  flaggedRecall: number;
}

export function duplicateMetrics(
  scored: readonly { score: number; duplicate: boolean; factors: DuplicateFactors }[],
  trueTotal: number,
  thresholds: DuplicateThresholds,
): DuplicateMetrics {
  let merged = 0;
  let mergedTrue = 0;
  let flagged = 0;
  let flaggedTrue = 0;
  for (const p of scored) {
    const d = decide(p.score, thresholds, p.factors);
    if (d === 'ignore') continue;
    flagged++;
    if (p.duplicate) flaggedTrue++;
    if (d === 'merge') {
      merged++;
      if (p.duplicate) mergedTrue++;
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    merge: thresholds.merge,
    review: thresholds.review,
    merged,
    mergedTrue,
    flagged,
    flaggedTrue,
    trueTotal,
    mergePrecision: ratio(mergedTrue, merged),
    mergeRecall: ratio(mergedTrue, trueTotal),
    flaggedPrecision: ratio(flaggedTrue, flagged),
    flaggedRecall: ratio(flaggedTrue, trueTotal),
  };
}

export function scorePairs(pairs: readonly Pair[], thresholds: DuplicateThresholds) {
  return pairs.map((p) => ({ ...p, score: scoreFactors(p.factors, thresholds.weights) }));
}

/** True pairs missed (not flagged), by role of the newer report (for the printout). */
export function missedByRole(scored: readonly (Pair & { score: number })[], review: number) {
  const out: Record<string, number> = {};
  for (const p of scored) {
    if (!p.duplicate || p.score >= review) continue;
    out[p.roleOfNewer] = (out[p.roleOfNewer] ?? 0) + 1;
  }
  return out;
}

/** Which hard negatives got flagged, by role (for the printout). */
export function falseFlagsByRole(scored: readonly (Pair & { score: number })[], review: number) {
  const out: Record<string, number> = {};
  for (const p of scored) {
    if (p.duplicate || p.score < review) continue;
    out[p.roleOfNewer] = (out[p.roleOfNewer] ?? 0) + 1;
  }
  return out;
}
