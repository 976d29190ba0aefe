/**
 * 小类建议 as the intake form shows it, on top of the trained model (category-model.ts):
 * 1. event (事件) vs component (部件) first: the best match of each kind, a prior that
 *    favours events (most reports are events; realistic labelled reports are all events)
 *    and explicit component cues (a 17-digit 部件编码, the word 部件) give P(kind);
 * 2. within each kind, a softmax of the class scores with a temperature fitted by
 *    cross-validation on the sample reports (bench/intake), so a suggestion's confidence
 *    is close to how often such a suggestion is right;
 * 3. the acceptors' corrections (the category chosen instead of the top suggestion) pull
 *    the same or a similar text to the chosen category at once (`CorrectionMemory`);
 * 4. always the best three of the kind decided (P(kind) × P(category | kind) as their
 *    confidence), whatever their confidence: a component twin (电力立杆) of the event
 *    category (电力立杆异常) never takes an event's place.
 */
import { type CategoryKind, type CategoryModel, type CategoryRef, categoryKey, rawScores } from './category-model';
import { countTokens } from './text-features';

export interface SuggestionCalibration {
  /** Softmax temperature within a kind. */
  temperature: number;
  /** Log-odds of event over component before the text is read. */
  eventPriorLogit: number;
  /** Temperature of the best-event − best-component score margin. */
  kindTemperature: number;
  /** Log-odds added for component when a component cue is present. */
  componentCueLogit: number;
  /** Weight of the address and place words' own match, added to the description's (0–1). */
  placeWeight: number;
}

/** Fitted on the 750 sample reports by 5-fold cross-validation (bench/intake: lowest held-out log-loss). */
export const DEFAULT_CALIBRATION: SuggestionCalibration = {
  temperature: 0.03,
  // An assumption, not fitted (realistic labelled component reports are missing): one report in ten is a component.
  eventPriorLogit: Math.log(9),
  kindTemperature: 0.05,
  componentCueLogit: 6,
  // An assumption, not fitted: any weight 0–1 moved the cross-validated figures by under half a point
  // (the samples' place names are mostly unknown words); weak, so a place never outvotes the description.
  placeWeight: 0.3,
};

const COMPONENT_CUE = /(?:\d{17}|部件)/;

/** One correction: a text's unit vector and the category the acceptor chose instead. */
export interface Correction {
  key: string;
  vector: ReadonlyMap<string, number>;
}

export interface CorrectionMemory {
  corrections: Correction[];
  /** Token → (position in `corrections`, weight), so a suggestion only visits corrections sharing a token. */
  postings: Map<string, { at: number; weight: number }[]>;
  /** Position in `corrections` of the first entry still kept (older ones are forgotten). */
  first: number;
  /** How strongly a correction pulls (added to the class score × similarity). */
  strength: number;
  /** Corrections less similar than this to the text do not count. */
  minSimilarity: number;
  /** From this similarity on the text is the one corrected: its correction pulls with `sameTextStrength`. */
  sameTextSimilarity: number;
  sameTextStrength: number;
}

export function emptyCorrectionMemory(): CorrectionMemory {
  // Chosen on the generated dev split, replayed in report order (bench/intake): top-1 90.5 → 95.0 %.
  return {
    corrections: [],
    postings: new Map(),
    first: 0,
    strength: 0.3,
    minSimilarity: 0.4,
    sameTextSimilarity: 0.9,
    sameTextStrength: 1,
  };
}

/** At most this many corrections are kept (newest win), to bound the time per suggestion. */
export const MAX_CORRECTIONS = 5_000;

