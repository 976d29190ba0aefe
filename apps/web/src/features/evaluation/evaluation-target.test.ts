import { describe, expect, it } from 'vitest';
import { searchOfTarget, targetFromSearch } from './evaluation-target';

const now = new Date('2026-12-03T10:00:00Z');

describe('the evaluation in the address', () => {
  it('defaults to this month (China time) of districts', () => {
    expect(targetFromSearch(new URLSearchParams(), now)).toEqual({
      period: { kind: 'month', year: 2026, month: 12 },
      subjectKind: 'area',
      areaLevel: 'district',
    });
  });
  it('round-trips every period kind', () => {
    for (const target of [
      {
        period: { kind: 'quarter' as const, year: 2026, quarter: 3 },
        subjectKind: 'department' as const,
        areaLevel: 'district' as const,
      },
      { period: { kind: 'year' as const, year: 2025 }, subjectKind: 'area' as const, areaLevel: 'street' as const },
      {
        period: { kind: 'custom' as const, from: '2026-11-03', to: '2026-11-20' },
        subjectKind: 'collector' as const,
        areaLevel: 'district' as const,
      },
    ]) {
      expect(targetFromSearch(searchOfTarget(target), now)).toEqual(target);
    }
  });
  it('ignores what it does not know', () => {
    expect(targetFromSearch(new URLSearchParams('subject=boss&level=planet&month=13'), now)).toEqual({
      period: { kind: 'month', year: 2026, month: 12 },
      subjectKind: 'area',
      areaLevel: 'district',
    });
  });
});
