import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferOutput } from '@trpc/tanstack-react-query';
import { useTRPC } from '../../../lib/trpc';

type OrgProcedures = ReturnType<typeof useTRPC>['org'];
export type AreaRow = inferOutput<OrgProcedures['areaTree']>[number];
export type AreaChild = inferOutput<OrgProcedures['areaChildren']>[number];
export type DepartmentRow = inferOutput<OrgProcedures['departments']>[number];

export function useAreaTree() {
  const trpc = useTRPC();
  return useQuery(trpc.org.areaTree.queryOptions(undefined, { staleTime: 5 * 60_000 }));
}

/** Loads the children (grids) of one community on demand, cached like any query. */
export function useAreaChildrenLoader() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (parentId: number) => queryClient.fetchQuery(trpc.org.areaChildren.queryOptions({ parentId }));
}

export function useDepartments() {
  const trpc = useTRPC();
  return useQuery(trpc.org.departments.queryOptions());
}

function useInvalidateDepartments() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.org.departments.pathFilter());
}

export function useCreateDepartment() {
  const trpc = useTRPC();
  const invalidate = useInvalidateDepartments();
  return useMutation(trpc.org.createDepartment.mutationOptions({ onSuccess: invalidate }));
}

export function useUpdateDepartment() {
  const trpc = useTRPC();
  const invalidate = useInvalidateDepartments();
  return useMutation(trpc.org.updateDepartment.mutationOptions({ onSuccess: invalidate }));
}

export function useDeleteDepartment() {
  const trpc = useTRPC();
  const invalidate = useInvalidateDepartments();
  return useMutation(trpc.org.deleteDepartment.mutationOptions({ onSuccess: invalidate }));
}
