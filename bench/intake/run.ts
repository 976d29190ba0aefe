/**
 * Intake assistance benchmark (小类建议 + 智能判重), called at the end of `pnpm bench`
 * or alone: `tsx bench/intake/run.ts`.
 *
 * 1. Category suggestion: top-1 / top-3 on the generated TEST split (the model never
 *    sees it: trained on the catalogue seed, the curated keywords and the 750 sample
 *    reports), naive Bayes vs the shipped centroid cosine, with and without keywords;
 *    5-fold cross-validation on the sample reports (realistic texts, each fold held
 *    out of training); time per suggestion.
 * 2. Duplicates on the TEST split at the shipped thresholds (fitted on the DEV split by
 *    fit-duplicates.ts) and a threshold sweep.
 * 3. Time of `findDuplicates` for one new report among many cases: PGlite with
 *    BENCH_INTAKE_CASES_PGLITE (default 50,000) and PostgreSQL with
 *    BENCH_INTAKE_CASES_POSTGRES (default 1,000,000) cases loaded by the shared
 *    `seedManyCases`: without an index on lat/lng (the schema today), with a plain
 *    (lat, lng) btree, and with the proposed pair (see the report).
 *    BENCH_INTAKE_DB=0 skips this part.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { categoryTokens } from '../../apps/bff/src/lib/text/segment';
import { buildCategoryModel } from '../../apps/bff/src/modules/category-model/build-model';
import { resetIntakeModel } from '../../apps/bff/src/modules/category-model/category-suggester';
import type { TrainingSources } from '../../apps/bff/src/modules/category-model/training-data';
import { findDuplicates } from '../../apps/bff/src/modules/duplicates/find-duplicates';
import type { SessionUser } from '../../apps/bff/src/trpc/context';
import { migrateDatabase, type OpenDatabase, rowsOf } from '../../packages/db/src/client';
import { seedDemoCity } from '../../packages/db/src/seed/seed-demo-city';
import {
  type CategoryModelOptions,
  categoryKey,
  DEFAULT_CATEGORY_MODEL_OPTIONS,
  suggestCategories,
} from '../../packages/domain/src/intake/category-model';
import {
  DEFAULT_DUPLICATE_THRESHOLDS,
  type DuplicateThresholds,
  decide,
  LEGACY_DUPLICATE_THRESHOLDS,
} from '../../packages/domain/src/intake/duplicate-score';
import { permissionsOf } from '../../packages/domain/src/permissions';
import { type BenchDatabase, checkPostgres, openFreshPglite, openFreshPostgres } from '../databases';
import { seedManyCases } from '../many-cases';
import { formatMs, measureLoop, type Summary, summarise } from '../stats';
import { heldOutSamples } from './calibrate';
import { benchCategoryCv, categoryCvSummary } from './category-cv';
import {
  type Accuracy,
  candidatePairs,
  categoryAccuracy,
  type DuplicateMetrics,
  duplicateMetrics,
  falseFlagsByRole,
  missedByRole,
  scorePairs,
} from './evaluate';
import {
  afterFigures,
  beforeFigures,
  type FormFigures,
  type FormItem,
  memoryOf,
  suggestionLatency,
} from './form-suggestions';
import type { EvalReport } from './generate-reports';
import { PHOTO_SHARE, RETAKE_SHARE, withGeneratedPhotos } from './photo-pairs';
import { DEV_SEED, devSplit, TEST_SEED, testSplit } from './splits';
import { benchTrainingSources, tokenise } from './training';
import { benchTrainingStall } from './training-stall';

const LATENCY_QUERIES = 200;
const LATENCY_WARMUP = 10;
const SUGGEST_CALLS = 1_000;

function envCount(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1_000 || value > 10_000_000) {
    throw new Error(`${name} must be a whole number from 1,000 to 10,000,000`);
  }
  return value;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const thousands = (n: number) => n.toLocaleString('en-US');

function jiebaVersion(): string {
  const url = new URL('../../apps/bff/node_modules/@node-rs/jieba/package.json', import.meta.url);
  const pkg: unknown = JSON.parse(readFileSync(url, 'utf8'));
  return pkg && typeof pkg === 'object' && 'version' in pkg ? String(pkg.version) : 'unknown';
}

function accuracyLine(label: string, a: Accuracy): string {
  return `    ${label.padEnd(52)} top-1 ${pct(a.top1 / a.n).padStart(6)}  top-3 ${pct(a.top3 / a.n).padStart(6)}  (n=${a.n})`;
}

function bySourceLine(a: Accuracy): string {
  return Object.entries(a.bySource)
    .sort((x, y) => y[1].n - x[1].n)
    .map(([source, s]) => `${source} ${pct(s.top3 / s.n)} (n=${s.n})`)
    .join(', ');
}

function withoutKeywords(sources: TrainingSources): TrainingSources {
  return { ...sources, keywords: { event: {}, facilities: {} } };
}

/** 5-fold cross-validation on the sample reports: each fold held out of the training data. */
function samplesCrossValidation(sources: TrainingSources, options: CategoryModelOptions): Accuracy {
  const folds = 5;
  const all: Accuracy = { n: 0, top1: 0, top3: 0, bySource: {} };
  const tokens = sources.samples.map((s) => categoryTokens(s.text));
  for (let f = 0; f < folds; f++) {
    const train = sources.samples.filter((_, i) => i % folds !== f);
    const model = buildCategoryModel({ ...sources, samples: train }, options);
    const held = sources.samples
      .map((s, i) => ({ tokens: tokens[i] ?? [], categoryCode: s.code, source: 'sample', i }))
      .filter((s) => s.i % folds === f);
    const a = categoryAccuracy(model, held);
    all.n += a.n;
    all.top1 += a.top1;
    all.top3 += a.top3;
  }
  return all;
}

