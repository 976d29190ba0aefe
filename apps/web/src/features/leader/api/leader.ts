import { LEADER_CASES_PAGE, type LeaderCaseFilter } from '@citygov/domain/supervision/leader-cards';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferOutput } from '@trpc/tanstack-react-query';
import { useTRPC } from '../../../lib/trpc';

type Leader = ReturnType<typeof useTRPC>['leader'];
export type LeaderHome = inferOutput<Leader['home']>;
export type LeaderPart = LeaderHome['parts'][number];
export type { LeaderCaseFilter };
export type LeaderCaseRow = inferOutput<Leader['cases']>['rows'][number];

export function useLeaderHome(areaId: number | undefined) {
  const trpc = useTRPC();
  return useQuery(trpc.leader.home.queryOptions(areaId ? { areaId } : {}, { refetchInterval: 60_000 }));
}

/**
 * One area's cards. A grown limit (加载更多, same area and filter) keeps the cards shown
 * until the longer list arrives; a first page never shows another list's cards meanwhile.
 */
export function useLeaderCases(areaId: number, filter: LeaderCaseFilter, limit: number) {
  const trpc = useTRPC();
  const grown = limit > LEADER_CASES_PAGE;
  return useQuery(
    trpc.leader.cases.queryOptions(
      { areaId, filter, limit },
      { placeholderData: grown ? keepPreviousData : undefined },
    ),
  );
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
