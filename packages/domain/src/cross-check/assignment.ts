import { seededRandom } from '../seeded-random';
import { seedNumber } from './sampling';

export interface Reviewer {
  id: number;
  /** The county (区县) the supervisor belongs to. */
  districtId: number;
}

/**
 * Hands each sampled case to a supervisor of ANOTHER county (交叉: nobody checks their own
 * county's work), spreading the load: each case goes to the eligible supervisor with the
 * fewest cases so far, ties broken by a seeded order so the assignment is reproducible.
 * Returns null when some case has no eligible supervisor.
 */
export function assignReviewers(
  cases: readonly { id: number; districtId: number }[],
  reviewers: readonly Reviewer[],
  seed: string,
): Map<number, Reviewer> | null {
  const random = seededRandom(seedNumber(`${seed}#reviewers`));
  const order = [...reviewers].sort((a, b) => a.id - b.id).map((r) => ({ reviewer: r, tiebreak: random(), load: 0 }));
  const out = new Map<number, Reviewer>();
  for (const c of [...cases].sort((a, b) => a.id - b.id)) {
    const eligible = order.filter((o) => o.reviewer.districtId !== c.districtId);
    if (eligible.length === 0) return null;
    eligible.sort((a, b) => a.load - b.load || a.tiebreak - b.tiebreak);
    const chosen = eligible[0];
    if (!chosen) return null;
    chosen.load += 1;
    out.set(c.id, chosen.reviewer);
  }
  return out;
}