function benchCategories(sources: TrainingSources, reports: readonly EvalReport[]) {
  console.log('\n== intake: category suggestion (小类建议)');
  // Category suggestion reads its own tokens (with single characters); duplicates keep theirs.
  const test = reports.map((r) => ({ ...r, tokens: categoryTokens(r.text) }));
  const started = performance.now();
  const model = buildCategoryModel(sources);
  const trainMs = performance.now() - started;
  console.log(
    `  model: ${model.categories.length} categories, ${thousands(model.documents)} training documents (catalogue names + synonyms, keywords, ${sources.samples.length} sample reports, ${sources.history.length} closed cases); trained in ${formatMs(trainMs)} ms`,
  );
  const shipped = categoryAccuracy(model, test);
  const nb = categoryAccuracy(buildCategoryModel(sources, { ...DEFAULT_CATEGORY_MODEL_OPTIONS, method: 'nb' }), test);
  const noKeywords = categoryAccuracy(buildCategoryModel(withoutKeywords(sources)), test);
  console.log(`  generated test split (seed ${TEST_SEED}), kind = event:`);
  console.log(accuracyLine('TF-IDF centroid cosine (shipped)', shipped));
  console.log(`      top-3 by source: ${bySourceLine(shipped)}`);
  console.log(accuracyLine('multinomial naive Bayes (same features)', nb));
  console.log(accuracyLine('centroid, without the curated keywords', noKeywords));
  console.log('  the 750 sample reports, 5-fold cross-validation (fold held out of training):');
  const cv = samplesCrossValidation(sources, DEFAULT_CATEGORY_MODEL_OPTIONS);
  console.log(accuracyLine('TF-IDF centroid cosine (shipped)', cv));
  console.log(
    accuracyLine(
      'multinomial naive Bayes',
      samplesCrossValidation(sources, { ...DEFAULT_CATEGORY_MODEL_OPTIONS, method: 'nb' }),
    ),
  );
  console.log(
    accuracyLine(
      'centroid, without the curated keywords',
      samplesCrossValidation(withoutKeywords(sources), DEFAULT_CATEGORY_MODEL_OPTIONS),
    ),
  );

  // Time per suggestion as the acceptor types: segmentation + features + scoring, in process.
  const texts = test.map((r) => r.text);
  const samples: number[] = [];
  for (let i = 0; i < SUGGEST_CALLS; i++) {
    const text = texts[i % texts.length] ?? '';
    const t0 = performance.now();
    suggestCategories(model, categoryTokens(text), { kind: 'event', limit: 3 });
    samples.push(performance.now() - t0);
  }
  const before = summarise(samples);

  // As the form asks (no kind), before → after, on held-out text only.
  console.log('  as the intake form asks (kind not given), on text the model never saw:');
  const cvItems: FormItem[] = heldOutSamples(sources).map((h) => ({
    model: h.model,
    tokens: h.tokens,
    text: h.text,
    want: categoryKey(h.model.categories[h.want]?.kind ?? 'event', h.model.categories[h.want]?.code ?? ''),
  }));
  // The generated split in report order (learning replays it as acceptors would correct it).
  const testItems: FormItem[] = [...test]
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((r) => ({ model, tokens: r.tokens, text: r.text, want: categoryKey('event', r.categoryCode) }));
  const form: Record<
    string,
    { before: FormFigures; after: FormFigures; learning: FormFigures & { corrections: number } }
  > = {};
  for (const [label, items] of [
    ['750 sample reports, 5-fold CV', cvItems],
    [`generated test split (seed ${TEST_SEED}, held out)`, testItems],
  ] as const) {
    const b = beforeFigures(items);
    const a = afterFigures(items, false);
    const l = afterFigures(items, true);
    form[label] = { before: b, after: a, learning: l };
    console.log(`    ${label}:`);
    console.log(formLine('before: all kinds together, form cut at 0.05', b));
    console.log(formLine('after: kind first, calibrated, always three', a));
    console.log(
      `${formLine('after + corrections learnt at once (replayed)', l)}; ${l.corrections} corrections made along the way`,
    );
  }
  const memory = memoryOf(model, testItems, 2_000);
  const s = suggestionLatency(model, texts, SUGGEST_CALLS, memory);
  console.log(
    `  one suggestion (jieba cut + features + scoring, in process): before p50 ${formatMs(before.p50)} ms, p95 ${formatMs(before.p95)} ms → after (kind first, calibrated, 2,000 corrections in memory) p50 ${formatMs(s.p50)} ms, p95 ${formatMs(s.p95)} ms, max ${formatMs(s.max)} ms (n=${s.n})`,
  );
  return { model, shipped, cv, suggest: s, suggestBefore: before, form };
}

