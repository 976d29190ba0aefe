/**
 * 智能判重: how likely a new report describes the same problem as an existing case.
 * Pure: the caller finds the candidates (open or recent cases near the new report)
 * and hands in both sides' token bags (see text-features.ts).
 *
 * Four factors, each 0–1:
 * - category: 1 for the same category, a partial credit for the same major class
 *   (acceptors file the same problem under neighbouring categories), 0 otherwise;
 * - distance: 1 / (1 + (d / distanceHalfM)²), so 0.5 at `distanceHalfM`;
 * - time: 1 / (1 + (Δt / timeHalfHours)²), 0.5 at `timeHalfHours`;
 * - text: TF-IDF cosine of the two token bags.
 * A logistic combination (distance and time as logarithms, see `scoreFactors`) turns
 * them into a probability; `decide` compares it with the
 * thresholds: at or above `merge` → 'merge' (auto-merge candidate), at or above
 * `review` → 'review' (shift lead confirms), else 'ignore'.
 */
import type { CategoryKind } from './category-model';
import { countTokens } from './text-features';

export interface DuplicateReport {
  kind: CategoryKind;
  categoryCode: string;
  lng: number;
  lat: number;
  at: Date;
  tokens: readonly string[];
}

export interface DuplicateWeights {
  bias: number;
  category: number;
  distance: number;
  time: number;
  text: number;
}

export interface DuplicateThresholds {
  /** Probability at or above which a candidate is a duplicate to merge (自动并案). */
  merge: number;
  /** Probability at or above which a candidate goes to the shift lead (人工判重). */
  review: number;
  /** Candidates are searched within this radius of the new report… */
  searchRadiusM: number;
  /** …among open cases and cases reported within this many days of it. */
  windowDays: number;
  distanceHalfM: number;
  timeHalfHours: number;
  /** Category factor for a different category of the same kind and major class. */
  sameMajorCredit: number;
  weights: DuplicateWeights;
}

export type DuplicateDecision = 'merge' | 'review' | 'ignore';

export interface DuplicateFactors {
  /** 0–1 factors that enter the score. */
  category: number;
  distance: number;
  time: number;
  text: number;
  /** What they were computed from. */
  distanceM: number;
  minutesApart: number;
  sameCategory: boolean;
  sameMajor: boolean;
}

export interface DuplicateScore {
  score: number;
  factors: DuplicateFactors;
}

/**
 * Shipped defaults, fitted on the generated development split only (`bench/intake/
 * fit-duplicates.ts`; the reported test split is never read): factor shapes from a small
 * grid, weights by logistic regression, `merge` the lowest threshold with auto-merge
 * precision ≥ 97 % on that split, `review` the lowest (≥ 0.3) at which at least 30 % of
 * flagged pairs are true duplicates. Cities tune them (admin editing comes later).
 */
export const DEFAULT_DUPLICATE_THRESHOLDS: DuplicateThresholds = {
  merge: 0.84,
  review: 0.3,
  searchRadiusM: 500,
  windowDays: 7,
  distanceHalfM: 90,
  timeHalfHours: 6,
  sameMajorCredit: 0.3,
  weights: { bias: -3.1, category: 7.13, distance: 4.36, time: 2.02, text: 1.94 },
};

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres. */
export function haversineM(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The lng/lat box holding every point within `radiusM` of a point (for an indexed range query). */
export function boundingBox(lng: number, lat: number, radiusM: number) {
  const dLat = (radiusM / EARTH_RADIUS_M) * (180 / Math.PI);
  const dLng = dLat / Math.max(0.01, Math.cos((lat * Math.PI) / 180));
  return { minLng: lng - dLng, maxLng: lng + dLng, minLat: lat - dLat, maxLat: lat + dLat };
}

/**
 * Cosine of two token bags, each token weighted (1 + ln tf) × idf. Without an `idf`
 * every token weighs the same.
 */
export function textSimilarity(a: readonly string[], b: readonly string[], idf?: (token: string) => number): number {
  const weigh = (tokens: readonly string[]) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [token, tf] of countTokens(tokens)) {
      const w = (1 + Math.log(tf)) * (idf ? idf(token) : 1);
      v.set(token, w);
      norm += w * w;
    }
    return { v, norm: Math.sqrt(norm) };
  };
  const x = weigh(a);
  const y = weigh(b);
  if (x.norm === 0 || y.norm === 0) return 0;
  let dot = 0;
  const [small, large] = x.v.size <= y.v.size ? [x.v, y.v] : [y.v, x.v];
  for (const [token, w] of small) dot += w * (large.get(token) ?? 0);
  return Math.min(1, dot / (x.norm * y.norm));
}

