import { CASE_MARKS, CROSS_CHECK_VERDICTS } from '@citygov/domain/cross-check/reasons';
import { chinaDate } from '@citygov/domain/deadlines/china-time';

export const VERDICT_COLOURS = { qualified: 'green', unqualified: 'red' } as const;
export const MARK_COLOURS = { typical: 'blue', error: 'volcano' } as const;

export function verdictLabel(verdict: keyof typeof CROSS_CHECK_VERDICTS | null): string {
  return verdict ? CROSS_CHECK_VERDICTS[verdict] : '待评审';
}

export function markLabel(mark: keyof typeof CASE_MARKS | null): string {
  return mark ? CASE_MARKS[mark] : '';
}

/** This month and the eleven before it, 'YYYY-MM', newest first (China local time). */
export function recentMonths(now = new Date(), count = 12): string[] {
  const [year, month] = chinaDate(now).split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (month - 1) - i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

export const formatRate = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
