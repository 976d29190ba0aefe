import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferOutput } from '@trpc/tanstack-react-query';
import { useSession } from '../../../lib/session/session-context';
import { useTRPC } from '../../../lib/trpc';

type Duplicates = ReturnType<typeof useTRPC>['duplicates'];
export type ThresholdsView = inferOutput<Duplicates['thresholds']>;
export type SuspectPair = inferOutput<Duplicates['list']>['rows'][number];
export type PairCase = SuspectPair['left'];

/** 判重阈值 in force (rules.manage). */
export function useDuplicateThresholds() {
  const trpc = useTRPC();
  return useQuery(trpc.duplicates.thresholds.queryOptions());
}

export function useSetDuplicateThresholds() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.duplicates.setThresholds.mutationOptions({
      onSuccess: (saved) => queryClient.setQueryData(trpc.duplicates.thresholds.queryKey(), saved),
    }),
  );
}

/** 疑似重复 pairs the shift lead may settle, newest first. */
export function useSuspectPairs() {
  const trpc = useTRPC();
  return useQuery(trpc.duplicates.list.queryOptions(undefined, { staleTime: 10_000 }));
}

/** How many pairs wait: the desk's badge (only for roles that merge). */
export function useSuspectCount() {
  const trpc = useTRPC();
  const { can } = useSession();
  return useQuery({
    ...trpc.duplicates.count.queryOptions(undefined, { staleTime: 30_000 }),
    enabled: can('case.file'),
  });
}

/** After a pair is settled: the queue, the badge and every case view. */
function useInvalidateDuplicates() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.duplicates.pathFilter()),
      queryClient.invalidateQueries(trpc.cases.pathFilter()),
    ]);
}

export function useDismissPair() {
  const trpc = useTRPC();
  const invalidate = useInvalidateDuplicates();
  return useMutation(trpc.duplicates.dismiss.mutationOptions({ onSettled: invalidate }));
}

/** 并案 from the comparison: the case action `merge` on the case that joins the other. */
export function useMergePair() {
  const trpc = useTRPC();
  const invalidate = useInvalidateDuplicates();
  return useMutation(trpc.cases.act.mutationOptions({ onSettled: invalidate }));
}
