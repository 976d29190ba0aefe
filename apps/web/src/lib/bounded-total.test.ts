import { describe, expect, it } from 'vitest';
import { formatBoundedTotal, pagerTotal } from './bounded-total';

const rows = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('formatBoundedTotal', () => {
  it('reads a count past the bound as 10,000+', () => {
    expect(formatBoundedTotal(10_000, true)).toBe('10,000+');
  });

  it('reads an exact count as it is, grouped by thousands', () => {
    expect(formatBoundedTotal(10_000, false)).toBe('10,000');
    expect(formatBoundedTotal(2_873, false)).toBe('2,873');
    expect(formatBoundedTotal(0, false)).toBe('0');
  });
});

describe('pagerTotal', () => {
  it('gives an exact total as it is', () => {
    expect(pagerTotal({ total: 57, more: false, rows: rows(17) }, 3, 20)).toBe(57);
  });

  it('keeps a next page open past the 10,000 counted', () => {
    expect(pagerTotal({ total: 10_000, more: true, rows: rows(20) }, 1, 20)).toBe(10_020);
    expect(pagerTotal({ total: 10_000, more: true, rows: rows(20) }, 501, 20)).toBe(10_040);
  });

  it('ends the pager at a short page', () => {
    expect(pagerTotal({ total: 10_000, more: true, rows: rows(7) }, 503, 20)).toBe(10_047);
  });
});
