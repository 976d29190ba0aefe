import { useQuery } from '@tanstack/react-query';
import type { inferOutput } from '@trpc/tanstack-react-query';
import { useTRPC } from '../../../lib/trpc';

type Api = ReturnType<typeof useTRPC>;
export type CategoryOption = inferOutput<Api['catalogue']['list']>[number];
export type CategoryMajor = inferOutput<Api['catalogue']['majors']>[number];
export type DepartmentOption = inferOutput<Api['cases']['dispatchTargets']>[number];
export type AreaOption = inferOutput<Api['org']['areaTree']>[number];

const LONG = 10 * 60_000;

/** The whole catalogue (~400 rows) for the category filter; the same cache the catalogue page uses. */
export function useCategoryCatalogue() {
  const trpc = useTRPC();
  const majors = useQuery(trpc.catalogue.majors.queryOptions(undefined, { staleTime: LONG }));
  const minors = useQuery(trpc.catalogue.list.queryOptions({}, { staleTime: LONG }));
  return { majors: majors.data ?? [], minors: minors.data ?? [], loading: majors.isPending || minors.isPending };
}

/** Departments a dispatcher can send to: their area's and the city-level ones above it. */
export function useDepartmentOptions(enabled: boolean) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.cases.dispatchTargets.queryOptions(undefined, { staleTime: LONG }), enabled });
}

/** Collectors who can take this case's verify or check task, the grid's own first. */
export function useCollectorOptions(caseId: number) {
  const trpc = useTRPC();
  return useQuery(trpc.cases.collectorsFor.queryOptions({ caseId }, { staleTime: LONG }));
}

/** Area tree for the area filter; only for roles with org.view. */
export function useAreaOptions(enabled: boolean) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.org.areaTree.queryOptions(undefined, { staleTime: LONG }), enabled });
}
