/**
 * 小类建议 as the intake form shows it, before → after, on text the model never saw:
 * - before: every category scored together (the form does not say the kind), softmax at
 *   the old temperature, the form cutting suggestions after the first below 0.05;
 * - after: the kind decided first, calibrated confidences, always three; and, replayed in
 *   order, each wrong first suggestion corrected by the acceptor and learnt at once
 *   (prequential: a report is scored before its own correction is learnt).
 */
import { performance } from 'node:perf_hooks';
import { categoryTokens } from '../../apps/bff/src/lib/text/segment';
import { type CategoryModel, categoryKey, suggestCategories } from '../../packages/domain/src/intake/category-model';
import {
  type CorrectionMemory,
  emptyCorrectionMemory,
  rankCategories,
  rememberCorrection,
} from '../../packages/domain/src/intake/category-suggest';
import { type Summary, summarise } from '../stats';

/** The form's old cut: suggestions after the first were shown only from this score up. */
const OLD_FORM_CUT = 0.05;

export interface FormItem {
  model: CategoryModel;
  tokens: string[];
  text: string;
  /** "kind:code" wanted. */
  want: string;
}

export interface FormFigures {
  n: number;
  top1: number;
  top3: number;
  /** Top-3 counting only the suggestions the form shows. */
  top3Shown: number;
  shown: number;
  componentFirst: number;
  meanTop1Confidence: number;
  ece: number;
}

function empty(): FormFigures {
  return { n: 0, top1: 0, top3: 0, top3Shown: 0, shown: 0, componentFirst: 0, meanTop1Confidence: 0, ece: 0 };
}

function finish(f: FormFigures, bins: { n: number; conf: number; right: number }[]): FormFigures {
  for (const b of bins) if (b.n > 0) f.ece += (b.n / f.n) * Math.abs(b.conf / b.n - b.right / b.n);
  f.meanTop1Confidence /= f.n;
  f.shown /= f.n;
  return f;
}

function tally(
  f: FormFigures,
  bins: { n: number; conf: number; right: number }[],
  ranked: readonly { key: string; kind: string; score: number }[],
  shown: number,
  want: string,
) {
  f.n++;
  const right = ranked[0]?.key === want;
  if (right) f.top1++;
  if (ranked.slice(0, 3).some((r) => r.key === want)) f.top3++;
  if (ranked.slice(0, shown).some((r) => r.key === want)) f.top3Shown++;
  f.shown += shown;
  if (ranked[0]?.kind === 'component') f.componentFirst++;
  const c = ranked[0]?.score ?? 0;
  f.meanTop1Confidence += c;
  const bin = bins[Math.min(9, Math.floor(c * 10))];
  if (bin) {
    bin.n++;
    bin.conf += c;
    bin.right += right ? 1 : 0;
  }
}

const newBins = () => Array.from({ length: 10 }, () => ({ n: 0, conf: 0, right: 0 }));

export function beforeFigures(items: readonly FormItem[]): FormFigures {
  const f = empty();
  const bins = newBins();
  for (const item of items) {
    const ranked = suggestCategories(item.model, item.tokens, { limit: 3 }).map((s) => ({
      key: categoryKey(s.category.kind, s.category.code),
      kind: s.category.kind,
      score: s.score,
    }));
    const shown = ranked.filter((s, i) => i === 0 || s.score >= OLD_FORM_CUT).length;
    tally(f, bins, ranked, shown, item.want);
  }
  return finish(f, bins);
}

export function afterFigures(items: readonly FormItem[], learn: boolean): FormFigures & { corrections: number } {
  const f = empty();
  const bins = newBins();
  const memories = new Map<CategoryModel, CorrectionMemory>();
  let corrections = 0;
  for (const item of items) {
    let memory = memories.get(item.model);
    if (!memory) {
      memory = emptyCorrectionMemory();
      memories.set(item.model, memory);
    }
    const ranked = rankCategories(item.model, { tokens: item.tokens, text: item.text }, learn ? memory : null).map(
      (s) => ({ key: categoryKey(s.category.kind, s.category.code), kind: s.category.kind, score: s.confidence }),
    );
    tally(f, bins, ranked, ranked.length, item.want);
    if (learn && ranked[0]?.key !== item.want) {
      const [kind, code] = item.want.split(':') as ['event' | 'component', string];
      rememberCorrection(memory, item.model, item.tokens, { kind, code });
      corrections++;
    }
  }
  return { ...finish(f, bins), corrections };
}

/** Time of one suggestion as the form asks it (jieba cut + features + kind + scoring + corrections). */
export function suggestionLatency(
  model: CategoryModel,
  texts: readonly string[],
  calls: number,
  memory: CorrectionMemory,
): Summary {
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) {
    const text = texts[i % texts.length] ?? '';
    const t0 = performance.now();
    rankCategories(model, { tokens: categoryTokens(text), text }, memory);
    samples.push(performance.now() - t0);
  }
  return summarise(samples);
}

/** A memory holding `n` corrections from these texts (as after a busy week). */
export function memoryOf(model: CategoryModel, items: readonly FormItem[], n: number): CorrectionMemory {
  const memory = emptyCorrectionMemory();
  for (let i = 0; i < n && items.length > 0; i++) {
    const item = items[i % items.length] as FormItem;
    const [kind, code] = item.want.split(':') as ['event' | 'component', string];
    rememberCorrection(memory, model, item.tokens, { kind, code });
  }
  return memory;
}
