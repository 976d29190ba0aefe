import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferInput, inferOutput } from '@trpc/tanstack-react-query';
import { useTRPC } from '../../../lib/trpc';

type Catalogue = ReturnType<typeof useTRPC>['catalogue'];
export type CategoryListInput = inferInput<Catalogue['list']>;
export type CategoryRow = inferOutput<Catalogue['list']>[number];
export type CategoryKind = CategoryRow['kind'];
export type CategoryKey = { kind: CategoryKind; code: string };
export type TimeLimitRow = inferOutput<Catalogue['timeLimits']>[number];
export type SetTimeLimitInput = inferInput<Catalogue['setTimeLimit']>;

export function useCategories(input: CategoryListInput) {
  const trpc = useTRPC();
  return useQuery(trpc.catalogue.list.queryOptions(input, { placeholderData: (previous) => previous }));
}

export function useMajors() {
  const trpc = useTRPC();
  return useQuery(trpc.catalogue.majors.queryOptions(undefined, { staleTime: 10 * 60_000 }));
}

export function useTimeLimits(key: CategoryKey | null) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.catalogue.timeLimits.queryOptions(key ?? { kind: 'event', code: '00000' }),
    enabled: key !== null,
  });
}

export function useUpdateCategory() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.catalogue.update.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.catalogue.list.pathFilter()),
    }),
  );
}

export function useSetTimeLimit() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.catalogue.setTimeLimit.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.catalogue.timeLimits.pathFilter()),
    }),
  );
}
