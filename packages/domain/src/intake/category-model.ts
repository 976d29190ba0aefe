/**
 * 小类建议: a text classifier from a report's token bag (see text-features.ts) to the
 * catalogue's categories. Pure and synchronous; training data comes from the caller
 * (catalogue names and synonyms, labelled sample reports, closed cases).
 *
 * Two methods share one sparse inverted index (token → the classes it scores for):
 * - `nb`: multinomial naive Bayes over log-scaled, IDF-weighted token counts, each
 *   document L2-normalised so a long report does not outweigh a short one;
 * - `centroid`: TF-IDF cosine against each class's centroid (the mean of its
 *   documents' unit vectors), refined on its own leave-one-out errors (`refineCentroids`),
 *   each query token weighted also by how few classes it speaks for (`tokenFocus`).
 * Scores are turned into 0–1 by a softmax with a temperature, over the classes asked for.
 */
import { countTokens } from './text-features';

export type CategoryKind = 'component' | 'event';

export interface CategoryRef {
  kind: CategoryKind;
  code: string;
  name: string;
  majorCode: string;
}

/** One labelled document: its class key (`categoryKey`), tokens and weight. */
export interface TrainingExample {
  key: string;
  tokens: readonly string[];
  weight: number;
}

export interface CategoryModelOptions {
  method: 'nb' | 'centroid';
  /** Laplace smoothing of `nb` (in units of normalised token weight). */
  alpha: number;
  /** Weight tokens by inverse document frequency. */
  idf: boolean;
  /** Softmax temperature turning raw scores into 0–1 (smaller is sharper). */
  temperature: number;
  /** Weight of each token type (the prefix before `:`, e.g. `u` single characters); 1 when absent. */
  typeWeights?: Readonly<Record<string, number>>;
  /**
   * `centroid` only: rounds of error-driven refinement (`refineCentroids`) and its step.
   * Absent or 0 rounds: the plain centroid.
   */
  refine?: { rounds: number; rate: number };
  /** `centroid` only: weight each query token by how concentrated it is on few classes (`tokenFocus`). */
  focus?: boolean;
}

/**
 * Chosen on development data (bench/intake): the centroid cosine beat naive Bayes on
 * the held-out sample reports and the generated dev split; the temperature makes the
 * mean top-1 score on the dev split (0.88) close to, and just under, its top-1 accuracy
 * (0.91) with the character tokens of `categoryTokens`.
 */
export const DEFAULT_CATEGORY_MODEL_OPTIONS: CategoryModelOptions = {
  method: 'centroid',
  alpha: 0.1,
  idf: true,
  temperature: 0.025,
  // Single characters count double: people name the same thing with different words
  // (楼顶/屋顶, 暖气/热力, typos) far more often than with different characters. On the
  // development part of the sample reports (5-fold CV, the held-out fifth unread) top-1
  // rose 55.7 → 59.2 %; 1.5–3 all gave about the same, so this is not a fine-tuned value.
  typeWeights: { u: 2 },
  // On the development part of the sample reports (5-fold CV, held-out fifth unread): 2–3
  // rounds at 0.05–0.2 gave the same within a point, more rounds or rank-3 variants overfit;
  // its gain comes with the focus below (figures there).
  refine: { rounds: 3, rate: 0.1 },
  // Same data: with the refinement, top-3 81.0 → 83.1 % (hotline 72.4 → 78.1, citizen
  // 72.5 → 74.0); the focus raised to 0.5, 0.75, 1.5, 2 gave 81.9, 82.7, 82.4, 81.5 %, so the
  // plain 1 − H / ln K is kept. Without the refinement it gave 81.4 %: the two go together.
  focus: true,
};

export interface CategorySuggestion {
  category: CategoryRef;
  score: number;
}

export interface Posting {
  classIndex: number;
  weight: number;
}

export interface CategoryModel {
  options: CategoryModelOptions;
  categories: readonly CategoryRef[];
  /** Per class: score of an empty query (`nb`: log prior) and the per-unit-of-query-weight term. */
  base: Float64Array;
  scale: Float64Array;
  postings: ReadonlyMap<string, readonly Posting[]>;
  idf: ReadonlyMap<string, number>;
  /** IDF of a token never seen in training. */
  unseenIdf: number;
  /** With `options.focus`: each token's weight in a query, besides its IDF (`tokenFocus`). */
  focus?: ReadonlyMap<string, number>;
  documents: number;
  trainedAt: Date;
}

