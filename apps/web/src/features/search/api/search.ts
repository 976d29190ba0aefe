import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { inferInput, inferOutput } from '@trpc/tanstack-react-query';
import { useTRPC } from '../../../lib/trpc';

type Search = ReturnType<typeof useTRPC>['search'];
export type SearchInput = inferInput<Search['cases']>;
export type SearchResult = inferOutput<Search['cases']>;
export type SearchRow = SearchResult['rows'][number];

const LONG = 10 * 60_000;

/** Results of a search; nothing is asked until there is a phrase. */
export function useSearchCases(input: SearchInput | null) {
  const trpc = useTRPC();
  return useQuery(
    trpc.search.cases.queryOptions(input ?? { q: '-' }, { enabled: input !== null, placeholderData: keepPreviousData }),
  );
}

/** 部件/事件 → 大类 → 小类 for the category filter. */
export function useCategoryTree() {
  const trpc = useTRPC();
  const majors = useQuery(trpc.catalogue.majors.queryOptions(undefined, { staleTime: LONG }));
  const minors = useQuery(trpc.catalogue.list.queryOptions({}, { staleTime: LONG }));
  return (['event', 'component'] as const).map((kind) => ({
    value: kind as string,
    label: kind === 'event' ? '事件' : '部件',
    children: (majors.data ?? [])
      .filter((m) => m.kind === kind)
      .map((m) => ({
        value: m.code,
        label: `${m.code} ${m.name}`,
        children: (minors.data ?? [])
          .filter((c) => c.kind === kind && c.majorCode === m.code)
          .map((c) => ({ value: c.code, label: `${c.code} ${c.name}` })),
      })),
  }));
}
