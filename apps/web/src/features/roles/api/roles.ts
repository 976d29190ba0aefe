import { useQuery } from '@tanstack/react-query';
import type { inferOutput } from '@trpc/tanstack-react-query';
import { useTRPC } from '../../../lib/trpc';

export type RoleMatrix = inferOutput<ReturnType<typeof useTRPC>['roles']['list']>;

export function useRoleMatrix() {
  const trpc = useTRPC();
  return useQuery(trpc.roles.list.queryOptions(undefined, { staleTime: Number.POSITIVE_INFINITY }));
}
