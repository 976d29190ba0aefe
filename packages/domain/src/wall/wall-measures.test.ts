import { describe, expect, it } from 'vitest';
import { emptyWallCounts, measuresOfEvent, percentOf, rankingLevelOf, wallRates } from './wall-measures';

describe('wall measures', () => {
  it('counts each chain step once and a timely close twice (结案 and 按期结案)', () => {
    expect(measuresOfEvent('report', false)).toEqual(['reported']);
    expect(measuresOfEvent('autoDispatch', false)).toEqual(['dispatched']);
    expect(measuresOfEvent('close', false)).toEqual(['closed', 'closed_on_time']);
    expect(measuresOfEvent('quickClose', true)).toEqual(['closed']);
    expect(measuresOfEvent('remark', false)).toEqual([]);
  });

  it('gives rates in percent, and none when nothing was filed', () => {
    const counts = { ...emptyWallCounts(), filed: 3, closed: 2, closed_on_time: 1, dispatched: 4, handled: 3 };
    expect(wallRates(counts)).toEqual({ closeRate: 66.7, onTimeCloseRate: 50, handleRate: 75 });
    expect(wallRates(emptyWallCounts())).toEqual({ closeRate: null, onTimeCloseRate: null, handleRate: null });
    // Closing older cases can exceed today's filings: the rate stops at 100.
    expect(percentOf(5, 2)).toBe(100);
  });

  it('ranks the level below the wall', () => {
    expect(rankingLevelOf('city')).toBe('district');
    expect(rankingLevelOf('district')).toBe('street');
    expect(rankingLevelOf('street')).toBeNull();
  });
});
