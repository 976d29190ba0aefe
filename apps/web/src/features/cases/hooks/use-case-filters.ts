import { CASE_STATUSES, type CaseSource, type CaseStatus } from '@citygov/domain/cases/case-states';
import { useSearchParams } from 'react-router';
import type { CaseListInput } from '../api/cases';
import { CASE_SOURCES } from '../labels';

export type CaseSort = 'reportedAt.desc' | 'reportedAt.asc' | 'deadline.asc';

export interface CaseFilterValues {
  queue: string | undefined;
  statuses: CaseStatus[];
  /** "event", "event:01" (major) or "event:01001" (minor). */
  category: string | undefined;
  source: CaseSource | undefined;
  urgency: 'normal' | 'urgent' | undefined;
  areaId: number | undefined;
  /** Report days as YYYY-MM-DD in China time. */
  from: string | undefined;
  to: string | undefined;
  overdue: boolean;
  q: string;
  sort: CaseSort;
}

export const DEFAULT_PAGE_SIZE = 20;
const SORTS: readonly CaseSort[] = ['reportedAt.desc', 'reportedAt.asc', 'deadline.asc'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

export function parseCaseFilters(params: URLSearchParams): CaseFilterValues {
  const statuses = (params.get('status') ?? '')
    .split(',')
    .filter((s): s is CaseStatus => (CASE_STATUSES as readonly string[]).includes(s));
  const area = Number(params.get('area'));
  const day = (key: string) => {
    const value = params.get(key);
    return value && DAY.test(value) ? value : undefined;
  };
  return {
    queue: params.get('queue') || undefined,
    statuses,
    category: /^(component|event)(:\d{2}(\d{3})?)?$/.test(params.get('category') ?? '')
      ? (params.get('category') ?? undefined)
      : undefined,
    source: oneOf(params.get('source'), Object.keys(CASE_SOURCES) as CaseSource[]),
    urgency: oneOf(params.get('urgency'), ['normal', 'urgent'] as const),
    areaId: Number.isInteger(area) && area > 0 ? area : undefined,
    from: day('from'),
    to: day('to'),
    overdue: params.get('overdue') === '1',
    q: params.get('q') ?? '',
    sort: oneOf(params.get('sort'), SORTS) ?? 'reportedAt.desc',
  };
}

/** The list query for the filters: days become instants in China time (UTC+8, no DST). */
export function toListInput(values: CaseFilterValues, page: number, pageSize: number): CaseListInput {
  const [kind, code] = (values.category ?? '').split(':');
  return {
    ...(values.queue ? { queue: values.queue } : {}),
    ...(values.statuses.length > 0 ? { statuses: values.statuses } : {}),
    ...(kind === 'component' || kind === 'event' ? { kind } : {}),
    ...(code ? { categoryCode: code } : {}),
    ...(values.source ? { source: values.source } : {}),
    ...(values.urgency ? { urgency: values.urgency } : {}),
    ...(values.areaId ? { areaId: values.areaId } : {}),
    ...(values.from ? { from: new Date(`${values.from}T00:00:00+08:00`) } : {}),
    ...(values.to ? { to: new Date(`${values.to}T23:59:59.999+08:00`) } : {}),
    ...(values.overdue ? { overdue: true } : {}),
    ...(values.q ? { q: values.q } : {}),
    sort: values.sort,
    page,
    pageSize,
  };
}

function toParams(values: CaseFilterValues, extra: { page: number; pageSize: number; map: boolean }) {
  const search = new URLSearchParams();
  if (values.queue) search.set('queue', values.queue);
  if (values.statuses.length > 0) search.set('status', values.statuses.join(','));
  if (values.category) search.set('category', values.category);
  if (values.source) search.set('source', values.source);
  if (values.urgency) search.set('urgency', values.urgency);
  if (values.areaId) search.set('area', String(values.areaId));
  if (values.from) search.set('from', values.from);
  if (values.to) search.set('to', values.to);
  if (values.overdue) search.set('overdue', '1');
  if (values.q) search.set('q', values.q);
  if (values.sort !== 'reportedAt.desc') search.set('sort', values.sort);
  if (extra.page > 1) search.set('page', String(extra.page));
  if (extra.pageSize !== DEFAULT_PAGE_SIZE) search.set('size', String(extra.pageSize));
  if (extra.map) search.set('map', '1');
  return search;
}

/** The desk's filters, page and map toggle live in the URL, so a dispatcher can share a filtered list. */
export function useCaseFilters() {
  const [params, setParams] = useSearchParams();
  const values = parseCaseFilters(params);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const size = Number(params.get('size'));
  const pageSize = [10, 20, 50, 100].includes(size) ? size : DEFAULT_PAGE_SIZE;
  const showMap = params.get('map') === '1';

  /** Any filter change goes back to page 1. */
  const update = (next: Partial<CaseFilterValues>) =>
    setParams(toParams({ ...values, ...next }, { page: 1, pageSize, map: showMap }), { replace: true });
  const setPage = (nextPage: number, nextSize: number) =>
    setParams(toParams(values, { page: nextSize === pageSize ? nextPage : 1, pageSize: nextSize, map: showMap }), {
      replace: true,
    });
  const setShowMap = (map: boolean) => setParams(toParams(values, { page, pageSize, map }), { replace: true });
  const reset = () => setParams(toParams(parseCaseFilters(new URLSearchParams()), { page: 1, pageSize, map: showMap }));

  return { values, page, pageSize, showMap, update, setPage, setShowMap, reset };
}
