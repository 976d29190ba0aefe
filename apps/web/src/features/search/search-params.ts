import { CASE_STATUSES, type CaseStatus } from '@citygov/domain/cases/case-states';
import type { SearchInput } from './api/search';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const SEARCH_PAGE_SIZE = 20;

/** The search a URL holds (q, status, category, from, to, page); null without a phrase. */
export function searchInputFromParams(params: URLSearchParams): SearchInput | null {
  const q = (params.get('q') ?? '').trim();
  if (!q) return null;
  const statuses = (params.get('status') ?? '')
    .split(',')
    .filter((s): s is CaseStatus => (CASE_STATUSES as readonly string[]).includes(s));
  const category = params.get('category') ?? '';
  const day = (key: string) => {
    const value = params.get(key);
    return value && DAY.test(value) ? value : undefined;
  };
  const from = day('from');
  const to = day('to');
  return {
    q: q.slice(0, 50),
    ...(statuses.length > 0 ? { statuses } : {}),
    ...(/^(component|event)(:\d{2}(\d{3})?)?$/.test(category) ? { category } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: SEARCH_PAGE_SIZE,
  };
}

/** "event:01001" ⇄ ['event', '01', '01001'] for the cascader. */
export function categoryPath(value: string | undefined): string[] {
  if (!value) return [];
  const [kind, code] = value.split(':');
  if (!kind) return [];
  if (!code) return [kind];
  return code.length > 2 ? [kind, code.slice(0, 2), code] : [kind, code];
}

export function categoryValue(path: readonly (string | number)[] | undefined): string | undefined {
  if (!path || path.length === 0) return undefined;
  const [kind, major, minor] = path.map(String);
  return minor ? `${kind}:${minor}` : major ? `${kind}:${major}` : kind;
}
