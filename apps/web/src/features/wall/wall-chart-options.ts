import type { ChartOption } from '../../lib/charts/echarts-core';

/**
 * Pure chart options for the wall's dark panels. `scale` is the screen width over 1920,
 * so text and lines keep their proportions from 1920×1080 to 3840×2160 while the canvas
 * itself is drawn at the real pixel size (crisp, not stretched).
 */
export const WALL_COLORS = {
  text: '#c9d8f0',
  muted: '#7f93b5',
  axis: '#2a3d5c',
  series: ['#3ba0ff', '#36cfc9', '#ffc53d', '#9254de', '#73d13d', '#ff7a45', '#f759ab', '#597ef7'],
} as const;

const px = (size: number, scale: number) => Math.round(size * scale * 10) / 10;

function base(scale: number) {
  return {
    color: [...WALL_COLORS.series],
    backgroundColor: 'transparent',
    textStyle: { color: WALL_COLORS.text, fontSize: px(13, scale) },
    tooltip: { textStyle: { fontSize: px(13, scale) } },
    animationDuration: 400,
  };
}

function axisStyle(scale: number) {
  return {
    axisLine: { lineStyle: { color: WALL_COLORS.axis } },
    axisLabel: { color: WALL_COLORS.muted, fontSize: px(12, scale) },
    splitLine: { lineStyle: { color: WALL_COLORS.axis, type: 'dashed' as const } },
  };
}

export interface TrendData {
  days: readonly string[];
  series: readonly { name: string; values: readonly number[] }[];
}

/** 流程环节趋势: one line per chain stage over the days. */
export function trendOption(data: TrendData, scale: number): ChartOption {
  return {
    ...base(scale),
    tooltip: { ...base(scale).tooltip, trigger: 'axis' },
    legend: {
      top: 0,
      textStyle: { color: WALL_COLORS.text, fontSize: px(12, scale) },
      itemWidth: px(14, scale),
      itemHeight: px(8, scale),
    },
    grid: { left: px(8, scale), right: px(12, scale), top: px(34, scale), bottom: px(6, scale), containLabel: true },
    xAxis: { type: 'category', data: data.days.map((d) => d.slice(5)), boundaryGap: false, ...axisStyle(scale) },
    yAxis: { type: 'value', minInterval: 1, ...axisStyle(scale) },
    series: data.series.map((s) => ({
      name: s.name,
      type: 'line',
      smooth: true,
      showSymbol: false,
      lineStyle: { width: px(2, scale) },
      data: [...s.values],
    })),
  };
}

export interface NamedCount {
  name: string;
  count: number;
}

/** 类别 TOP10: horizontal bars, the largest on top. */
export function categoryOption(items: readonly NamedCount[], scale: number): ChartOption {
  const sorted = [...items].reverse();
  return {
    ...base(scale),
    tooltip: { ...base(scale).tooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: px(8, scale), right: px(40, scale), top: px(6, scale), bottom: px(6, scale), containLabel: true },
    xAxis: { type: 'value', minInterval: 1, ...axisStyle(scale), axisLabel: { show: false } },
    yAxis: {
      type: 'category',
      data: sorted.map((i) => i.name),
      ...axisStyle(scale),
      axisLabel: { color: WALL_COLORS.text, fontSize: px(12, scale), width: px(110, scale), overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        data: sorted.map((i) => i.count),
        barWidth: '60%',
        barMaxWidth: px(22, scale),
        itemStyle: { color: WALL_COLORS.series[0], borderRadius: [0, px(3, scale), px(3, scale), 0] },
        label: { show: true, position: 'right', color: WALL_COLORS.text, fontSize: px(12, scale) },
      },
    ],
  };
}

