import { dateToDayNumber, dayNumberToDate, dayStartMs } from '../deadlines/china-time';

/**
 * Evaluation periods (考核周期): a month, a quarter, a year or a custom range of China
 * local days. A period is a half-open range of instants [start, end) so a case reported
 * at 00:00 on the first day of the next period belongs to the next one.
 */
export const PERIOD_KINDS = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const PERIOD_KIND_NAMES: Record<PeriodKind, string> = {
  month: '月度',
  quarter: '季度',
  year: '年度',
  custom: '自定义',
};

export type PeriodInput =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; quarter: number }
  | { kind: 'year'; year: number }
  | { kind: 'custom'; from: string; to: string };

export interface Period {
  /** Stable key, the same for the same period: '2026-11', '2026-Q4', '2026', '2026-11-03~2026-11-20'. */
  key: string;
  label: string;
  /** First and last China local day, inclusive. */
  from: string;
  to: string;
  start: Date;
  end: Date;
}

const pad = (n: number) => String(n).padStart(2, '0');

function monthDays(year: number, firstMonth: number, months: number): { from: string; to: string } {
  const from = `${year}-${pad(firstMonth)}-01`;
  const nextYear = firstMonth + months > 12 ? year + 1 : year;
  const nextMonth = ((firstMonth + months - 1) % 12) + 1;
  const to = dayNumberToDate(dateToDayNumber(`${nextYear}-${pad(nextMonth)}-01`) - 1);
  return { from, to };
}

/** The days and instants of a period; throws RangeError for a month, quarter or range that does not exist. */
export function periodOf(input: PeriodInput): Period {
  let days: { from: string; to: string };
  let key: string;
  let label: string;
  switch (input.kind) {
    case 'month':
      if (input.month < 1 || input.month > 12) throw new RangeError('month out of range');
      days = monthDays(input.year, input.month, 1);
      key = `${input.year}-${pad(input.month)}`;
      label = `${input.year}年${input.month}月`;
      break;
    case 'quarter':
      if (input.quarter < 1 || input.quarter > 4) throw new RangeError('quarter out of range');
      days = monthDays(input.year, input.quarter * 3 - 2, 3);
      key = `${input.year}-Q${input.quarter}`;
      label = `${input.year}年第${input.quarter}季度`;
      break;
    case 'year':
      days = monthDays(input.year, 1, 12);
      key = String(input.year);
      label = `${input.year}年`;
      break;
    case 'custom':
      if (dateToDayNumber(input.from) > dateToDayNumber(input.to)) throw new RangeError('from after to');
      days = { from: input.from, to: input.to };
      key = `${input.from}~${input.to}`;
      label = `${input.from} 至 ${input.to}`;
      break;
  }
  return {
    key,
    label,
    ...days,
    start: new Date(dayStartMs(dateToDayNumber(days.from))),
    end: new Date(dayStartMs(dateToDayNumber(days.to) + 1)),
  };
}

/** The periods before this one, oldest first, for trends (same kind; custom ranges have no trend). */
export function previousPeriods(input: PeriodInput, count: number): PeriodInput[] {
  const out: PeriodInput[] = [];
  for (let back = count; back >= 1; back--) {
    if (input.kind === 'month') {
      const index = input.year * 12 + (input.month - 1) - back;
      out.push({ kind: 'month', year: Math.floor(index / 12), month: (index % 12) + 1 });
    } else if (input.kind === 'quarter') {
      const index = input.year * 4 + (input.quarter - 1) - back;
      out.push({ kind: 'quarter', year: Math.floor(index / 4), quarter: (index % 4) + 1 });
    } else if (input.kind === 'year') {
      out.push({ kind: 'year', year: input.year - back });
    }
  }
  return out;
}
