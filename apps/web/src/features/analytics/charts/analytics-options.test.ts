import { describe, expect, it } from 'vitest';
import {
  dayTrendOption,
  departmentOption,
  paretoOption,
  rankedBarOption,
  rankedRowIndex,
  sourceOption,
  weekHourOfValue,
  weekHourOption,
} from './analytics-options';

type Series = { type: string; name: string; data: unknown[] }[];

describe('analytics chart options', () => {
  it('draws reports and closes per day, with a slider only for long ranges', () => {
    const option = dayTrendOption({ days: ['2026-12-01', '2026-12-02'], reported: [3, 5], closed: [1, 2] });
    const series = option.series as Series;
    expect(series.map((s) => s.name)).toEqual(['上报', '结案']);
    expect(series[0]?.data).toEqual([3, 5]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['12-01', '12-02']);
    expect(option.dataZoom).toEqual([]);
  });

  it('adds the cumulative share to the category Pareto', () => {
    const option = paretoOption('类别', [
      { name: '暴露垃圾', count: 6 },
      { name: '占道经营', count: 3 },
      { name: '井盖缺失', count: 1 },
    ]);
    const series = option.series as Series;
    expect(series[0]?.data).toEqual([6, 3, 1]);
    expect(series[1]?.data).toEqual([60, 90, 100]);
  });

  it('ranks bars largest on top and maps a click back to its row', () => {
    const rows = [
      { name: '临江区', count: 9 },
      { name: '云山区', count: 4 },
    ];
    const option = rankedBarOption('区域', rows);
    expect((option.yAxis as { data: string[] }).data).toEqual(['云山区', '临江区']);
    expect(rows[rankedRowIndex(1, rows.length)]?.name).toBe('临江区');
  });

  it('places Monday on the heatmap top row and reads a cell back', () => {
    const option = weekHourOption({
      cells: [
        [1, 8, 5],
        [0, 23, 2],
      ],
    });
    const series = option.series as Series;
    expect(series[0]?.data).toEqual([
      [8, 0, 5],
      [23, 6, 2],
    ]);
    expect(weekHourOfValue([23, 6, 2])).toEqual({ weekday: 0, hour: 23 });
    expect((option.visualMap as { max: number }).max).toBe(5);
  });

  it('stacks overdue, extended and reworked per department', () => {
    const option = departmentOption([{ name: '市政所', overdue: 2, extended: 1, reworked: 3 }]);
    expect((option.series as Series).map((s) => [s.name, s.data])).toEqual([
      ['超期', [2]],
      ['延期', [1]],
      ['返工', [3]],
    ]);
  });

  it('shows sources as named slices', () => {
    const option = sourceOption([{ name: '12345热线', count: 7 }]);
    expect((option.series as Series)[0]?.data).toEqual([{ name: '12345热线', value: 7 }]);
  });
});
