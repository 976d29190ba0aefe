import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random';
import { assignReviewers } from './assignment';
import { reasonListProblem } from './reasons';
import { allocateStrata, drawSample, type SampleCandidate, sampleSizeOf, stratumOf } from './sampling';

/** A county's month: 5 categories × 3 sources, uneven strata (some of one case). */
function month(seed: number, n: number): SampleCandidate[] {
  const random = seededRandom(seed);
  const categories = ['01', '02', '06', '08', '14'];
  const sources = ['collector', 'public', 'hotline'];
  return Array.from({ length: n }, (_, i) => ({
    id: 1000 + i * 7,
    // Skewed: most cases are 06 by collectors, as in a real month.
    category: random() < 0.5 ? '06' : (categories[Math.floor(random() * categories.length)] ?? '01'),
    source: random() < 0.6 ? 'collector' : (sources[Math.floor(random() * sources.length)] ?? 'public'),
  }));
}

describe('cross-check sampling', () => {
  it('draws the same sample from the same seed, whatever the order of the candidates', () => {
    const cases = month(1, 400);
    const a = drawSample(cases, 30, '2026-12|linjiang|1');
    const b = drawSample([...cases].reverse(), 30, '2026-12|linjiang|1');
    expect(b).toEqual(a);
    expect(a).toHaveLength(30);
    expect(new Set(a.map((s) => s.id)).size).toBe(30);
    // Another seed draws another sample of the same size and strata.
    const c = drawSample(cases, 30, '2026-12|linjiang|2');
    expect(c.map((s) => s.id)).not.toEqual(a.map((s) => s.id));
    expect(c.map((s) => s.stratum).sort()).toEqual(a.map((s) => s.stratum).sort());
  });

  it('holds each stratum within one case of its proportional share', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const cases = month(seed, 20 + seed * 13);
      const size = 1 + ((seed * 37) % cases.length);
      const sample = drawSample(cases, size, `s${seed}`);
      expect(sample).toHaveLength(size);
      const population = new Map<string, number>();
      for (const c of cases) population.set(stratumOf(c), (population.get(stratumOf(c)) ?? 0) + 1);
      const drawn = new Map<string, number>();
      for (const s of sample) drawn.set(s.stratum, (drawn.get(s.stratum) ?? 0) + 1);
      for (const [key, count] of population) {
        const exact = (count * size) / cases.length;
        expect(Math.abs((drawn.get(key) ?? 0) - exact), `${key} seed ${seed}`).toBeLessThan(1);
      }
      // Every drawn case is a candidate of the stratum it is listed under.
      const byId = new Map(cases.map((c) => [c.id, stratumOf(c)]));
      for (const s of sample) expect(byId.get(s.id)).toBe(s.stratum);
    }
  });

  it('allocates by largest remainder, worked out by hand', () => {
    // 10 seats over 50/30/20 of 100: quotas 5, 3, 2 exactly.
    expect(
      Object.fromEntries(
        allocateStrata(
          [
            { key: 'a', size: 50 },
            { key: 'b', size: 30 },
            { key: 'c', size: 20 },
          ],
          10,
        ),
      ),
    ).toEqual({ a: 5, b: 3, c: 2 });
    // 4 seats over 5/3/2 of 10: quotas 2.0, 1.2, 0.8 → floors 2, 1, 0; one seat left to c (0.8).
    expect(
      Object.fromEntries(
        allocateStrata(
          [
            { key: 'a', size: 5 },
            { key: 'b', size: 3 },
            { key: 'c', size: 2 },
          ],
          4,
        ),
      ),
    ).toEqual({ a: 2, b: 1, c: 1 });
    // More seats than cases: everyone, no more.
    expect(Object.fromEntries(allocateStrata([{ key: 'a', size: 2 }], 9))).toEqual({ a: 2 });
  });

  it('sizes a plan by count or by share', () => {
    expect(sampleSizeOf({ mode: 'count', count: 20 }, 300)).toBe(20);
    expect(sampleSizeOf({ mode: 'count', count: 20 }, 12)).toBe(12);
    expect(sampleSizeOf({ mode: 'share', share: 0.05 }, 310)).toBe(16);
    expect(sampleSizeOf({ mode: 'share', share: 0.01 }, 30)).toBe(1);
    expect(sampleSizeOf({ mode: 'share', share: 0.5 }, 0)).toBe(0);
  });
});

describe('cross-check assignment', () => {
  const reviewers = [
    { id: 11, districtId: 1 },
    { id: 12, districtId: 2 },
    { id: 13, districtId: 3 },
    { id: 14, districtId: 4 },
  ];

  it('never gives a supervisor a case of their own county, and spreads the load', () => {
    for (let district = 1; district <= 4; district++) {
      const cases = Array.from({ length: 31 }, (_, i) => ({ id: district * 1000 + i, districtId: district }));
      const assigned = assignReviewers(cases, reviewers, `2026-12|${district}`);
      expect(assigned).not.toBeNull();
      const loads = new Map<number, number>();
      for (const c of cases) {
        const reviewer = assigned?.get(c.id);
        expect(reviewer, `case ${c.id}`).toBeDefined();
        expect(reviewer?.districtId).not.toBe(c.districtId);
        loads.set(reviewer?.id ?? 0, (loads.get(reviewer?.id ?? 0) ?? 0) + 1);
      }
      // 31 cases over the 3 other counties' supervisors: 11, 10, 10.
      expect([...loads.values()].sort()).toEqual([10, 10, 11]);
      expect(loads.has(10 + district)).toBe(false);
      // Reproducible.
      expect(assignReviewers(cases, reviewers, `2026-12|${district}`)).toEqual(assigned);
    }
  });

  it('mixed counties in one batch still go to other counties', () => {
    const cases = Array.from({ length: 40 }, (_, i) => ({ id: i, districtId: 1 + (i % 4) }));
    const assigned = assignReviewers(cases, reviewers, 'mixed');
    for (const c of cases) expect(assigned?.get(c.id)?.districtId).not.toBe(c.districtId);
  });

  it('finds nobody when the only supervisors are of the county itself', () => {
    expect(assignReviewers([{ id: 1, districtId: 1 }], [{ id: 11, districtId: 1 }], 'x')).toBeNull();
    expect(assignReviewers([{ id: 1, districtId: 1 }], [], 'x')).toBeNull();
  });
});

describe('reason codes', () => {
  it('refuses an empty list, bad or repeated codes and names', () => {
    expect(reasonListProblem([])).toBe('至少保留一个不合格原因');
    expect(reasonListProblem([{ code: 'Bad Code', label: '甲' }])).toBe(
      '原因代码「Bad Code」须为小写字母、数字或下划线',
    );
    expect(
      reasonListProblem([
        { code: 'a1', label: '甲' },
        { code: 'a1', label: '乙' },
      ]),
    ).toBe('原因代码「a1」重复');
    expect(reasonListProblem([{ code: 'ok_code', label: '位置不符' }])).toBeNull();
  });
});
