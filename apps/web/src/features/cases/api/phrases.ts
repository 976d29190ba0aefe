import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

/** 习惯语: the signed-in user's own phrases, kept on the server (phrases.*). */
export function usePhrases() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.phrases.list.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const refresh = () => queryClient.invalidateQueries(trpc.phrases.list.pathFilter());
  const add = useMutation(trpc.phrases.add.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.phrases.remove.mutationOptions({ onSuccess: refresh }));
  return { phrases: list.data ?? [], loading: list.isPending, add, remove };
}
