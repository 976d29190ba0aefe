import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferInput, inferOutput } from '@trpc/tanstack-react-query';
import { useTRPC } from '../../../lib/trpc';

type Api = ReturnType<typeof useTRPC>;
export type ReportCaseInput = inferInput<Api['cases']['report']>;
export type ReportedCase = inferOutput<Api['cases']['report']>;
export type CategoryHit = inferOutput<Api['catalogue']['list']>[number];
export type TimeLimit = inferOutput<Api['catalogue']['timeLimits']>[number];
export interface CategoryKey {
  kind: 'component' | 'event';
  code: string;
}

/** 小类助手 search: by name, synonym or code (the whole catalogue when empty). */
export function useCategorySearch(q: string) {
  const trpc = useTRPC();
  return useQuery(
    trpc.catalogue.list.queryOptions(q ? { q } : {}, { placeholderData: keepPreviousData, staleTime: 10 * 60_000 }),
  );
}

export function useCategoryTimeLimits(key: CategoryKey | null) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.catalogue.timeLimits.queryOptions(key ?? { kind: 'event', code: '00000' }, { staleTime: 10 * 60_000 }),
    enabled: key !== null,
  });
}

export function useReportCase() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.cases.report.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.cases.pathFilter()) }),
  );
}
