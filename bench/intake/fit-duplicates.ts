/**
 * `tsx bench/intake/fit-duplicates.ts`: fits the duplicate score on the DEV split only
 * — a logistic regression of "same group" on the four factors, for a small grid of
 * factor shapes (distance and time half-values, same-major credit, IDF or not) — and
 * picks thresholds on the same split: `merge` the lowest with auto-merge precision ≥ 97 %
 * (a margin over the 95 % target), `review` the lowest (≥ 0.3) at which at least 30 % of
 * the flagged pairs are true duplicates (what a shift lead can sift).
 * Prints the values to copy into DEFAULT_DUPLICATE_THRESHOLDS; the test split is not read.
 */

import { buildCategoryModel } from '../../apps/bff/src/modules/category-model/build-model';
import {
  DEFAULT_DUPLICATE_THRESHOLDS,
  type DuplicateFactors,
  type DuplicateThresholds,
  type DuplicateWeights,
} from '../../packages/domain/src/intake/duplicate-score';
import { candidatePairs, duplicateMetrics, type Pair, scorePairs } from './evaluate';
import { devSplit } from './splits';
import { benchTrainingSources, tokenise } from './training';

const FEATURES = ['category', 'distance', 'time', 'text'] as const;

/** What `scoreFactors` multiplies the weights by. */
function featuresOf(f: DuplicateFactors) {
  return {
    category: f.category,
    distance: Math.log(Math.max(1e-9, f.distance)),
    time: Math.log(Math.max(1e-9, f.time)),
    text: f.text,
  };
}

/** Plain batch gradient descent on the mean log-loss with a little L2. */
export function fitLogistic(pairs: readonly Pair[], iterations = 1500, rate = 2, l2 = 1e-4): DuplicateWeights {
  const w = { bias: 0, category: 0, distance: 0, time: 0, text: 0 };
  const n = pairs.length;
  for (let it = 0; it < iterations; it++) {
    const g = { bias: 0, category: 0, distance: 0, time: 0, text: 0 };
    for (const p of pairs) {
      const f = featuresOf(p.factors);
      const z = w.bias + w.category * f.category + w.distance * f.distance + w.time * f.time + w.text * f.text;
      const err = 1 / (1 + Math.exp(-z)) - (p.duplicate ? 1 : 0);
      g.bias += err;
      for (const k of FEATURES) g[k] += err * f[k];
    }
    w.bias -= (rate * g.bias) / n;
    for (const k of FEATURES) w[k] -= rate * (g[k] / n + l2 * w[k]);
  }
  // The place and photo weights are not fitted here (the shipped values were chosen by hand).
  return {
    ...w,
    place: DEFAULT_DUPLICATE_THRESHOLDS.weights.place,
    placeConflict: DEFAULT_DUPLICATE_THRESHOLDS.weights.placeConflict,
    photoSimilar: DEFAULT_DUPLICATE_THRESHOLDS.weights.photoSimilar,
    photoDifferent: DEFAULT_DUPLICATE_THRESHOLDS.weights.photoDifferent,
  };
}

/** The factors of a pair under other shape parameters (distance, time and text are kept). */
function reshape(f: DuplicateFactors, t: DuplicateThresholds): DuplicateFactors {
  return {
    ...f,
    category: f.sameCategory ? 1 : f.sameMajor ? t.sameMajorCredit : 0,
    distance: 1 / (1 + (f.distanceM / t.distanceHalfM) ** 2),
    time: 1 / (1 + (f.minutesApart / 60 / t.timeHalfHours) ** 2),
  };
}

function logLoss(scored: readonly { score: number; duplicate: boolean }[]): number {
  let sum = 0;
  for (const p of scored) sum -= Math.log(Math.max(1e-12, p.duplicate ? p.score : 1 - p.score));
  return sum / scored.length;
}

function chooseThresholds(
  scored: readonly { score: number; duplicate: boolean; factors: DuplicateFactors }[],
  trueTotal: number,
) {
  const grid = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);
  let merge = 0.99;
  for (const t of grid) {
    const m = duplicateMetrics(scored, trueTotal, { ...DEFAULT_DUPLICATE_THRESHOLDS, merge: t, review: t });
    if (m.mergePrecision >= 0.97 && m.merged > 0) {
      merge = t;
      break;
    }
  }
  // Review: the lowest threshold at which at least 30 % of the flags are real, never below 0.3.
  let review = merge;
  for (const t of grid) {
    if (t < 0.3 || t > merge) continue;
    const m = duplicateMetrics(scored, trueTotal, { ...DEFAULT_DUPLICATE_THRESHOLDS, merge, review: t });
    if (m.flaggedPrecision >= 0.3) {
      review = t;
      break;
    }
  }
  return { merge, review };
}

function main() {
  const model = buildCategoryModel(benchTrainingSources());
  const idf = (t: string) => model.idf.get(t) ?? model.unseenIdf;
  const reports = tokenise(devSplit());
  const rows: { label: string; thresholds: DuplicateThresholds; loss: number; text: string }[] = [];
  // Raw pairs once per text weighting; the factor shapes are recomputed from their distances and times.
  const raw = [true, false].map((useIdf) => ({
    useIdf,
    ...candidatePairs(reports, DEFAULT_DUPLICATE_THRESHOLDS, useIdf ? idf : undefined),
  }));
  for (const distanceHalfM of [45, 90, 150])
    for (const timeHalfHours of [6, 12, 24])
      for (const sameMajorCredit of [0.3, 0.5])
        for (const { useIdf, pairs: rawPairs, trueTotal } of raw) {
          const shape: DuplicateThresholds = {
            ...DEFAULT_DUPLICATE_THRESHOLDS,
            distanceHalfM,
            timeHalfHours,
            sameMajorCredit,
          };
          const pairs = rawPairs.map((p) => ({ ...p, factors: reshape(p.factors, shape) }));
          const weights = fitLogistic(pairs);
          const fitted = { ...shape, weights };
          const scored = scorePairs(pairs, fitted);
          const { merge, review } = chooseThresholds(scored, trueTotal);
          const m = duplicateMetrics(scored, trueTotal, { ...fitted, merge, review });
          const loss = logLoss(scored);
          const label = `d½=${distanceHalfM} t½=${timeHalfHours} major=${sameMajorCredit} idf=${useIdf}`;
          rows.push({
            label,
            thresholds: { ...fitted, merge, review },
            loss,
            text: `${label.padEnd(44)} loss ${loss.toFixed(4)}  merge ${merge} (P ${(m.mergePrecision * 100).toFixed(1)} R ${(m.mergeRecall * 100).toFixed(1)})  review ${review} (flagged P ${(m.flaggedPrecision * 100).toFixed(1)} R ${(m.flaggedRecall * 100).toFixed(1)})`,
          });
        }
  rows.sort((a, b) => a.loss - b.loss);
  for (const r of rows.slice(0, 12)) console.log(r.text);
  const best = rows[0];
  if (!best) return;
  const w = best.thresholds.weights;
  const r2 = (x: number) => Math.round(x * 100) / 100;
  console.log(`\nbest on dev: ${best.label}`);
  console.log(
    JSON.stringify({
      ...best.thresholds,
      weights: {
        bias: r2(w.bias),
        category: r2(w.category),
        distance: r2(w.distance),
        time: r2(w.time),
        text: r2(w.text),
      },
    }),
  );
}

main();
