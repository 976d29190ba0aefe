/**
 * `tsx bench/intake/category-cv.ts`: category suggestion as the intake form asks it (kind
 * not given, three suggestions), on the 750 sample reports only, never on training text:
 * - all 750, 5-fold cross-validation (fold f = reports i % 5 === f held out of training);
 * - dev / held-out: a fixed fifth of the reports (hash of the text) is never looked at
 *   while choosing features; the rest is cross-validated for development, and the
 *   held-out fifth is scored once with a model trained on the rest;
 * per source (collector, citizen, hotline, camera, iot), and the time of one suggestion.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { categoryInput } from '../../apps/bff/src/lib/text/segment';
import { buildCategoryModel } from '../../apps/bff/src/modules/category-model/build-model';
import type { LabelledText, TrainingSources } from '../../apps/bff/src/modules/category-model/training-data';
import { type CategoryModel, categoryKey } from '../../packages/domain/src/intake/category-model';
import { rankCategories } from '../../packages/domain/src/intake/category-suggest';
import { summarise } from '../stats';
import { benchTrainingSources } from './training';

const FOLDS = 5;
const SAMPLES = new URL('../../packages/db/src/seed/sample-reports-zh.jsonl', import.meta.url);

interface Sample extends LabelledText {
  source: string;
}

function samplesWithSource(): Sample[] {
  const out: Sample[] = [];
  for (const line of readFileSync(SAMPLES, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { text: string; code: string; source?: string };
    out.push({ kind: 'event', code: row.code, text: row.text, source: row.source ?? 'unknown' });
  }
  return out;
}

/** The held-out fifth: decided by the text alone, so it never moves when code changes. */
export function isHeldOut(text: string): boolean {
  return (createHash('sha1').update(text).digest()[0] ?? 0) % FOLDS === 0;
}

interface Tally {
  n: number;
  top1: number;
  top3: number;
  shown: number;
  componentFirst: number;
  conf1: number;
  bySource: Record<string, { n: number; top1: number; top3: number }>;
}

const emptyTally = (): Tally => ({ n: 0, top1: 0, top3: 0, shown: 0, componentFirst: 0, conf1: 0, bySource: {} });

function score(t: Tally, model: CategoryModel, s: Sample): void {
  const ranked = rankCategories(model, categoryInput(s.text));
  const keys = ranked.map((r) => categoryKey(r.category.kind, r.category.code));
  const want = categoryKey(s.kind, s.code);
  const one = keys[0] === want ? 1 : 0;
  const three = keys.slice(0, 3).includes(want) ? 1 : 0;
  t.n++;
  t.top1 += one;
  t.top3 += three;
  t.shown += Math.min(3, ranked.length);
  t.conf1 += ranked[0]?.confidence ?? 0;
  if (ranked[0]?.category.kind === 'component') t.componentFirst++;
  t.bySource[s.source] ??= { n: 0, top1: 0, top3: 0 };
  const b = t.bySource[s.source] as { n: number; top1: number; top3: number };
  b.n++;
  b.top1 += one;
  b.top3 += three;
}

function crossValidate(sources: TrainingSources, samples: readonly Sample[]): Tally {
  const t = emptyTally();
  for (let f = 0; f < FOLDS; f++) {
    const model = buildCategoryModel({ ...sources, samples: samples.filter((_, i) => i % FOLDS !== f) });
    samples.forEach((s, i) => {
      if (i % FOLDS === f) score(t, model, s);
    });
  }
  return t;
}

const pct = (a: number, n: number) => `${((100 * a) / n).toFixed(1)}%`;

function line(label: string, t: Tally): string {
  const by = Object.entries(t.bySource)
    .map(([s, b]) => `${s} ${pct(b.top1, b.n)}/${pct(b.top3, b.n)} (n=${b.n})`)
    .join(', ');
  return `  ${label.padEnd(34)} top-1 ${pct(t.top1, t.n)}  top-3 ${pct(t.top3, t.n)}  shown ${(t.shown / t.n).toFixed(2)}  component first ${t.componentFirst}  mean top-1 conf ${(t.conf1 / t.n).toFixed(2)}  (n=${t.n})\n      by source top-1/top-3: ${by}`;
}

export interface CategoryCvFigures {
  all: Tally;
  dev: Tally;
  heldOut: Tally;
  p50: number;
  p95: number;
}

export function benchCategoryCv(): CategoryCvFigures {
  const sources = benchTrainingSources();
  const samples = samplesWithSource();
  console.log(
    '\n== category suggestion as the form asks (kind first, three shown), sample reports, never on training text',
  );
  const all = crossValidate(sources, samples);
  console.log(line(`all ${samples.length}, 5-fold CV`, all));
  const dev = samples.filter((s) => !isHeldOut(s.text));
  const held = samples.filter((s) => isHeldOut(s.text));
  const devTally = crossValidate(sources, dev);
  console.log(line(`dev ${dev.length}, 5-fold CV`, devTally));
  const model = buildCategoryModel({ ...sources, samples: dev });
  const h = emptyTally();
  for (const s of held) score(h, model, s);
  console.log(line(`held-out ${held.length} (trained on dev)`, h));
  const times: number[] = [];
  for (let i = 0; i < 3000; i++) {
    const s = samples[i % samples.length] as Sample;
    const t0 = performance.now();
    rankCategories(model, categoryInput(s.text));
    times.push(performance.now() - t0);
  }
  const l = summarise(times);
  console.log(
    `  one suggestion (cut + features + kind + scoring): p50 ${l.p50.toFixed(2)} ms, p95 ${l.p95.toFixed(2)} ms`,
  );
  return { all, dev: devTally, heldOut: h, p50: l.p50, p95: l.p95 };
}

/** One line for the summary: top-1 / top-3 of the three evaluations. */
export function categoryCvSummary(f: CategoryCvFigures): string {
  const t = (x: Tally) => `${pct(x.top1, x.n)} / ${pct(x.top3, x.n)}`;
  return `category top-1 / top-3, sample reports as the form asks (${(f.all.shown / f.all.n).toFixed(2)} shown): all ${f.all.n} 5-fold CV ${t(f.all)}; dev ${f.dev.n} CV ${t(f.dev)}; held-out ${f.heldOut.n} ${t(f.heldOut)}; suggestion p50/p95 ${f.p50.toFixed(2)}/${f.p95.toFixed(2)} ms`;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(`\n  ${categoryCvSummary(benchCategoryCv())}`);