function formLine(label: string, f: FormFigures): string {
  return `      ${label.padEnd(48)} top-1 ${pct(f.top1 / f.n).padStart(6)}  top-3 ${pct(f.top3 / f.n).padStart(6)} (as shown ${pct(f.top3Shown / f.n).padStart(6)}, ${f.shown.toFixed(2)} shown)  component first ${f.componentFirst}  mean top-1 confidence ${f.meanTop1Confidence.toFixed(2)}, ECE ${f.ece.toFixed(3)}`;
}

function metricsLine(m: DuplicateMetrics): string {
  return `| ${m.merge.toFixed(2).padStart(5)} | ${m.review.toFixed(2).padStart(6)} | ${pct(m.mergePrecision).padStart(9)} | ${pct(m.mergeRecall).padStart(9)} | ${pct(m.flaggedPrecision).padStart(11)} | ${pct(m.flaggedRecall).padStart(11)} | ${String(m.merged).padStart(6)} | ${String(m.flagged - m.merged).padStart(6)} |`;
}

/** The shipped values before the second dev-split grid (kept to print previous → after). */
const PREVIOUS_THRESHOLDS: DuplicateThresholds = {
  ...DEFAULT_DUPLICATE_THRESHOLDS,
  openTimeFloor: 0.5,
  premisesMergeM: 35,
  mergeMinText: 0,
  mergeNeedsSamePremises: false,
};

