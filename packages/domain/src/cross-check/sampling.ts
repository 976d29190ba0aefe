import { seededRandom } from '../seeded-random';

/**
 * 交叉抽查 sampling: a pure, seeded draw of a month's closed cases of one county,
 * stratified by category and source so every kind of work is checked in proportion.
 * The same candidates, size and seed always give the same sample (the plan stores the
 * seed, so anyone can draw it again and compare).
 */

/** A text seed (e.g. "2026-12-linjiang-1") as a 32-bit number (FNV-1a). */
export function seedNumber(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export interface SampleCandidate {
  id: number;
  /** 大类 (major category) code. */
  category: string;
  source: string;
}

export const stratumOf = (c: Pick<SampleCandidate, 'category' | 'source'>) => `${c.category}|${c.source}`;

/**
 * Splits `total` over strata in proportion to their sizes by the largest-remainder
 * method (Hamilton): each stratum gets the floor of its quota, the seats left go to the
 * largest remainders (ties: the larger stratum, then the key), and no stratum gets more
 * than it has. Every stratum's share is therefore within one case of its exact quota.
 */
export function allocateStrata(strata: readonly { key: string; size: number }[], total: number): Map<string, number> {
  const population = strata.reduce((sum, s) => sum + s.size, 0);
  const n = Math.max(0, Math.min(Math.floor(total), population));
  const out = new Map<string, number>();
  if (population === 0) return out;
  const quotas = strata.map((s) => {
    const exact = (s.size * n) / population;
    return { key: s.key, size: s.size, seats: Math.floor(exact), remainder: exact - Math.floor(exact) };
  });
  let left = n - quotas.reduce((sum, q) => sum + q.seats, 0);
  const order = [...quotas].sort(
    (a, b) => b.remainder - a.remainder || b.size - a.size || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  for (const q of order) {
    if (left <= 0) break;
    if (q.seats < q.size) {
      q.seats += 1;
      left -= 1;
    }
  }
  for (const q of quotas) out.set(q.key, q.seats);
  return out;
}

/** The sample size of a plan: a fixed number of cases, or a share (0–1] of the population rounded half up, at least 1. */
export function sampleSizeOf(
  plan: { mode: 'count'; count: number } | { mode: 'share'; share: number },
  population: number,
) {
  if (population === 0) return 0;
  const wanted = plan.mode === 'count' ? plan.count : Math.max(1, Math.round(plan.share * population));
  return Math.min(wanted, population);
}

export interface DrawnCase {
  id: number;
  stratum: string;
}

/**
 * Draws `size` cases: strata allocated by largest remainder, then within each stratum a
 * seeded Fisher–Yates shuffle of the ids in ascending order (so the input order does not
 * matter). Strata are visited in key order, each with its own generator derived from the
 * seed, so one stratum's draw does not depend on the others.
 */
export function drawSample(candidates: readonly SampleCandidate[], size: number, seed: string): DrawnCase[] {
  const byStratum = new Map<string, number[]>();
  for (const c of candidates) {
    const key = stratumOf(c);
    const ids = byStratum.get(key) ?? [];
    ids.push(c.id);
    byStratum.set(key, ids);
  }
  const keys = [...byStratum.keys()].sort();
  const allocation = allocateStrata(
    keys.map((key) => ({ key, size: byStratum.get(key)?.length ?? 0 })),
    size,
  );
  const out: DrawnCase[] = [];
  for (const key of keys) {
    const ids = [...new Set(byStratum.get(key) ?? [])].sort((a, b) => a - b);
    const take = allocation.get(key) ?? 0;
    const random = seededRandom(seedNumber(`${seed}#${key}`));
    for (let i = 0; i < take; i++) {
      const j = i + Math.floor(random() * (ids.length - i));
      const picked = ids[j] as number;
      ids[j] = ids[i] as number;
      ids[i] = picked;
      out.push({ id: picked, stratum: key });
    }
  }
  return out;
}