/** 案件来源: a ring with the share of each source. */
export function sourceOption(items: readonly NamedCount[], scale: number): ChartOption {
  return {
    ...base(scale),
    tooltip: { ...base(scale).tooltip, trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
    legend: {
      orient: 'vertical',
      right: 0,
      top: 'middle',
      textStyle: { color: WALL_COLORS.text, fontSize: px(12, scale) },
      itemWidth: px(12, scale),
      itemHeight: px(8, scale),
    },
    series: [
      {
        type: 'pie',
        // Radii are shares of half the shorter side: kept inside a tall or a wide panel alike.
        radius: ['40%', '64%'],
        center: ['36%', '50%'],
        label: { show: false },
        data: items.map((i) => ({ name: i.name, value: i.count })),
      },
    ],
  };
}

export interface RankedArea {
  name: string;
  reported: number;
  closeRate: number | null;
}

/** 区域排名: 结案率 per area, the best on top. */
export function rankingOption(items: readonly RankedArea[], scale: number): ChartOption {
  const sorted = [...items].reverse();
  return {
    ...base(scale),
    tooltip: { ...base(scale).tooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: px(8, scale), right: px(48, scale), top: px(6, scale), bottom: px(6, scale), containLabel: true },
    xAxis: { type: 'value', max: 100, ...axisStyle(scale), axisLabel: { show: false } },
    yAxis: {
      type: 'category',
      data: sorted.map((i) => i.name),
      ...axisStyle(scale),
      axisLabel: { color: WALL_COLORS.text, fontSize: px(12, scale) },
    },
    series: [
      {
        name: '结案率',
        type: 'bar',
        barWidth: '55%',
        barMaxWidth: px(22, scale),
        data: sorted.map((i) => i.closeRate ?? 0),
        itemStyle: { color: WALL_COLORS.series[1], borderRadius: [0, px(3, scale), px(3, scale), 0] },
        label: { show: true, position: 'right', formatter: '{c}%', color: WALL_COLORS.text, fontSize: px(12, scale) },
      },
    ],
  };
}

export interface DepartmentRow {
  name: string;
  dispatched: number;
  handled: number;
  closed: number;
}

/**
 * Department names for the axis: a district wall drops the district they all begin with;
 * a city wall keeps each district's name without 区, or its districts' four 交警大队 would
 * read alike.
 */
function departmentLabels(names: readonly string[]): string[] {
  const districts = names.map((name) => /^.{2,3}区/.exec(name)?.[0] ?? '');
  const shared = districts[0] && districts.every((d) => d === districts[0]) ? districts[0] : '';
  return names.map((name) => (shared ? name.slice(shared.length) : name.replace(/^(.{2,3})区/, '$1')));
}

/** 部门处置: cases sent, fed back and closed per department. */
export function departmentOption(items: readonly DepartmentRow[], scale: number): ChartOption {
  const names = departmentLabels(items.map((i) => i.name));
  const bar = (name: string, values: number[], color: string) => ({
    name,
    type: 'bar',
    data: values,
    barGap: '10%',
    barMaxWidth: px(26, scale),
    itemStyle: { color },
  });
  return {
    ...base(scale),
    tooltip: { ...base(scale).tooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: {
      top: 0,
      textStyle: { color: WALL_COLORS.text, fontSize: px(12, scale) },
      itemWidth: px(12, scale),
      itemHeight: px(8, scale),
    },
    grid: { left: px(8, scale), right: px(8, scale), top: px(30, scale), bottom: px(4, scale), containLabel: true },
    xAxis: {
      type: 'category',
      data: names,
      ...axisStyle(scale),
      // Slanted: eight departments leave each name less room than its width.
      axisLabel: {
        color: WALL_COLORS.text,
        fontSize: px(11, scale),
        interval: 0,
        rotate: 30,
        width: px(84, scale),
        overflow: 'truncate',
      },
    },
    yAxis: { type: 'value', minInterval: 1, ...axisStyle(scale) },
    series: [
      bar(
        '派遣',
        items.map((i) => i.dispatched),
        WALL_COLORS.series[0],
      ),
      bar(
        '处置',
        items.map((i) => i.handled),
        WALL_COLORS.series[2],
      ),
      bar(
        '结案',
        items.map((i) => i.closed),
        WALL_COLORS.series[4],
      ),
    ],
  };
}