export function categoryKey(kind: CategoryKind, code: string): string {
  return `${kind}:${code}`;
}

/** Unit-length weights of one token bag: (1 + ln tf) × idf, L2-normalised. */
function weigh(
  tokens: readonly string[],
  idfOf: (token: string) => number,
  typeWeights?: Readonly<Record<string, number>>,
): Map<string, number> {
  const weights = new Map<string, number>();
  let norm = 0;
  for (const [token, tf] of countTokens(tokens)) {
    const type = typeWeights ? (typeWeights[token.slice(0, token.indexOf(':'))] ?? 1) : 1;
    const w = (1 + Math.log(tf)) * idfOf(token) * type;
    weights.set(token, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [token, w] of weights) weights.set(token, w / norm);
  return weights;
}

export function trainCategoryModel(
  categories: readonly CategoryRef[],
  examples: readonly TrainingExample[],
  options: CategoryModelOptions = DEFAULT_CATEGORY_MODEL_OPTIONS,
  now: Date = new Date(),
): CategoryModel {
  const index = new Map(categories.map((c, i) => [categoryKey(c.kind, c.code), i]));
  const usable = examples.filter((e) => index.has(e.key) && e.tokens.length > 0 && e.weight > 0);

  // Document frequencies (each document once, whatever its weight).
  const df = new Map<string, number>();
  for (const e of usable) for (const token of new Set(e.tokens)) df.set(token, (df.get(token) ?? 0) + 1);
  const n = usable.length;
  const idfMap = new Map<string, number>();
  for (const [token, d] of df) idfMap.set(token, options.idf ? Math.log((n + 1) / (d + 1)) + 1 : 1);
  const unseenIdf = options.idf ? Math.log(n + 1) + 1 : 1;
  const idfOf = (token: string) => idfMap.get(token) ?? unseenIdf;

  // Per class: token → summed normalised weight.
  const k = categories.length;
  const sums: Map<string, number>[] = Array.from({ length: k }, () => new Map());
  const mass = new Float64Array(k);
  for (const e of usable) {
    const c = index.get(e.key) as number;
    const sum = sums[c] as Map<string, number>;
    for (const [token, w] of weigh(e.tokens, idfOf, options.typeWeights)) {
      sum.set(token, (sum.get(token) ?? 0) + w * e.weight);
      mass[c] = (mass[c] ?? 0) + w * e.weight;
    }
  }

  const base = new Float64Array(k);
  const scale = new Float64Array(k);
  const postings = new Map<string, Posting[]>();
  const post = (token: string, classIndex: number, weight: number) => {
    const list = postings.get(token);
    if (list) list.push({ classIndex, weight });
    else postings.set(token, [{ classIndex, weight }]);
  };

  if (options.method === 'nb') {
    // log θ_ct = log(α + n_ct) − log(Σ_t n_ct + αV); unseen tokens of a class keep log α.
    const vocabulary = idfMap.size;
    const logAlpha = Math.log(options.alpha);
    for (let c = 0; c < k; c++) {
      // Uniform prior: the catalogue, not the sample mix, decides what is likely.
      base[c] = 0;
      scale[c] = logAlpha - Math.log((mass[c] ?? 0) + options.alpha * vocabulary);
      for (const [token, count] of sums[c] ?? []) post(token, c, Math.log(1 + count / options.alpha));
    }
  } else {
    if (options.refine && options.refine.rounds > 0) {
      const docs = usable.map((e) => ({
        c: index.get(e.key) as number,
        v: weigh(e.tokens, idfOf, options.typeWeights),
        w: e.weight,
      }));
      refineCentroids(
        sums,
        docs,
        options.refine,
        categories.map((c) => c.kind),
      );
    }
    for (let c = 0; c < k; c++) {
      const sum = sums[c] ?? new Map<string, number>();
      let norm = 0;
      for (const w of sum.values()) norm += w * w;
      norm = Math.sqrt(norm);
      if (norm === 0) continue;
      for (const [token, w] of sum) post(token, c, w / norm);
    }
  }
  const focus = options.focus && options.method === 'centroid' ? tokenFocus(postings, k) : undefined;
  return {
    options,
    categories,
    base,
    scale,
    postings,
    idf: idfMap,
    unseenIdf,
    ...(focus ? { focus } : {}),
    documents: n,
    trainedAt: now,
  };
}

/**
 * Error-driven refinement of the class sums (centroid only). Each training document is
 * scored against every centroid, its own without itself (leave-one-out, as if it were a
 * new report); when another class scores at least as high, its own class is pulled
 * towards it and that class pushed away from it, by `rate` of each class's length. With
 * few realistic reports per class the plain centroid lets words shared by neighbours
 * (人行道, 垃圾, 车) decide; this moves weight onto the words that tell them apart.
 */
function refineCentroids(
  sums: Map<string, number>[],
  docs: readonly { c: number; v: ReadonlyMap<string, number>; w: number }[],
  refine: { rounds: number; rate: number },
  kinds: readonly CategoryKind[],
): void {
  const k = sums.length;
  const sq = new Float64Array(k);
  for (let c = 0; c < k; c++) for (const w of sums[c]?.values() ?? []) sq[c] = (sq[c] ?? 0) + w * w;
  // Per document, the classes it shares a token with, in the order first met (ties go to
  // the first), and their dot products; a stamp marks the entries of the current document.
  const dots = new Float64Array(k);
  const stamp = new Int32Array(k).fill(-1);
  const met = new Int32Array(k);
  let visit = 0;
  let holders = new Map<string, Holders>();
  const move = (c: number, v: ReadonlyMap<string, number>, step: number, onlyHeld: boolean) => {
    const sum = sums[c] as Map<string, number>;
    const length = Math.sqrt(Math.max(sq[c] ?? 0, 1e-12));
    for (const [t, w] of v) {
      const before = sum.get(t);
      if (before === undefined && onlyHeld) continue;
      const after = Math.max(0, (before ?? 0) + step * length * w);
      sum.set(t, after);
      sq[c] = (sq[c] ?? 0) + after * after - (before ?? 0) * (before ?? 0);
      // A class that takes a token up mid-round is among its holders from the next round on.
      if (before !== undefined) setHeldWeight(holders.get(t), c, after);
    }
  };
  for (let round = 0; round < refine.rounds; round++) {
    holders = holdersOf(sums);
    let moved = 0;
    for (const d of docs) {
      const n = visit++;
      let count = 0;
      for (const [t, w] of d.v) {
        const held = holders.get(t);
        if (!held) continue;
        const { classes, weights } = held;
        for (let i = 0; i < classes.length; i++) {
          const c = classes[i] as number;
          if (stamp[c] !== n) {
            stamp[c] = n;
            dots[c] = 0;
            met[count++] = c;
          }
          dots[c] = (dots[c] as number) + w * (weights[i] as number);
        }
      }
      // Own class without this document: sum − w·d (d is a unit vector).
      const dot = stamp[d.c] === n ? (dots[d.c] as number) : 0;
      const ownSq = (sq[d.c] ?? 0) - 2 * d.w * dot + d.w * d.w;
      const own = ownSq > 1e-12 ? (dot - d.w) / Math.sqrt(ownSq) : 0;
      let rival = -1;
      let rivalScore = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < count; i++) {
        const c = met[i] as number;
        if (c === d.c || (sq[c] ?? 0) <= 0 || kinds[c] !== kinds[d.c]) continue;
        const score = (dots[c] as number) / Math.sqrt(sq[c] ?? 1);
        if (score > rivalScore) {
          rivalScore = score;
          rival = c;
        }
      }
      if (rival < 0 || own > rivalScore) continue;
      moved++;
      move(d.c, d.v, refine.rate * d.w, false);
      move(rival, d.v, -refine.rate * d.w, true);
    }
    if (moved === 0) break;
  }
}

