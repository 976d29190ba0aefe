import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferOutput } from '@trpc/tanstack-react-query';
import { useNavigate } from 'react-router';
import { useTRPC } from '../trpc';

type MeProcedure = ReturnType<typeof useTRPC>['auth']['me'];
export type MeResult = inferOutput<MeProcedure>;
export type SessionUser = NonNullable<MeResult['user']>;

/** Who is signed in (null when nobody), and why a session ended, if it did. */
export function useMeQuery() {
  const trpc = useTRPC();
  return useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 5 * 60_000 }));
}

export function useLoginMutation() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.auth.login.mutationOptions({
      meta: { isLogin: true },
      onSuccess: (user) => {
        // Nothing cached for a previous user may leak into this session.
        queryClient.clear();
        queryClient.setQueryData(trpc.auth.me.queryKey(), { user, problem: null });
      },
    }),
  );
}

export function useLogout() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const mutation = useMutation(trpc.auth.logout.mutationOptions());
  const signOut = async () => {
    try {
      await mutation.mutateAsync();
    } finally {
      // Leave first: were the session cleared on the protected page, it would send the login
      // page a "come back here" target, and the next person to sign in would land on it.
      navigate('/login', { replace: true });
      queryClient.clear();
      queryClient.setQueryData(trpc.auth.me.queryKey(), { user: null, problem: null });
    }
  };
  return { signOut, pending: mutation.isPending };
}
