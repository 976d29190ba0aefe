import { DEFAULT_REPEAT_RULES, DEFAULT_TREND_RULES } from '@citygov/domain/analytics/analytics-rules';
import type { AnalyticsViewInput } from './api/analytics';

const MONTH = /^20\d{2}-(0[1-9]|1[0-2])$/;

function shift(month: string, by: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function numberParam(params: URLSearchParams, key: string, fallback: number): number {
  const value = Number(params.get(key));
  return params.has(key) && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/**
 * The analysis a URL asks for (so a leader can share it): area code, months, thresholds.
 * By default the viewer's own area over the last three months including this one.
 */
export function analyticsInputFromSearch(params: URLSearchParams, thisMonth: string): AnalyticsViewInput {
  const to = MONTH.test(params.get('to') ?? '') ? (params.get('to') as string) : thisMonth;
  const from = MONTH.test(params.get('from') ?? '') ? (params.get('from') as string) : shift(to, -2);
  const area = params.get('area');
  return {
    scope: { ...(area && /^\d{6,14}$/.test(area) ? { area } : {}), from, to },
    trend: {
      momPercent: numberParam(params, 'mom', DEFAULT_TREND_RULES.momPercent),
      yoyPercent: numberParam(params, 'yoy', DEFAULT_TREND_RULES.yoyPercent),
      minCases: Math.max(1, Math.round(numberParam(params, 'tmin', DEFAULT_TREND_RULES.minCases))),
    },
    repeat: {
      metres: 50,
      minCases: Math.max(2, Math.round(numberParam(params, 'rmin', DEFAULT_REPEAT_RULES.minCases))),
    },
  };
}

export function searchOfAnalyticsInput(input: AnalyticsViewInput): URLSearchParams {
  const params = new URLSearchParams();
  if (input.scope.area) params.set('area', input.scope.area);
  params.set('from', input.scope.from);
  params.set('to', input.scope.to);
  const trend = input.trend ?? DEFAULT_TREND_RULES;
  if (trend.momPercent !== DEFAULT_TREND_RULES.momPercent) params.set('mom', String(trend.momPercent));
  if (trend.yoyPercent !== DEFAULT_TREND_RULES.yoyPercent) params.set('yoy', String(trend.yoyPercent));
  if (trend.minCases !== DEFAULT_TREND_RULES.minCases) params.set('tmin', String(trend.minCases));
  const repeat = input.repeat?.minCases ?? DEFAULT_REPEAT_RULES.minCases;
  if (repeat !== DEFAULT_REPEAT_RULES.minCases) params.set('rmin', String(repeat));
  return params;
}
