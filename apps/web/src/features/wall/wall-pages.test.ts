import { describe, expect, it } from 'vitest';
import { ageText, nextPage, panelsOf, rotateSeconds, WALL_PAGES } from './wall-pages';

describe('wall pages', () => {
  it('shows every panel on the overview', () => {
    expect(panelsOf(WALL_PAGES[0] as (typeof WALL_PAGES)[number])).toHaveLength(8);
  });

  it('rotates through the pages, skipping those without a pinned panel', () => {
    expect(nextPage(0, new Set())).toBe(1);
    expect(nextPage(2, new Set())).toBe(0);
    // The map is on 综合态势 and 案件地图 only.
    expect(nextPage(1, new Set(['map']))).toBe(0);
    expect(nextPage(0, new Set(['map']))).toBe(1);
    expect(nextPage(0, new Set(['map', 'trend']))).toBe(0);
  });

  it('reads the rotation from the URL', () => {
    expect(rotateSeconds('30')).toBe(30);
    expect(rotateSeconds(null)).toBeNull();
    expect(rotateSeconds('abc')).toBeNull();
    expect(rotateSeconds('1')).toBeNull();
  });

  it('says how old the data is', () => {
    expect(ageText(0, 12_000)).toBe('12 秒前');
    expect(ageText(0, 185_000)).toBe('3 分钟前');
    expect(ageText(0, 3_900_000)).toBe('1 小时 5 分钟前');
  });
});
