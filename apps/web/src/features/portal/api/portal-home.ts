import { useQuery } from '@tanstack/react-query';
import type { inferOutput } from '@trpc/tanstack-react-query';
import { useTRPC } from '../../../lib/trpc';

export type PortalHome = inferOutput<ReturnType<typeof useTRPC>['portal']['home']>;
export type PortalTheme = PortalHome['themes'][number];
export type PortalTodo = PortalHome['todos'][number];

export function usePortalHome() {
  const trpc = useTRPC();
  return useQuery(trpc.portal.home.queryOptions());
}
