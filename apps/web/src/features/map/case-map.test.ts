import { describe, expect, it } from 'vitest';
import { caseMapFiltersFromParams, caseMapParams } from './case-map-params';
import { casePointCollection, caseTone } from './case-points';

describe('caseTone', () => {
  it('colours by stage, overdue over stage, closed over overdue', () => {
    expect(caseTone({ status: 'filed', overdue: false })).toBe('pending');
    expect(caseTone({ status: 'handling', overdue: false })).toBe('working');
    expect(caseTone({ status: 'handling', overdue: true })).toBe('overdue');
    expect(caseTone({ status: 'closed', overdue: true })).toBe('closed');
    expect(caseTone({ status: 'merged', overdue: false })).toBe('other');
  });

  it('marks urgent cases in the GeoJSON', () => {
    const collection = casePointCollection([
      { id: 7, status: 'dispatched', urgency: 'urgent', overdue: false, lng: 120.1, lat: 30.2 },
    ]);
    expect(collection.features[0]?.properties).toEqual({ id: 7, tone: 'working', urgent: true });
    expect(collection.features[0]?.geometry.coordinates).toEqual([120.1, 30.2]);
  });
});

describe('case map URL', () => {
  it('round-trips the filters and the drawn polygon', () => {
    const filters = {
      q: '井盖 缺失',
      statuses: ['filed', 'handling'] as ['filed', 'handling'],
      category: 'event:01',
      from: '2026-11-01',
      to: '2026-11-30',
      polygon: [
        [120.1, 30.1],
        [120.2, 30.1],
        [120.2, 30.2],
      ] as [number, number][],
    };
    const params = caseMapParams(filters, new URLSearchParams('at=1'));
    expect(params.get('at')).toBe('1');
    expect(caseMapFiltersFromParams(params)).toEqual(filters);
  });

  it('reads a /search URL, keeping its words, and drops what is not valid', () => {
    const filters = caseMapFiltersFromParams(
      new URLSearchParams('q=井盖&status=closed,bogus&category=x&from=2026-12-02&to=2026-12-01&area=1,2;3,4'),
    );
    expect(filters).toEqual({ q: '井盖', statuses: ['closed'] });
    expect(caseMapFiltersFromParams(new URLSearchParams('q=%20%20'))).toEqual({ statuses: [] });
  });
});
