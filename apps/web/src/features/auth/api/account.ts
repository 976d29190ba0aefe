import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferOutput } from '@trpc/tanstack-react-query';
import { useTRPC } from '../../../lib/trpc';

export type OwnSession = inferOutput<ReturnType<typeof useTRPC>['auth']['sessions']>[number];

/** 修改密码; the server ends the user's other sessions, so their list is stale afterwards. */
export function useChangePassword() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.auth.sessions.pathFilter()),
    }),
  );
}

/** The signed-in user's open sessions (登录设备). */
export function useOwnSessions(enabled: boolean) {
  const trpc = useTRPC();
  return useQuery(trpc.auth.sessions.queryOptions(undefined, { enabled }));
}

export function useEndSession() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.auth.endSession.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.auth.sessions.pathFilter()),
    }),
  );
}
