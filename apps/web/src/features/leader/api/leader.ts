import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferInput, inferOutput } from '@trpc/tanstack-react-query';
import { useTRPC } from '../../../lib/trpc';

type Leader = ReturnType<typeof useTRPC>['leader'];
export type LeaderHome = inferOutput<Leader['home']>;
export type LeaderPart = LeaderHome['parts'][number];
export type LeaderCaseFilter = NonNullable<inferInput<Leader['cases']>['filter']>;
export type LeaderCaseRow = inferOutput<Leader['cases']>['rows'][number];

export function useLeaderHome(areaId: number | undefined) {
  const trpc = useTRPC();
  return useQuery(trpc.leader.home.queryOptions(areaId ? { areaId } : {}, { refetchInterval: 60_000 }));
}

export function useLeaderCases(areaId: number, filter: LeaderCaseFilter, enabled: boolean) {
  const trpc = useTRPC();
  return useQuery(trpc.leader.cases.queryOptions({ areaId, filter }, { enabled }));
}

export function useLeaderCase(id: number) {
  const trpc = useTRPC();
  return useQuery(trpc.cases.byId.queryOptions({ id }));
}

/** 下达督办单 and 领导批示 from the tablet: case actions, through the same transition core as the desk's. */
export function useLeaderAct() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.cases.act.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries(trpc.cases.pathFilter()),
          queryClient.invalidateQueries(trpc.leader.pathFilter()),
        ]),
    }),
  );
}
