import { describe, expect, it } from 'vitest';
import { rankingOption, trendOption } from './ranking-option';

describe('rankingOption', () => {
  it('puts the best on top, coloured by grade', () => {
    const option = rankingOption({
      title: '区域排名',
      rows: [
        { name: '临江区', total: 92, grade: 'A' },
        { name: '云山区', total: 55, grade: 'D' },
      ],
    });
    const yAxis = option.yAxis as { data: string[] };
    expect(yAxis.data).toEqual(['云山区', '临江区']);
    const [series] = option.series as { data: { value: number; itemStyle: { color: string } }[] }[];
    expect(series?.data.map((d) => [d.value, d.itemStyle.color])).toEqual([
      [55, '#d4380d'],
      [92, '#389e0d'],
    ]);
    expect(option.dataZoom).toBeUndefined();
  });
  it('scrolls a long list instead of shrinking the bars', () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ name: `网格${i}`, total: 90 - i, grade: 'B' }));
    expect(rankingOption({ title: '', rows }).dataZoom).toBeDefined();
  });
});

describe('trendOption', () => {
  it('marks published periods with a solid dot and leaves gaps where nothing was counted', () => {
    const option = trendOption({
      points: [
        { label: '10月', average: null, published: false },
        { label: '11月', average: 80, published: true },
      ],
    });
    const [series] = option.series as { data: { value: number | null; symbol: string }[] }[];
    expect(series?.data).toEqual([
      { value: null, symbol: 'emptyCircle', symbolSize: 8 },
      { value: 80, symbol: 'circle', symbolSize: 8 },
    ]);
  });
});