function benchDuplicates(
  idf: (t: string) => number,
  dev: readonly (EvalReport & { tokens: string[] })[],
  test: readonly (EvalReport & { tokens: string[] })[],
) {
  console.log('\n== intake: duplicate detection (智能判重)');
  const t = DEFAULT_DUPLICATE_THRESHOLDS;
  console.log(
    `  shipped: merge ≥ ${t.merge}, review ≥ ${t.review}; radius ${t.searchRadiusM} m, window ${t.windowDays} d (open cases of any age); distance ½ at ${t.distanceHalfM} m × category extent (premises 0.5, linear 2); time ½ at ${t.timeHalfHours} h, an open original never below ${t.openTimeFloor}; same major ${t.sameMajorCredit}; premises auto-merge within ${t.premisesMergeM} m or the same named premises; auto-merge needs text similarity ≥ ${t.mergeMinText} or the same named premises${t.mergeNeedsSamePremises ? ', and never when each names other premises' : ''}; weights ${JSON.stringify(t.weights)}`,
  );
  console.log(
    '  pairs = each report × every earlier report within the radius and window; true = same problem (group). "auto-merge precision" = true / pairs decided merge; "flagged recall" = true pairs decided merge or review / all true pairs.',
  );
  const evaluate = (reports: readonly (EvalReport & { tokens: string[] })[], thresholds: DuplicateThresholds) => {
    const { pairs, trueTotal } = candidatePairs(reports, thresholds, idf);
    return { scored: scorePairs(pairs, thresholds), trueTotal, pairs: pairs.length };
  };
  const groups = new Set(test.filter((r) => r.role === 'duplicate').map((r) => r.group)).size;
  const hard = test.filter((r) => r.role !== 'duplicate' && r.role !== 'single' && r.role !== 'open-re-report').length;
  const reReports = test.filter((r) => r.role === 'open-re-report').length;
  const nextShops = test.filter((r) => r.role === 'next-shop').length;
  console.log(
    `  test split (seed ${TEST_SEED}): ${test.length} reports, ${groups} duplicate groups, ${reReports} re-reports of a still-open problem 1–6 days later, ${hard} hard negatives (${nextShops} a different shop 55–90 m along the same road)`,
  );
  let shipped: DuplicateMetrics | null = null;
  let shippedScored: ReturnType<typeof evaluate> | null = null;
  for (const [label, thresholds] of [
    ['before (time ages open cases, one distance scale, no address, no merge guards)', LEGACY_DUPLICATE_THRESHOLDS],
    [
      'previous (open floor 0.5, premises merge 35 m, no text or named-premises guard on auto-merge)',
      PREVIOUS_THRESHOLDS,
    ],
    ['after (shipped)', t],
  ] as const) {
    const e = evaluate(test, thresholds);
    const m = duplicateMetrics(e.scored, e.trueTotal, thresholds);
    const decided = (role: EvalReport['role'], want: 'flagged' | 'merge') =>
      e.scored.filter((p) => {
        if (p.roleOfNewer !== role) return false;
        const d = decide(p.score, thresholds, p.factors);
        return want === 'merge' ? d === 'merge' : d !== 'ignore';
      });
    const reCaught = decided('open-re-report', 'flagged').filter((p) => p.duplicate).length;
    const shopMerged = decided('next-shop', 'merge').filter((p) => !p.duplicate).length;
    console.log(`  ${label}: ${thousands(e.pairs)} candidate pairs, ${e.trueTotal} true pairs`);
    console.log(
      `    auto-merge: precision ${pct(m.mergePrecision)} (${m.mergedTrue}/${m.merged}), recall ${pct(m.mergeRecall)}`,
    );
    console.log(
      `    flagged (merge + review): recall ${pct(m.flaggedRecall)} (${m.flaggedTrue}/${m.trueTotal}), precision ${pct(m.flaggedPrecision)} (${m.flaggedTrue}/${m.flagged})`,
    );
    console.log(
      `    re-reports of an open case days later flagged: ${reCaught}/${reReports}; a different shop along the street auto-merged: ${shopMerged} pairs`,
    );
    console.log(
      `    false flags by role of the newer report: ${JSON.stringify(falseFlagsByRole(e.scored, thresholds.review))}; missed true pairs by role: ${JSON.stringify(missedByRole(e.scored, thresholds.review))}`,
    );
    shipped = m;
    shippedScored = e;
  }
  printPhotoFigures(test, evaluate, t);
  const d = evaluate(dev, t);
  const devM = duplicateMetrics(d.scored, d.trueTotal, t);
  console.log(
    `  dev split (seed ${DEV_SEED}, where the weights and thresholds were chosen): auto-merge precision ${pct(devM.mergePrecision)}, recall ${pct(devM.mergeRecall)}; flagged recall ${pct(devM.flaggedRecall)}, precision ${pct(devM.flaggedPrecision)}`,
  );
  if (!shipped || !shippedScored) throw new Error('no duplicate figures');
  const e = shippedScored;
  console.log('  threshold sweep on the test split (shipped factors):');
  console.log('| merge | review | merge P   | merge R   | flagged P   | flagged R   | merged | review |');
  console.log('|-------|--------|-----------|-----------|-------------|-------------|--------|--------|');
  for (const merge of [0.6, 0.7, 0.8, t.merge, 0.9, 0.95]) {
    for (const review of [0.2, t.review, 0.5]) {
      if (review > merge) continue;
      console.log(metricsLine(duplicateMetrics(e.scored, e.trueTotal, { ...t, merge, review })));
    }
  }
  return shipped;
}

