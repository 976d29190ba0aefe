import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferInput, inferOutput } from '@trpc/tanstack-react-query';
import { useTRPC } from '../../../lib/trpc';

type Supervision = ReturnType<typeof useTRPC>['supervision'];
export type SupervisionOrder = inferOutput<Supervision['orders']>[number];
export type OrdersFilter = NonNullable<inferInput<Supervision['orders']>['filter']>;

export function useSupervisionOrders(filter: OrdersFilter, caseId?: number) {
  const trpc = useTRPC();
  return useQuery(
    trpc.supervision.orders.queryOptions({ filter, ...(caseId ? { caseId } : {}) }, { refetchInterval: 60_000 }),
  );
}

export function useReplyDepartmentOrder() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.supervision.replyDepartmentOrder.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.supervision.pathFilter()),
    }),
  );
}