/** The classes that hold a token (ascending) and their current weights for it, side by side. */
interface Holders {
  classes: Int32Array;
  weights: Float64Array;
}

/**
 * Each token's holders at the start of a round, as typed arrays: the refinement reads every
 * holder of every token of every document, which map lookups made the whole cost of training.
 */
function holdersOf(sums: readonly Map<string, number>[]): Map<string, Holders> {
  const lists = new Map<string, { classes: number[]; weights: number[] }>();
  for (let c = 0; c < sums.length; c++) {
    for (const [t, w] of sums[c] ?? []) {
      const list = lists.get(t);
      if (list) {
        list.classes.push(c);
        list.weights.push(w);
      } else lists.set(t, { classes: [c], weights: [w] });
    }
  }
  const holders = new Map<string, Holders>();
  for (const [t, { classes, weights }] of lists) {
    holders.set(t, { classes: Int32Array.from(classes), weights: Float64Array.from(weights) });
  }
  return holders;
}

/** Keeps a holder's weight in step with its class sum (binary search: classes ascend). */
function setHeldWeight(held: Holders | undefined, c: number, weight: number): void {
  if (!held) return;
  let lo = 0;
  let hi = held.classes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = held.classes[mid] as number;
    if (at === c) {
      held.weights[mid] = weight;
      return;
    }
    if (at < c) lo = mid + 1;
    else hi = mid - 1;
  }
}

