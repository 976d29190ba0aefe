import { describe, expect, it } from 'vitest';
import {
  addMonths,
  comparisonMonths,
  DURATION_BUCKET_HOURS,
  durationBucket,
  lastDayOfMonth,
  percentileHours,
  risingTrends,
  shareWithinHours,
  spotCell,
  spotCellBox,
} from './analytics-rules';

const buckets = () => Array.from({ length: DURATION_BUCKET_HOURS.length + 1 }, () => 0);

describe('close durations', () => {
  it('buckets hours on the bounds, the last bucket open-ended', () => {
    expect(durationBucket(0.2)).toBe(0);
    expect(durationBucket(4)).toBe(2);
    expect(durationBucket(4.1)).toBe(3);
    expect(durationBucket(10_000)).toBe(DURATION_BUCKET_HOURS.length);
  });

  it('reads P50 / P90 and the 4 h / 24 h shares from the histogram', () => {
    const counts = buckets();
    counts[2] = 5; // 2–4 h
    counts[5] = 4; // 12–24 h
    counts[6] = 1; // 24–48 h
    expect(percentileHours(counts, 0.5)).toBe(4);
    expect(percentileHours(counts, 0.9)).toBe(24);
    expect(shareWithinHours(counts, 4)).toBe(50);
    expect(shareWithinHours(counts, 24)).toBe(90);
    expect(percentileHours(buckets(), 0.5)).toBeNull();
  });
});

describe('repeat points', () => {
  it('puts points a few metres apart on one 50 m cell, and a point 200 m away on another', () => {
    expect(spotCell(120.15501, 30.27501)).toBe(spotCell(120.15502, 30.27502));
    expect(spotCell(120.155, 30.275)).not.toBe(spotCell(120.155, 30.2768));
    const [west, south, east, north] = spotCellBox(spotCell(120.155, 30.275));
    expect(120.155).toBeGreaterThanOrEqual(west);
    expect(120.155).toBeLessThan(east);
    expect(30.275).toBeGreaterThanOrEqual(south);
    expect(30.275).toBeLessThan(north);
  });
});

describe('rising-trend warnings', () => {
  const rules = { momPercent: 30, yoyPercent: 50, minCases: 10 };
  it('warns on 环比 and 同比 past their thresholds, ignoring small numbers', () => {
    const warnings = risingTrends(
      [
        { key: 'a', name: '暴露垃圾', current: 40, previous: 20, lastYear: 35 },
        { key: 'b', name: '占道经营', current: 30, previous: 28, lastYear: 10 },
        { key: 'c', name: '井盖缺失', current: 5, previous: 1, lastYear: 1 },
        { key: 'd', name: '乱贴广告', current: 20, previous: 19, lastYear: 18 },
      ],
      rules,
    );
    expect(warnings.map((w) => [w.name, w.reasons])).toEqual([
      ['占道经营', ['同比']],
      ['暴露垃圾', ['环比']],
    ]);
    expect(warnings[1]?.mom).toBe(100);
  });

  it('counts a new problem (nothing before) as rising', () => {
    const [warning] = risingTrends([{ key: 'n', name: '新问题', current: 12, previous: 0, lastYear: 0 }], rules);
    expect(warning?.reasons).toEqual(['环比', '同比']);
    expect(warning?.mom).toBeNull();
  });
});

describe('periods', () => {
  it('compares months with as many months before and the same months a year earlier', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(comparisonMonths('2026-01', '2026-03')).toEqual({
      previous: ['2025-10', '2025-12'],
      lastYear: ['2025-01', '2025-03'],
    });
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29');
  });
});
