import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { inferInput, inferOutput } from '@trpc/tanstack-react-query';
import { useTRPC } from '../../../lib/trpc';

type Analytics = ReturnType<typeof useTRPC>['analytics'];
export type AnalyticsViewInput = inferInput<Analytics['view']>;
export type AnalyticsView = inferOutput<Analytics['view']>;
export type AnalyticsScope = AnalyticsViewInput['scope'];
export type DrillFilter = inferInput<Analytics['cases']>['filter'];
export type AnalyticsCases = inferOutput<Analytics['cases']>;

export function useAnalyticsView(input: AnalyticsViewInput) {
  const trpc = useTRPC();
  return useQuery(trpc.analytics.view.queryOptions(input, { placeholderData: keepPreviousData }));
}

export function useAnalyticsCases(scope: AnalyticsScope, filter: DrillFilter | null, page: number) {
  const trpc = useTRPC();
  return useQuery(
    trpc.analytics.cases.queryOptions(
      { scope, filter: filter ?? { by: 'all' }, page, pageSize: 20 },
      { enabled: filter !== null, placeholderData: keepPreviousData },
    ),
  );
}