/** A token bag as a unit vector, weighted (1 + ln tf) × idf of the model. */
export function textVector(model: CategoryModel, tokens: readonly string[]): Map<string, number> {
  const v = new Map<string, number>();
  let norm = 0;
  for (const [token, tf] of countTokens(tokens)) {
    const w = (1 + Math.log(tf)) * (model.idf.get(token) ?? model.unseenIdf);
    v.set(token, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

const classIndexes = new WeakMap<CategoryModel, Map<string, number>>();
function classIndex(model: CategoryModel, key: string): number | undefined {
  let index = classIndexes.get(model);
  if (!index) {
    index = new Map(model.categories.map((c, i) => [categoryKey(c.kind, c.code), i]));
    classIndexes.set(model, index);
  }
  return index.get(key);
}

/** Remembers a correction (the newest MAX_CORRECTIONS are kept). */
export function rememberCorrection(
  memory: CorrectionMemory,
  model: CategoryModel,
  tokens: readonly string[],
  chosen: { kind: CategoryKind; code: string },
): void {
  if (tokens.length === 0) return;
  const vector = textVector(model, tokens);
  const at = memory.corrections.length;
  memory.corrections.push({ key: categoryKey(chosen.kind, chosen.code), vector });
  for (const [token, weight] of vector) {
    const list = memory.postings.get(token);
    if (list) list.push({ at, weight });
    else memory.postings.set(token, [{ at, weight }]);
  }
  // Forget the oldest beyond the cap (their postings are skipped, and compacted away now and then).
  memory.first = Math.max(memory.first, memory.corrections.length - MAX_CORRECTIONS);
  if (memory.first > MAX_CORRECTIONS) compact(memory);
}

function compact(memory: CorrectionMemory): void {
  const kept = memory.corrections.slice(memory.first);
  memory.corrections = [];
  memory.postings = new Map();
  memory.first = 0;
  for (const c of kept) {
    const at = memory.corrections.length;
    memory.corrections.push(c);
    for (const [token, weight] of c.vector) {
      const list = memory.postings.get(token);
      if (list) list.push({ at, weight });
      else memory.postings.set(token, [{ at, weight }]);
    }
  }
}

/**
 * Per category, the highest similarity of the text to a correction towards it (the
 * nearest correction counts, not how many there are: ten corrected look-alikes must not
 * outweigh the text itself).
 */
function correctionPull(memory: CorrectionMemory, query: ReadonlyMap<string, number>): Map<string, number> {
  const dots = new Map<number, number>();
  for (const [token, w] of query) {
    for (const p of memory.postings.get(token) ?? []) {
      if (p.at >= memory.first) dots.set(p.at, (dots.get(p.at) ?? 0) + w * p.weight);
    }
  }
  const pull = new Map<string, number>();
  for (const [at, similarity] of dots) {
    if (similarity < memory.minSimilarity) continue;
    const key = memory.corrections[at]?.key;
    if (key && similarity > (pull.get(key) ?? 0)) pull.set(key, similarity);
  }
  return pull;
}

export interface RankedCategory {
  category: CategoryRef;
  /** P(kind) × P(category | kind), 0–1. */
  confidence: number;
}

export interface SuggestInput {
  /** The description's tokens. */
  tokens: readonly string[];
  /** Tokens of the address / place (only words the model knows count). */
  placeTokens?: readonly string[] | undefined;
  /** Raw text, for the component cues. */
  text?: string | undefined;
  /** Restrict to one kind (the form's kind switch); otherwise decide the kind first. */
  kind?: CategoryKind | undefined;
}

/** Class probabilities: P(kind) × softmax within the kind. Empty when no token is known. */
export function categoryDistribution(
  model: CategoryModel,
  input: SuggestInput,
  memory: CorrectionMemory | null = null,
  calibration: SuggestionCalibration = DEFAULT_CALIBRATION,
): Float64Array | null {
  const placeWords = (input.placeTokens ?? []).filter((t) => t.startsWith('w:') && model.postings.has(t));
  const tokens = [...input.tokens, ...placeWords];
  if (!tokens.some((t) => model.postings.has(t))) return null;
  // Where the report is (公园, 市场, 公交站) hints at the category but must not decide it:
  // the places' words score as their own query, weighted down, on top of the description's.
  const scores = rawScores(model, input.tokens);
  if (placeWords.length > 0) {
    const place = rawScores(model, placeWords);
    for (let c = 0; c < scores.length; c++) scores[c] = (scores[c] ?? 0) + calibration.placeWeight * (place[c] ?? 0);
  }
  if (memory && memory.corrections.length > memory.first) {
    for (const [key, similarity] of correctionPull(memory, textVector(model, input.tokens))) {
      const c = classIndex(model, key);
      const strength = similarity >= memory.sameTextSimilarity ? memory.sameTextStrength : memory.strength;
      if (c !== undefined) scores[c] = (scores[c] ?? 0) + strength * similarity;
    }
  }
  const k = model.categories.length;
  const best: Record<CategoryKind, number> = { event: Number.NEGATIVE_INFINITY, component: Number.NEGATIVE_INFINITY };
  for (let c = 0; c < k; c++) {
    const kind = model.categories[c]?.kind as CategoryKind;
    best[kind] = Math.max(best[kind], scores[c] ?? 0);
  }
  let pEvent: number;
  if (input.kind) pEvent = input.kind === 'event' ? 1 : 0;
  else if (!Number.isFinite(best.component)) pEvent = 1;
  else if (!Number.isFinite(best.event)) pEvent = 0;
  else {
    const cue = input.text && COMPONENT_CUE.test(input.text) ? calibration.componentCueLogit : 0;
    const z = calibration.eventPriorLogit - cue + (best.event - best.component) / calibration.kindTemperature;
    pEvent = 1 / (1 + Math.exp(-z));
  }
  const sums: Record<CategoryKind, number> = { event: 0, component: 0 };
  const exp = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    const kind = model.categories[c]?.kind as CategoryKind;
    const e = Math.exp(((scores[c] ?? 0) - best[kind]) / calibration.temperature);
    exp[c] = e;
    sums[kind] += e;
  }
  const out = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    const kind = model.categories[c]?.kind as CategoryKind;
    const pKind = kind === 'event' ? pEvent : 1 - pEvent;
    out[c] = sums[kind] > 0 ? (pKind * (exp[c] ?? 0)) / sums[kind] : 0;
  }
  return out;
}

/** The kind with the larger total probability. */
export function decidedKind(model: CategoryModel, p: Float64Array): CategoryKind {
  let event = 0;
  for (let c = 0; c < p.length; c++) if (model.categories[c]?.kind === 'event') event += p[c] ?? 0;
  return event >= 0.5 ? 'event' : 'component';
}

/** The best `limit` categories (default 3) with calibrated confidences, best first. */
export function rankCategories(
  model: CategoryModel,
  input: SuggestInput,
  memory: CorrectionMemory | null = null,
  limit = 3,
  calibration: SuggestionCalibration = DEFAULT_CALIBRATION,
): RankedCategory[] {
  const p = categoryDistribution(model, input, memory, calibration);
  if (!p) return [];
  const kind = input.kind ?? decidedKind(model, p);
  const order = Array.from(p.keys())
    .filter((c) => model.categories[c]?.kind === kind)
    .sort((a, b) => (p[b] ?? 0) - (p[a] ?? 0))
    .slice(0, limit);
  return order.map((c) => ({ category: model.categories[c] as CategoryRef, confidence: p[c] ?? 0 }));
}