/**
 * How much a token says which class a text is, 0–1: one minus the entropy of its weight
 * across the classes' centroids, over the largest possible (ln K). A word of one class
 * (井盖, 摆摊) keeps nearly all its weight; words that chatty reports use about anything
 * (晚上, 差点, 天天, 人行道) and that the samples therefore spread over many classes lose
 * much of it. Learnt from the training text, so no list of filler words has to be kept.
 */
export function tokenFocus(postings: ReadonlyMap<string, readonly Posting[]>, classes: number): Map<string, number> {
  const focus = new Map<string, number>();
  const maxEntropy = Math.log(Math.max(classes, 2));
  for (const [token, list] of postings) {
    let total = 0;
    for (const p of list) total += p.weight;
    let entropy = 0;
    if (total > 0) {
      for (const p of list) {
        const q = p.weight / total;
        if (q > 0) entropy -= q * Math.log(q);
      }
    }
    focus.set(token, Math.max(0, 1 - entropy / maxEntropy));
  }
  return focus;
}

/** Raw class scores of one token bag (higher is better); tokens unseen in training are ignored. */
export function rawScores(model: CategoryModel, tokens: readonly string[]): Float64Array {
  const known = tokens.filter((t) => model.postings.has(t));
  const focus = model.focus;
  const idfOf = (t: string) => (model.idf.get(t) ?? model.unseenIdf) * (focus?.get(t) ?? 1);
  const query = weigh(known, idfOf, model.options.typeWeights);
  let total = 0;
  for (const w of query.values()) total += w;
  const scores = new Float64Array(model.categories.length);
  for (let c = 0; c < scores.length; c++) scores[c] = (model.base[c] ?? 0) + (model.scale[c] ?? 0) * total;
  for (const [token, w] of query) {
    for (const p of model.postings.get(token) ?? []) scores[p.classIndex] = (scores[p.classIndex] ?? 0) + w * p.weight;
  }
  return scores;
}

export interface SuggestOptions {
  limit?: number;
  kind?: CategoryKind;
}

/** The best `limit` categories (default 3) with a 0–1 score (softmax over the kind asked for). */
export function suggestCategories(
  model: CategoryModel,
  tokens: readonly string[],
  options: SuggestOptions = {},
): CategorySuggestion[] {
  const limit = options.limit ?? 3;
  // No known token at all: every class would tie, so say nothing rather than guess.
  if (!tokens.some((t) => model.postings.has(t))) return [];
  const scores = rawScores(model, tokens);
  const candidates: number[] = [];
  for (let c = 0; c < model.categories.length; c++) {
    if (!options.kind || model.categories[c]?.kind === options.kind) candidates.push(c);
  }
  if (candidates.length === 0) return [];
  const t = model.options.temperature;
  let max = Number.NEGATIVE_INFINITY;
  for (const c of candidates) max = Math.max(max, (scores[c] ?? 0) / t);
  let sum = 0;
  const exp = new Map<number, number>();
  for (const c of candidates) {
    const e = Math.exp((scores[c] ?? 0) / t - max);
    exp.set(c, e);
    sum += e;
  }
  return candidates
    .sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0))
    .slice(0, limit)
    .map((c) => ({ category: model.categories[c] as CategoryRef, score: (exp.get(c) ?? 0) / sum }));
}
