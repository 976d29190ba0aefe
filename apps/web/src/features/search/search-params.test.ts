import { describe, expect, it } from 'vitest';
import { categoryPath, categoryValue, searchInputFromParams } from './search-params';

describe('the search in the URL', () => {
  it('asks nothing without a phrase', () => {
    expect(searchInputFromParams(new URLSearchParams('status=closed'))).toBeNull();
  });

  it('reads phrase, statuses, category, days and page, dropping what is not valid', () => {
    const input = searchInputFromParams(
      new URLSearchParams('q=井盖 缺失&status=closed,bogus&category=event:01&from=2026-01-01&to=bad&page=2'),
    );
    expect(input).toEqual({
      q: '井盖 缺失',
      statuses: ['closed'],
      category: 'event:01',
      from: '2026-01-01',
      page: 2,
      pageSize: 20,
    });
  });

  it('maps a category to the cascader path and back', () => {
    expect(categoryPath('event:01001')).toEqual(['event', '01', '01001']);
    expect(categoryValue(['event', '01', '01001'])).toBe('event:01001');
    expect(categoryValue(['component'])).toBe('component');
  });
});