/** The shipped rule with and without 照片相似 on the test split with generated photos (photo-pairs.ts). */
function printPhotoFigures(
  test: readonly (EvalReport & { tokens: string[] })[],
  evaluate: (
    reports: readonly (EvalReport & { tokens: string[] })[],
    thresholds: DuplicateThresholds,
  ) => { scored: Parameters<typeof duplicateMetrics>[0]; trueTotal: number },
  t: DuplicateThresholds,
): void {
  const photographed = withGeneratedPhotos(test, TEST_SEED);
  const withPhotos = photographed.filter((r) => r.photos.length > 0).length;
  // The same reports without their photos: the rule has nothing to act on.
  const blind = evaluate(test, t);
  const seen = evaluate(photographed, t);
  const before = duplicateMetrics(blind.scored, blind.trueTotal, t);
  const after = duplicateMetrics(seen.scored, seen.trueTotal, t);
  const pairs = seen.scored.filter((p) => p.factors.photoDistance !== null);
  const similar = (duplicate: boolean) =>
    pairs.filter((p) => p.duplicate === duplicate && p.factors.photoSimilar > 0).length;
  const different = (duplicate: boolean) =>
    pairs.filter((p) => p.duplicate === duplicate && p.factors.photoDifferent > 0).length;
  const total = (duplicate: boolean) => pairs.filter((p) => p.duplicate === duplicate).length;
  console.log(
    `  photos (照片相似, generated: ${withPhotos}/${photographed.length} reports with a photo — ${pct(PHOTO_SHARE)} of those not by hotline or sensor; a re-report retakes the problem's view with p ${RETAKE_SHARE}, else shows another side; assumptions, not measurements):`,
  );
  console.log(
    `    pairs with photos on both sides: true ${total(true)} (similar ${similar(true)}, different ${different(true)}), false ${total(false)} (similar ${similar(false)}, different ${different(false)})`,
  );
  for (const [label, m] of [
    ['without the photo rule', before],
    ['with the photo rule', after],
  ] as const) {
    console.log(
      `    ${label}: auto-merge precision ${pct(m.mergePrecision)} (${m.mergedTrue}/${m.merged}), recall ${pct(m.mergeRecall)}; flagged recall ${pct(m.flaggedRecall)}, precision ${pct(m.flaggedPrecision)} (${m.flaggedTrue}/${m.flagged})`,
    );
  }
}

/** A city-wide acceptor: the widest case scope, so the most candidates per query (worst case). */
function cityAcceptor(): SessionUser {
  return {
    id: 1,
    username: 'bench.acceptor',
    displayName: '基准受理员',
    role: 'acceptor',
    position: '受理员',
    areaId: 1,
    areaPath: '/1/',
    areaName: '云湖市',
    areaLevel: 'city',
    departmentId: null,
    departmentPath: null,
    departmentIds: [],
    departmentName: null,
    permissions: permissionsOf('acceptor'),
  };
}

interface LatencyPass {
  label: string;
  cases: number;
  modelMs: number;
  closedCases: number;
  noIndex: Summary;
  simpleIndex: Summary;
  proposed: Summary;
  candidates: number;
}

