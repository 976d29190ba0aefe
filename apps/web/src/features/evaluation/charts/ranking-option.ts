import type { EChartsOption } from 'echarts';

export const GRADE_COLOURS: Record<string, string> = {
  A: '#389e0d',
  B: '#1677ff',
  C: '#d48806',
  D: '#d4380d',
  E: '#a8071a',
};

export interface RankingData {
  title: string;
  rows: readonly { name: string; total: number; grade: string }[];
}

/**
 * The ranking as horizontal bars, best on top, coloured by grade (A green … E dark red),
 * with the score at the bar's end. Long lists scroll (data zoom) instead of shrinking bars.
 */
export function rankingOption(data: RankingData): EChartsOption {
  const rows = [...data.rows].reverse();
  const many = rows.length > 15;
  return {
    animation: false,
    title: { text: data.title, left: 0, textStyle: { fontSize: 14 } },
    grid: { left: 8, right: 56, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', formatter: '{b}：{c} 分' },
    xAxis: { type: 'value', min: 0, max: 100 },
    yAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { width: 120, overflow: 'truncate' } },
    ...(many
      ? { dataZoom: [{ type: 'inside', yAxisIndex: 0, startValue: rows.length - 15, endValue: rows.length - 1 }] }
      : {}),
    series: [
      {
        type: 'bar',
        name: '总分',
        barMaxWidth: 22,
        label: { show: true, position: 'right', formatter: '{c}' },
        data: rows.map((r) => ({ value: r.total, itemStyle: { color: GRADE_COLOURS[r.grade] ?? '#8c8c8c' } })),
      },
    ],
  };
}

export interface TrendData {
  points: readonly { label: string; average: number | null; published: boolean }[];
}

/** The average total over the periods, a solid dot where the period is published. */
export function trendOption(data: TrendData): EChartsOption {
  return {
    animation: false,
    title: { text: '平均得分趋势', left: 0, textStyle: { fontSize: 14 } },
    grid: { left: 40, right: 16, top: 40, bottom: 28 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: data.points.map((p) => p.label) },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: [
      {
        type: 'line',
        name: '平均得分',
        connectNulls: false,
        data: data.points.map((p) => ({
          value: p.average,
          symbol: p.published ? 'circle' : 'emptyCircle',
          symbolSize: 8,
        })),
      },
    ],
  };
}
