import { describe, expect, it } from 'vitest';
import { analyticsInputFromSearch, searchOfAnalyticsInput } from './analytics-input';

describe('the analysis in the URL', () => {
  it('defaults to the last three months and the default thresholds', () => {
    const input = analyticsInputFromSearch(new URLSearchParams(), '2026-02');
    expect(input.scope).toEqual({ from: '2025-12', to: '2026-02' });
    expect(input.trend).toEqual({ momPercent: 30, yoyPercent: 30, minCases: 10 });
    expect(input.repeat).toEqual({ metres: 50, minCases: 3 });
  });

  it('reads and writes area, months and thresholds, ignoring nonsense', () => {
    const input = analyticsInputFromSearch(
      new URLSearchParams('area=330102&from=2026-01&to=2026-03&mom=50&rmin=5&tmin=abc'),
      '2026-12',
    );
    expect(input.scope).toEqual({ area: '330102', from: '2026-01', to: '2026-03' });
    expect(input.trend?.momPercent).toBe(50);
    expect(input.trend?.minCases).toBe(10);
    expect(searchOfAnalyticsInput(input).toString()).toBe('area=330102&from=2026-01&to=2026-03&mom=50&rmin=5');
  });
});
