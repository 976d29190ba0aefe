import { describe, expect, it } from 'vitest';
import { LEADER_CASES_MAX, LEADER_CASES_PAGE, leaderCaseFilterOf, leaderCasesShown } from './leader-cards';

describe('leaderCasesShown', () => {
  it('starts at one page for a missing or bad count', () => {
    for (const n of [0, Number.NaN, -60, 1, LEADER_CASES_PAGE]) expect(leaderCasesShown(n)).toBe(LEADER_CASES_PAGE);
  });

  it('keeps a grown list at whole pages', () => {
    expect(leaderCasesShown(2 * LEADER_CASES_PAGE)).toBe(2 * LEADER_CASES_PAGE);
    expect(leaderCasesShown(2 * LEADER_CASES_PAGE + 1)).toBe(3 * LEADER_CASES_PAGE);
  });

  it('never lists more than the limit, however the address was edited', () => {
    expect(leaderCasesShown(10_000)).toBe(LEADER_CASES_MAX);
    expect(leaderCasesShown(Number.POSITIVE_INFINITY)).toBe(LEADER_CASES_PAGE);
  });
});

describe('leaderCaseFilterOf', () => {
  it('reads a known filter and falls back to 超期 for anything else', () => {
    expect(leaderCaseFilterOf('supervised')).toBe('supervised');
    expect(leaderCaseFilterOf('open')).toBe('open');
    expect(leaderCaseFilterOf(null)).toBe('overdue');
    expect(leaderCaseFilterOf('closed')).toBe('overdue');
  });
});
