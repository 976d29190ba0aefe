import type { AnalyticsScope, DrillFilter } from './api/analytics';

/** The last day of a month 'YYYY-MM'. */
function lastDay(month: string): string {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
}

/**
 * The desk case list (/desk/cases) showing the same cases as a chart item, where its
 * filters can say so (category, source, area, day); null for items the desk cannot filter
 * by (hour, grid, department, repeat point), which the drawer lists itself.
 */
export function deskLinkOf(scope: AnalyticsScope, filter: DrillFilter, areaId: number | null): string | null {
  const params = new URLSearchParams();
  params.set('from', `${scope.from}-01`);
  params.set('to', lastDay(scope.to));
  if (areaId) params.set('area', String(areaId));
  switch (filter.by) {
    case 'all':
      break;
    case 'category':
      params.set('category', filter.key);
      break;
    case 'source':
      params.set('source', filter.key);
      break;
    case 'area':
      params.set('area', String(filter.areaId));
      break;
    case 'day':
      params.set('from', filter.day);
      params.set('to', filter.day);
      break;
    default:
      return null;
  }
  return `/desk/cases?${params.toString()}`;
}