/** Index variants measured one after the other (each dropped before the next). */
const INDEX_VARIANTS = [
  {
    key: 'none',
    label: 'no index on lat/lng',
    // The schema ships the lat/lng indexes; take them away to measure without.
    create: ['drop index if exists cases_lat_lng_reported_idx', 'drop index if exists cases_open_lat_lng_idx'],
    drop: [],
  },
  {
    key: 'simple',
    label: 'btree (lat, lng)',
    create: ['create index bench_cases_lat_lng_idx on cases (lat, lng)'],
    drop: ['drop index bench_cases_lat_lng_idx'],
  },
  {
    key: 'proposed',
    label: 'shipped: (lat, lng, reported_at) + open-only',
    create: [
      'create index if not exists cases_lat_lng_reported_idx on cases (lat, lng, reported_at)',
      "create index if not exists cases_open_lat_lng_idx on cases (lat, lng) where status not in ('closed', 'voided')",
    ],
    drop: [],
  },
] as const;

async function measureFind(open: OpenDatabase, queries: readonly EvalReport[]) {
  const user = cityAcceptor();
  const now = new Date();
  let listed = 0;
  const summary = await measureLoop(LATENCY_QUERIES, LATENCY_WARMUP, async (i) => {
    const r = queries[(i + queries.length) % queries.length] as EvalReport;
    const found = await findDuplicates(open.db, user, {
      kind: 'event',
      categoryCode: r.categoryCode,
      lng: r.lng,
      lat: r.lat,
      description: r.text,
      at: now,
      limit: 5,
    });
    if (i >= 0) listed += found.length;
  });
  return { summary, listed };
}

async function inBox(open: OpenDatabase, queries: readonly EvalReport[]): Promise<number> {
  // How many rows the box + window condition keeps on average (what gets segmented and scored).
  const t = DEFAULT_DUPLICATE_THRESHOLDS;
  let total = 0;
  const sample = queries.slice(0, 20);
  for (const r of sample) {
    const dLat = t.searchRadiusM / 111_195;
    const dLng = dLat / Math.cos((r.lat * Math.PI) / 180);
    const [row] = rowsOf<{ n: number }>(
      await open.db.execute(
        `select count(*)::int as n from cases where lat between ${r.lat - dLat} and ${r.lat + dLat} and lng between ${r.lng - dLng} and ${r.lng + dLng} and status <> 'voided' and (reported_at >= now() - interval '${t.windowDays} days' or status not in ('closed', 'voided'))`,
      ),
    );
    total += row?.n ?? 0;
  }
  return Math.round(total / sample.length);
}

async function latencyPass(
  label: string,
  openFresh: () => Promise<BenchDatabase>,
  count: number,
  queries: readonly EvalReport[],
): Promise<LatencyPass> {
  console.log(`\n== intake: findDuplicates latency on ${label} with ${thousands(count)} cases`);
  const database = await openFresh();
  try {
    await migrateDatabase(database.open);
    await seedDemoCity(database.open.db);
    const chunks = Math.max(1, Math.round(count / 100_000));
    const many = await seedManyCases(database.open, count, chunks, (p) =>
      console.log(
        `    … ${p.phase.padEnd(8)} ${thousands(p.done).padStart(9)} / ${thousands(p.total)} (${(p.ms / 1000).toFixed(1)} s)`,
      ),
    );
    console.log(
      `  loaded ${thousands(many.cases)} cases in ${(many.insertMs / 1000).toFixed(1)} s (shared bench/many-cases.ts)`,
    );
    resetIntakeModel();
    const user = cityAcceptor();
    const t0 = performance.now();
    await findDuplicates(database.open.db, user, {
      kind: 'event',
      categoryCode: '06001',
      lng: 120.2,
      lat: 30.25,
      description: '预热',
    });
    const modelMs = performance.now() - t0;
    const [closed] = rowsOf<{ n: number }>(
      await database.open.db.execute(`select least(count(*), 20000)::int as n from cases where status = 'closed'`),
    );
    console.log(
      `  first call builds the category model from the database (${thousands(closed?.n ?? 0)} closed cases learnt): ${formatMs(modelMs)} ms`,
    );
    const candidates = await inBox(database.open, queries);
    const measured: Record<string, Summary> = {};
    for (const variant of INDEX_VARIANTS) {
      const built = performance.now();
      for (const statement of variant.create) await database.open.db.execute(statement);
      if (variant.create.length > 0) await database.open.db.execute('analyze cases');
      const buildMs = performance.now() - built;
      const run = await measureFind(database.open, queries);
      measured[variant.key] = run.summary;
      console.log(
        `  ${variant.label.padEnd(44)} p50 ${formatMs(run.summary.p50).padStart(6)} ms, p95 ${formatMs(run.summary.p95).padStart(6)} ms (n=${run.summary.n}${variant.create.length > 0 ? `; built in ${formatMs(buildMs)} ms` : `; ~${candidates} cases of any category in the box and window per report`})`,
      );
      for (const statement of variant.drop) await database.open.db.execute(statement);
    }
    return {
      label,
      cases: many.cases,
      modelMs,
      closedCases: closed?.n ?? 0,
      noIndex: measured.none as Summary,
      simpleIndex: measured.simple as Summary,
      proposed: measured.proposed as Summary,
      candidates,
    };
  } finally {
    resetIntakeModel();
    await database.dispose();
  }
}

