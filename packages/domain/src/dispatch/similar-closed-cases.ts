/**
 * 派遣助手, similar closed cases: a closed case of the same category counts as similar
 * when it lies within `SIMILAR_RADIUS_M` or its description reads alike
 * (`textSimilarity` ≥ `SIMILAR_TEXT_MIN`). The closest matches by text and place come first.
 */
export const SIMILAR_RADIUS_M = 2_000;
export const SIMILAR_TEXT_MIN = 0.3;
/** Text counts more than place: the same problem elsewhere tells more than another problem next door. */
const TEXT_WEIGHT = 0.6;

export interface SimilarityFactors {
  distanceM: number;
  /** 0–1, cosine of the two descriptions' tokens. */
  text: number;
}

/** 0–1, or null when the case is neither near nor alike. */
export function similarityScore({ distanceM, text }: SimilarityFactors): number | null {
  if (distanceM > SIMILAR_RADIUS_M && text < SIMILAR_TEXT_MIN) return null;
  const nearness = Math.max(0, 1 - distanceM / SIMILAR_RADIUS_M);
  return TEXT_WEIGHT * text + (1 - TEXT_WEIGHT) * nearness;
}

/** The `limit` most similar, best first (ties: the most recently closed first). */
export function rankSimilar<T extends SimilarityFactors & { closedAt: Date | null }>(
  candidates: readonly T[],
  limit = 5,
): (T & { score: number })[] {
  const scored: (T & { score: number })[] = [];
  for (const candidate of candidates) {
    const score = similarityScore(candidate);
    if (score !== null) scored.push({ ...candidate, score: Math.round(score * 1000) / 1000 });
  }
  return scored
    .sort((a, b) => b.score - a.score || (b.closedAt?.getTime() ?? 0) - (a.closedAt?.getTime() ?? 0))
    .slice(0, limit);
}
