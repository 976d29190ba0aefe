import type { CaseStatus } from '@citygov/domain/cases/case-states';
import type { CaseTone } from './layers';

/** What the map needs of a case point (caseMap.points returns more: the card's fields). */
export interface CasePointLike {
  id: number;
  status: CaseStatus;
  urgency: string;
  overdue: boolean;
  lng: number;
  lat: number;
}

const PENDING: readonly CaseStatus[] = ['reported', 'accepted', 'verifying', 'filed'];
const WORKING: readonly CaseStatus[] = ['dispatched', 'handling', 'fed_back', 'checking'];

/** A point's colour group: overdue wins over the stage, final states other than 结案 are grey. */
export function caseTone(point: Pick<CasePointLike, 'status' | 'overdue'>): CaseTone {
  if (point.status === 'closed') return 'closed';
  if (point.overdue) return 'overdue';
  if (PENDING.includes(point.status)) return 'pending';
  if (WORKING.includes(point.status)) return 'working';
  return 'other';
}

/** The points as GeoJSON for the clustered case source and the heat source. */
export function casePointCollection(points: readonly CasePointLike[]): GeoJSON.FeatureCollection<GeoJSON.Point> {
  return {
    type: 'FeatureCollection',
    features: points.map((p) => ({
      type: 'Feature',
      id: p.id,
      geometry: { type: 'Point', coordinates: [p.lng, p.lat] },
      properties: { id: p.id, tone: caseTone(p), urgent: p.urgency === 'urgent' },
    })),
  };
}