const majorOf = (code: string) => code.slice(0, 2);

function logistic(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** The 0–1 factors of a pair; `idf` weights the text similarity. */
export function duplicateFactors(
  report: DuplicateReport,
  candidate: DuplicateReport,
  thresholds: DuplicateThresholds = DEFAULT_DUPLICATE_THRESHOLDS,
  idf?: (token: string) => number,
): DuplicateFactors {
  const sameKind = report.kind === candidate.kind;
  const sameCategory = sameKind && report.categoryCode === candidate.categoryCode;
  const sameMajor = sameKind && majorOf(report.categoryCode) === majorOf(candidate.categoryCode);
  const distanceM = haversineM(report.lng, report.lat, candidate.lng, candidate.lat);
  const minutesApart = Math.abs(report.at.getTime() - candidate.at.getTime()) / 60_000;
  return {
    category: sameCategory ? 1 : sameMajor ? thresholds.sameMajorCredit : 0,
    distance: 1 / (1 + (distanceM / thresholds.distanceHalfM) ** 2),
    time: 1 / (1 + (minutesApart / 60 / thresholds.timeHalfHours) ** 2),
    text: textSimilarity(report.tokens, candidate.tokens, idf),
    distanceM,
    minutesApart,
    sameCategory,
    sameMajor,
  };
}

/**
 * The duplicate probability of given factors: distance and time enter as logarithms, so
 * the odds are multiplied by distance^w and time^w — far away or long ago cannot be
 * made up for by a matching text or category (an AND, where a plain sum would be an OR).
 */
export function scoreFactors(factors: DuplicateFactors, weights: DuplicateWeights): number {
  return logistic(
    weights.bias +
      weights.category * factors.category +
      weights.distance * Math.log(Math.max(1e-9, factors.distance)) +
      weights.time * Math.log(Math.max(1e-9, factors.time)) +
      weights.text * factors.text,
  );
}

/** Probability that `candidate` is the same problem as `report`, with the per-factor breakdown. */
export function scoreDuplicate(
  report: DuplicateReport,
  candidate: DuplicateReport,
  thresholds: DuplicateThresholds = DEFAULT_DUPLICATE_THRESHOLDS,
  idf?: (token: string) => number,
): DuplicateScore {
  const factors = duplicateFactors(report, candidate, thresholds, idf);
  return { score: scoreFactors(factors, thresholds.weights), factors };
}

/**
 * The highest score a candidate with this category factor can reach (same spot, same
 * instant, identical text). Below `review` such candidates can never be flagged, so the
 * search may leave them out (e.g. other major classes with the shipped weights).
 */
export function bestScoreFor(
  categoryFactor: number,
  thresholds: DuplicateThresholds = DEFAULT_DUPLICATE_THRESHOLDS,
): number {
  const w = thresholds.weights;
  return logistic(w.bias + w.category * categoryFactor + Math.max(0, w.text));
}

export function decide(
  score: number,
  thresholds: Pick<DuplicateThresholds, 'merge' | 'review'> = DEFAULT_DUPLICATE_THRESHOLDS,
): DuplicateDecision {
  if (score >= thresholds.merge) return 'merge';
  if (score >= thresholds.review) return 'review';
  return 'ignore';
}
