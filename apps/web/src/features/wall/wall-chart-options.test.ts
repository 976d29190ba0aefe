import { describe, expect, it } from 'vitest';
import { categoryOption, departmentOption, rankingOption, sourceOption, trendOption } from './wall-chart-options';

type Loose = Record<string, never> & { [key: string]: unknown };
const get = (option: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((at, key) => (at as Loose | undefined)?.[key], option);

describe('wall chart options', () => {
  it('draws one line per stage and doubles its text on a 3840-wide wall', () => {
    const data = { days: ['2026-12-02', '2026-12-03'], series: [{ name: '上报', values: [3, 5] }] };
    const small = trendOption(data, 1);
    const big = trendOption(data, 2);
    expect(get(small, 'xAxis.data')).toEqual(['12-02', '12-03']);
    expect(get(small, 'series.0.data')).toEqual([3, 5]);
    expect(get(big, 'textStyle.fontSize')).toBe(2 * Number(get(small, 'textStyle.fontSize')));
  });

  it('puts the largest category on top and shows rates in percent', () => {
    const categories = categoryOption(
      [
        { name: '占道经营', count: 9 },
        { name: '乱堆物料', count: 4 },
      ],
      1,
    );
    expect(get(categories, 'yAxis.data')).toEqual(['乱堆物料', '占道经营']);
    const ranking = rankingOption([{ name: '临江区', reported: 10, closeRate: null }], 1);
    expect(get(ranking, 'series.0.data')).toEqual([0]);
    expect(get(ranking, 'xAxis.max')).toBe(100);
  });

  it('gives sources and departments their series', () => {
    expect(get(sourceOption([{ name: '公众举报', count: 2 }], 1), 'series.0.data')).toEqual([
      { name: '公众举报', value: 2 },
    ]);
    const departments = departmentOption([{ name: '临江区市政管理所', dispatched: 3, handled: 2, closed: 1 }], 1);
    expect(get(departments, 'xAxis.data')).toEqual(['市政管理所']);
    // A city wall's departments of different districts stay apart.
    const city = departmentOption(
      [
        { name: '临江区交警大队', dispatched: 3, handled: 2, closed: 1 },
        { name: '云山区交警大队', dispatched: 2, handled: 1, closed: 1 },
      ],
      1,
    );
    expect(get(city, 'xAxis.data')).toEqual(['临江交警大队', '云山交警大队']);
    expect((get(departments, 'series') as unknown[]).length).toBe(3);
  });
});
