import type { EChartsOption } from 'echarts';

/**
 * The analytics centre's charts as pure functions of their data (tested without a
 * browser); the one shared <EChart> draws them. Every item a user can click maps back to
 * its row by data index (see drill.ts), so the order of `data` here is the order of rows.
 */

const TITLE = { left: 0, textStyle: { fontSize: 14 } } as const;
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
/** Monday first, as a Chinese week reads. */
export const WEEK_ROWS = [1, 2, 3, 4, 5, 6, 0];

export interface DayData {
  days: readonly string[];
  reported: readonly number[];
  closed: readonly number[];
}

/** 日趋势: reports and closes per day. */
export function dayTrendOption(data: DayData): EChartsOption {
  return {
    animation: false,
    title: { text: '按日趋势', ...TITLE },
    legend: { top: 0, right: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 48 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: data.days.map((d) => d.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    dataZoom: data.days.length > 62 ? [{ type: 'slider', height: 16, bottom: 8 }] : [],
    series: [
      { type: 'line', name: '上报', data: [...data.reported], showSymbol: false },
      { type: 'line', name: '结案', data: [...data.closed], showSymbol: false },
    ],
  };
}

export interface NamedCount {
  name: string;
  count: number;
}

/**
 * 类别帕累托: the categories by reports, most first, with the cumulative share as a line
 * (the few categories that make most of the volume stand out).
 */
export function paretoOption(title: string, rows: readonly NamedCount[]): EChartsOption {
  const total = rows.reduce((a, r) => a + r.count, 0);
  let running = 0;
  const cumulative = rows.map((r) => {
    running += r.count;
    return total > 0 ? Math.round((running / total) * 1000) / 10 : 0;
  });
  return {
    animation: false,
    title: { text: title, ...TITLE },
    grid: { left: 48, right: 48, top: 56, bottom: 80 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.name),
      axisLabel: { rotate: 40, width: 90, overflow: 'truncate', interval: 0 },
    },
    yAxis: [
      { type: 'value', name: '件', minInterval: 1 },
      { type: 'value', name: '累计%', max: 100, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      { type: 'bar', name: '上报', data: rows.map((r) => r.count), barMaxWidth: 28 },
      { type: 'line', name: '累计占比', yAxisIndex: 1, data: cumulative, symbolSize: 4 },
    ],
  };
}

/** 案件来源: shares as a ring. */
export function sourceOption(rows: readonly NamedCount[]): EChartsOption {
  return {
    animation: false,
    title: { text: '案件来源', ...TITLE },
    tooltip: { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
    legend: { orient: 'vertical', right: 0, top: 'middle' },
    series: [
      {
        type: 'pie',
        name: '来源',
        radius: ['40%', '70%'],
        center: ['38%', '55%'],
        label: { show: false },
        data: rows.map((r) => ({ name: r.name, value: r.count })),
      },
    ],
  };
}

/** Horizontal bars, largest on top (areas, grids). */
export function rankedBarOption(title: string, rows: readonly NamedCount[], unit = '件'): EChartsOption {
  const ordered = [...rows].reverse();
  return {
    animation: false,
    title: { text: title, ...TITLE },
    grid: { left: 8, right: 48, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', formatter: `{b}：{c} ${unit}` },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: ordered.map((r) => r.name), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        name: title,
        barMaxWidth: 18,
        label: { show: true, position: 'right' },
        data: ordered.map((r) => r.count),
      },
    ],
  };
}

/** The data index of a ranked bar back to its row (bars are drawn largest on top, reversed). */
export function rankedRowIndex(dataIndex: number, rows: number): number {
  return rows - 1 - dataIndex;
}

export interface WeekHourData {
  cells: readonly (readonly [number, number, number])[];
}

/** 周×时热力: weekdays (Monday on top) by hour of day. */
export function weekHourOption(data: WeekHourData): EChartsOption {
  const max = Math.max(1, ...data.cells.map((c) => c[2]));
  return {
    animation: false,
    title: { text: '周 × 时段分布', ...TITLE },
    grid: { left: 48, right: 16, top: 36, bottom: 56 },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const [hour, row, n] = (p as { value: [number, number, number] }).value;
        return `${WEEKDAYS[WEEK_ROWS[row] ?? 0]} ${hour}时：${n} 件`;
      },
    },
    xAxis: { type: 'category', data: Array.from({ length: 24 }, (_, h) => `${h}时`), splitArea: { show: true } },
    yAxis: {
      type: 'category',
      data: WEEK_ROWS.map((d) => WEEKDAYS[d] ?? ''),
      inverse: true,
      splitArea: { show: true },
    },
    visualMap: {
      min: 0,
      max,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      inRange: { color: ['#f0f5ff', '#597ef7', '#10239e'] },
    },
    series: [
      {
        type: 'heatmap',
        name: '上报',
        data: data.cells.map(([weekday, hour, n]) => [hour, WEEK_ROWS.indexOf(weekday), n]),
      },
    ],
  };
}

/** A heatmap item's value back to weekday (0 = Sunday) and hour. */
export function weekHourOfValue(value: readonly number[]): { weekday: number; hour: number } {
  return { weekday: WEEK_ROWS[value[1] ?? 0] ?? 0, hour: value[0] ?? 0 };
}

/** 时段分布: reports by hour of day. */
export function hourOption(hours: readonly number[]): EChartsOption {
  return {
    animation: false,
    title: { text: '按小时分布', ...TITLE },
    grid: { left: 40, right: 8, top: 36, bottom: 28 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: hours.map((_, h) => `${h}时`) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: '上报', data: [...hours], barMaxWidth: 16 }],
  };
}

export interface DepartmentRow {
  name: string;
  overdue: number;
  extended: number;
  reworked: number;
}

/** 部门处置: overdue, extended and reworked cases per department, stacked. */
export function departmentOption(rows: readonly DepartmentRow[]): EChartsOption {
  const ordered = [...rows].reverse();
  return {
    animation: false,
    title: { text: '部门超期 / 延期 / 返工', ...TITLE },
    legend: { top: 0, right: 0 },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: ordered.map((r) => r.name), axisLabel: { width: 150, overflow: 'truncate' } },
    series: (
      [
        ['超期', 'overdue', '#cf1322'],
        ['延期', 'extended', '#d48806'],
        ['返工', 'reworked', '#722ed1'],
      ] as const
    ).map(([name, key, color]) => ({
      type: 'bar' as const,
      name,
      stack: 'total',
      barMaxWidth: 18,
      itemStyle: { color },
      data: ordered.map((r) => r[key]),
    })),
  };
}

/** 处置时长分布: closes by how long they took. */
export function durationOption(histogram: readonly NamedCount[]): EChartsOption {
  return {
    animation: false,
    title: { text: '处置时长分布（上报→结案）', ...TITLE },
    grid: { left: 40, right: 8, top: 36, bottom: 40 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: histogram.map((h) => h.name), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: '结案', data: histogram.map((h) => h.count), barMaxWidth: 24 }],
  };
}
