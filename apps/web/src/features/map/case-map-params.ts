import { CASE_STATUSES, type CaseStatus } from '@citygov/domain/cases/case-states';
import { polygonProblem } from '@citygov/domain/geo/polygon';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CATEGORY = /^(component|event)(:\d{2}(\d{3})?)?$/;

export interface CaseMapFilters {
  /** 关键词: matched against descriptions and addresses as /search does. */
  q?: string;
  statuses: CaseStatus[];
  category?: string;
  from?: string;
  to?: string;
  /** 框选, as [lng, lat] vertices. */
  polygon?: [number, number][];
}

/** "lng,lat;lng,lat;…" with six decimals (about 0.1 m): short enough for a shared link. */
export function polygonParam(ring: readonly (readonly [number, number])[]): string {
  return ring.map(([lng, lat]) => `${lng.toFixed(6)},${lat.toFixed(6)}`).join(';');
}

function parsePolygon(value: string | null): [number, number][] | undefined {
  if (!value) return undefined;
  const ring = value.split(';').map((pair) => pair.split(',').map(Number) as [number, number]);
  if (ring.some((p) => p.length !== 2)) return undefined;
  return polygonProblem(ring) ? undefined : ring;
}

/**
 * The filters a /map URL holds: the same keys as /search (q, status, category, from, to), so
 * 在地图上查看 carries a search over, plus `area`, the drawn polygon. Bad values are dropped.
 */
export function caseMapFiltersFromParams(params: URLSearchParams): CaseMapFilters {
  const statuses = (params.get('status') ?? '')
    .split(',')
    .filter((s): s is CaseStatus => (CASE_STATUSES as readonly string[]).includes(s));
  const category = params.get('category') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const dates = DAY.test(from) && DAY.test(to) && from <= to;
  const polygon = parsePolygon(params.get('area'));
  const q = (params.get('q') ?? '').trim().slice(0, 50);
  return {
    ...(q ? { q } : {}),
    statuses,
    ...(CATEGORY.test(category) ? { category } : {}),
    ...(dates ? { from, to } : {}),
    ...(polygon ? { polygon } : {}),
  };
}

/** The URL of the filters (the inverse of caseMapFiltersFromParams), keeping other keys. */
export function caseMapParams(filters: CaseMapFilters, base = new URLSearchParams()): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const key of ['q', 'status', 'category', 'from', 'to', 'area']) params.delete(key);
  if (filters.q?.trim()) params.set('q', filters.q.trim());
  if (filters.statuses.length > 0) params.set('status', filters.statuses.join(','));
  if (filters.category) params.set('category', filters.category);
  if (filters.from && filters.to) {
    params.set('from', filters.from);
    params.set('to', filters.to);
  }
  if (filters.polygon) params.set('area', polygonParam(filters.polygon));
  return params;
}