export async function benchIntake(): Promise<void> {
  console.log(`\n#### intake assistance (@node-rs/jieba ${jiebaVersion()})`);
  const sources = benchTrainingSources();
  const started = performance.now();
  const dev = tokenise(devSplit());
  const test = tokenise(testSplit());
  console.log(
    `  generated splits: dev ${dev.length} / test ${test.length} reports (generated and segmented in ${formatMs(performance.now() - started)} ms)`,
  );
  const categories = benchCategories(sources, test);
  const categoryCv = benchCategoryCv();
  await benchTrainingStall(sources);
  const idf = (t: string) => categories.model.idf.get(t) ?? categories.model.unseenIdf;
  const duplicates = benchDuplicates(idf, dev, test);

  const passes: LatencyPass[] = [];
  if (process.env.BENCH_INTAKE_DB !== '0') {
    const queries = testSplit().slice(0, LATENCY_QUERIES);
    passes.push(await latencyPass('pglite', openFreshPglite, envCount('BENCH_INTAKE_CASES_PGLITE', 50_000), queries));
    const postgres = await checkPostgres();
    if (postgres.ok) {
      passes.push(
        await latencyPass('postgres', openFreshPostgres, envCount('BENCH_INTAKE_CASES_POSTGRES', 1_000_000), queries),
      );
    } else {
      console.log(`\n== intake latency on postgres: SKIPPED — ${postgres.reason}`);
    }
  }

  console.log('\n#### intake summary');
  console.log(`  ${categoryCvSummary(categoryCv)}`);
  for (const [label, f] of Object.entries(categories.form)) {
    const t = (x: FormFigures) =>
      `top-1 ${pct(x.top1 / x.n)} / top-3 ${pct(x.top3 / x.n)} (as shown ${pct(x.top3Shown / x.n)}, ${x.shown.toFixed(2)} shown)`;
    console.log(
      `  category, ${label}, as the form asks: before ${t(f.before)} → after ${t(f.after)} → with corrections learnt ${t(f.learning)}`,
    );
  }
  console.log(
    `  category suggestion latency p50/p95: before ${formatMs(categories.suggestBefore.p50)}/${formatMs(categories.suggestBefore.p95)} ms → after ${formatMs(categories.suggest.p50)}/${formatMs(categories.suggest.p95)} ms`,
  );
  console.log(
    `  duplicates (test): auto-merge precision ${pct(duplicates.mergePrecision)} at recall ${pct(duplicates.mergeRecall)}; flagged recall ${pct(duplicates.flaggedRecall)} at precision ${pct(duplicates.flaggedPrecision)}`,
  );
  if (passes.length > 0) {
    console.log(
      '| db | cases | model build ms | in box+window | findDuplicates p50/p95: no index | (lat, lng) | proposed pair |',
    );
    console.log('|----|-------|----------------|---------------|------------------|------------|---------------|');
    const f = (s: Summary) => `${formatMs(s.p50)}/${formatMs(s.p95)} ms`;
    for (const p of passes) {
      console.log(
        `| ${p.label} | ${thousands(p.cases)} | ${formatMs(p.modelMs)} (${thousands(p.closedCases)} closed) | ~${p.candidates} | ${f(p.noIndex)} | ${f(p.simpleIndex)} | ${f(p.proposed)} |`,
      );
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchIntake().catch((error: unknown) => {
    console.error('[bench intake] failed:', error);
    process.exit(1);
  });
}
