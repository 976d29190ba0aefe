import { describe, expect, it } from 'vitest';
import { rankSimilar, SIMILAR_RADIUS_M, similarityScore } from './similar-closed-cases';

const closedAt = new Date('2026-03-01T00:00:00Z');

describe('similar closed cases', () => {
  it('counts a case near or alike, and nothing else', () => {
    expect(similarityScore({ distanceM: 0, text: 0 })).toBeCloseTo(0.4);
    expect(similarityScore({ distanceM: SIMILAR_RADIUS_M + 1, text: 0.29 })).toBeNull();
    expect(similarityScore({ distanceM: 9_000, text: 0.5 })).toBeCloseTo(0.3);
    expect(similarityScore({ distanceM: 0, text: 1 })).toBeCloseTo(1);
  });

  it('ranks by text and place, the latest closed first on a tie, and keeps the top ones', () => {
    const ranked = rankSimilar(
      [
        { id: 1, distanceM: 1_500, text: 0.1, closedAt },
        { id: 2, distanceM: 100, text: 0.8, closedAt },
        { id: 3, distanceM: 50_000, text: 0.2, closedAt },
        { id: 4, distanceM: 100, text: 0.8, closedAt: new Date('2026-04-01T00:00:00Z') },
        { id: 5, distanceM: 10_000, text: 0.9, closedAt },
      ],
      3,
    );
    expect(ranked.map((r) => r.id)).toEqual([4, 2, 5]);
    expect(ranked[0]?.score).toBe(0.86);
  });
});
