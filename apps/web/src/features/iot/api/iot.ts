import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferOutput } from '@trpc/tanstack-react-query';
import { useTRPC } from '../../../lib/trpc';

type Iot = ReturnType<typeof useTRPC>['iot'];
export type IotDevice = inferOutput<Iot['devices']>[number];
export type CaseSensor = NonNullable<inferOutput<Iot['caseSensor']>>;

/** 实时数据: the registry with last values, refreshed every 10 s. */
export function useIotDevices() {
  const trpc = useTRPC();
  return useQuery(trpc.iot.devices.queryOptions(undefined, { refetchInterval: 10_000 }));
}

export function useIotReadings(id: number | null, hours = 24) {
  const trpc = useTRPC();
  return useQuery(
    trpc.iot.readings.queryOptions({ id: id ?? 1, hours }, { enabled: id !== null, refetchInterval: 15_000 }),
  );
}

export function useCaseSensor(caseId: number, enabled: boolean) {
  const trpc = useTRPC();
  return useQuery(trpc.iot.caseSensor.queryOptions({ caseId }, { enabled }));
}

export function useUpdateIotDevice() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.iot.update.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.iot.pathFilter()) }),
  );
}
