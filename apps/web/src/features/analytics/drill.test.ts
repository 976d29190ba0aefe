import { describe, expect, it } from 'vitest';
import { deskLinkOf } from './drill';

const scope = { from: '2026-02', to: '2026-02' };

describe('drill-down to the desk case list', () => {
  it('carries the period, the area and the item as the desk filters', () => {
    expect(deskLinkOf(scope, { by: 'category', key: 'event:05002' }, 7)).toBe(
      '/desk/cases?from=2026-02-01&to=2026-02-28&area=7&category=event%3A05002',
    );
    expect(deskLinkOf(scope, { by: 'day', day: '2026-02-10' }, null)).toBe('/desk/cases?from=2026-02-10&to=2026-02-10');
  });

  it('has no desk link for items the desk cannot filter by', () => {
    expect(deskLinkOf(scope, { by: 'weekHour', weekday: 1, hour: 8 }, null)).toBeNull();
    expect(deskLinkOf(scope, { by: 'grid', gridId: 3 }, null)).toBeNull();
  });
});
