import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferOutput } from '@trpc/tanstack-react-query';
import { useTRPC } from '../../../lib/trpc';

type Integrations = ReturnType<typeof useTRPC>['integrations'];
export type IntegrationRow = inferOutput<Integrations['overview']>[number];
export type DeadLetterRow = inferOutput<Integrations['deadLetters']>[number];

/** Health and outbox figures of every outside system, refreshed every 10 s. */
export function useIntegrationOverview() {
  const trpc = useTRPC();
  return useQuery(trpc.integrations.overview.queryOptions(undefined, { refetchInterval: 10_000 }));
}

export function useDeadLetters() {
  const trpc = useTRPC();
  return useQuery(trpc.integrations.deadLetters.queryOptions(undefined, { refetchInterval: 10_000 }));
}

export function useReplayDeadLetter() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.integrations.replay.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.integrations.pathFilter()),
    }),
  );
}
