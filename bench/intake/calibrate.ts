/**
 * `tsx bench/intake/calibrate.ts`: chooses the suggestion calibration (category-suggest.ts)
 * by 5-fold cross-validation on the sample reports — each fold's texts held out of
 * training — minimising the held-out log-loss of the chosen category; prints the grid.
 * The generated test split is not read.
 */
import { categoryTokens } from '../../apps/bff/src/lib/text/segment';
import { buildCategoryModel } from '../../apps/bff/src/modules/category-model/build-model';
import type { TrainingSources } from '../../apps/bff/src/modules/category-model/training-data';
import { categoryKey } from '../../packages/domain/src/intake/category-model';
import {
  categoryDistribution,
  DEFAULT_CALIBRATION,
  decidedKind,
  type SuggestionCalibration,
} from '../../packages/domain/src/intake/category-suggest';
import { benchTrainingSources } from './training';

export interface HeldOut {
  /** Per held-out report: the distribution's inputs and the wanted class index. */
  model: ReturnType<typeof buildCategoryModel>;
  tokens: string[];
  text: string;
  want: number;
}

export const FOLDS = 5;

/** Every sample report with the model trained without its fold. */
export function heldOutSamples(sources: TrainingSources): HeldOut[] {
  const out: HeldOut[] = [];
  for (let f = 0; f < FOLDS; f++) {
    const model = buildCategoryModel({ ...sources, samples: sources.samples.filter((_, i) => i % FOLDS !== f) });
    const index = new Map(model.categories.map((c, i) => [categoryKey(c.kind, c.code), i]));
    sources.samples.forEach((s, i) => {
      if (i % FOLDS !== f) return;
      out.push({
        model,
        tokens: categoryTokens(s.text),
        text: s.text,
        want: index.get(categoryKey(s.kind, s.code)) ?? -1,
      });
    });
  }
  return out;
}

export interface CalibrationFigures {
  n: number;
  top1: number;
  top3: number;
  logLoss: number;
  /** Mean confidence of the first suggestion, and expected calibration error over 10 bins. */
  meanTop1Confidence: number;
  ece: number;
  /** Reports whose first suggestion is a component. */
  componentFirst: number;
  /** Mean confidence of the 2nd and 3rd suggestions. */
  second: number;
  third: number;
}

export function evaluateCalibration(items: readonly HeldOut[], calibration: SuggestionCalibration): CalibrationFigures {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, conf: 0, right: 0 }));
  const f: CalibrationFigures = {
    n: 0,
    top1: 0,
    top3: 0,
    logLoss: 0,
    meanTop1Confidence: 0,
    ece: 0,
    componentFirst: 0,
    second: 0,
    third: 0,
  };
  for (const item of items) {
    f.n++;
    const p = categoryDistribution(item.model, { tokens: item.tokens, text: item.text }, null, calibration);
    if (!p) {
      f.logLoss += Math.log(1e6);
      continue;
    }
    const kind = decidedKind(item.model, p);
    const order = Array.from(p.keys())
      .filter((c) => item.model.categories[c]?.kind === kind)
      .sort((a, b) => (p[b] ?? 0) - (p[a] ?? 0));
    const [first, second, third] = order;
    const right = first === item.want;
    if (right) f.top1++;
    if (order.slice(0, 3).includes(item.want)) f.top3++;
    f.logLoss -= Math.log(Math.max(1e-6, p[item.want] ?? 0));
    const c = p[first ?? 0] ?? 0;
    f.meanTop1Confidence += c;
    f.second += p[second ?? 0] ?? 0;
    f.third += p[third ?? 0] ?? 0;
    if (item.model.categories[first ?? 0]?.kind === 'component') f.componentFirst++;
    const bin = bins[Math.min(9, Math.floor(c * 10))];
    if (bin) {
      bin.n++;
      bin.conf += c;
      bin.right += right ? 1 : 0;
    }
  }
  for (const b of bins) if (b.n > 0) f.ece += (b.n / f.n) * Math.abs(b.conf / b.n - b.right / b.n);
  f.meanTop1Confidence /= f.n;
  f.second /= f.n;
  f.third /= f.n;
  f.logLoss /= f.n;
  return f;
}

function main() {
  const items = heldOutSamples(benchTrainingSources());
  let best: { calibration: SuggestionCalibration; loss: number } | null = null;
  for (const temperature of [0.025, 0.03, 0.035, 0.04, 0.05])
    for (const kindTemperature of [0.03, 0.05, 0.1]) {
      const calibration = { ...DEFAULT_CALIBRATION, temperature, kindTemperature };
      const m = evaluateCalibration(items, calibration);
      console.log(
        `T=${temperature} kindT=${kindTemperature}: loss ${m.logLoss.toFixed(3)} top-1 ${((100 * m.top1) / m.n).toFixed(1)}% top-3 ${((100 * m.top3) / m.n).toFixed(1)}% mean conf ${m.meanTop1Confidence.toFixed(3)} ECE ${m.ece.toFixed(3)} 2nd ${m.second.toFixed(3)} 3rd ${m.third.toFixed(3)} component-first ${m.componentFirst}`,
      );
      if (!best || m.logLoss < best.loss) best = { calibration, loss: m.logLoss };
    }
  console.log('lowest held-out log-loss:', JSON.stringify(best));
}

if (import.meta.url === `file://${process.argv[1]}`) main();
