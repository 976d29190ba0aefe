import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferInput, inferOutput } from '@trpc/tanstack-react-query';
import { useSession } from '../../../lib/session/session-context';
import { useTRPC, useTRPCClient } from '../../../lib/trpc';
import { REQUEST_TIMEOUT_MS } from '../lib/send-failure';

type Cases = ReturnType<typeof useTRPC>['cases'];
export type CaseListResult = inferOutput<Cases['list']>;
export type CaseListRow = CaseListResult['rows'][number];
export type CaseDetail = inferOutput<Cases['byId']>;
export type CaseActionInput = inferInput<Cases['act']>;
export type ReportCaseInput = inferInput<Cases['report']>;
export type ActionAvailability = CaseDetail['actions'][number];

/** The to-do queues worked on the street: a collector's site tasks, a department's cases. */
export const STREET_QUEUE_KEYS = ['verifyTasks', 'checkTasks', 'toTakeUp', 'handling', 'assistFeedback'] as const;
export type StreetQueueKey = (typeof STREET_QUEUE_KEYS)[number];

function isStreetQueue(key: string): key is StreetQueueKey {
  return (STREET_QUEUE_KEYS as readonly string[]).includes(key);
}

/** The street queues this user works, with live counts. */
export function useStreetQueues() {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.cases.queues.queryOptions(undefined, { staleTime: 15_000 }),
    select: (queues) =>
      queues.flatMap((q) =>
        isStreetQueue(q.key) ? [{ key: q.key, label: q.label, count: q.count, more: q.more }] : [],
      ),
  });
}

/**
 * One queue's cases, soonest deadline first. Collectors hold no case.view, so their
 * tasks come through cases.mine (same filters, their own scope); others use cases.list.
 */
export function useQueueCases(queue: StreetQueueKey | null) {
  const trpc = useTRPC();
  const { can } = useSession();
  const input = { queue: queue ?? undefined, sort: 'deadline.asc' as const, pageSize: 100 };
  const viaList = can('case.view');
  const list = useQuery({ ...trpc.cases.list.queryOptions(input), enabled: queue !== null && viaList });
  const mine = useQuery({ ...trpc.cases.mine.queryOptions(input), enabled: queue !== null && !viaList });
  return viaList ? list : mine;
}

/** 我的上报: the reporter's cases, newest first. */
export function useMyReports(pageSize: number) {
  const trpc = useTRPC();
  return useQuery(trpc.cases.mine.queryOptions({ pageSize }));
}

export function useCaseDetail(id: number) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.cases.byId.queryOptions({ id }), enabled: Number.isInteger(id) && id > 0 });
}

/** 二级派遣 targets: the units below the case's lead department. */
export function useSubUnits(caseId: number, enabled: boolean) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.cases.subUnits.queryOptions({ caseId }, { staleTime: 60_000 }), enabled });
}

export function useCategorySearch(kind: 'event' | 'component', q: string) {
  const trpc = useTRPC();
  return useQuery(trpc.catalogue.list.queryOptions({ kind, q: q.trim() || undefined }, { staleTime: 10 * 60_000 }));
}

/** Mutations go through the client directly so each carries a timeout signal. */
function timeoutSignal(): AbortSignal {
  return AbortSignal.timeout(REQUEST_TIMEOUT_MS);
}

export function useReportCase() {
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReportCaseInput) => client.cases.report.mutate(input, { signal: timeoutSignal() }),
    onSuccess: () => queryClient.invalidateQueries(trpc.cases.pathFilter()),
  });
}

export function useCaseAction() {
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CaseActionInput) => client.cases.act.mutate(input, { signal: timeoutSignal() }),
    onSettled: () => queryClient.invalidateQueries(trpc.cases.pathFilter()),
  });
}

/** 提醒: 返工 / 督办 / 催办 on the department's cases (handlers only), refreshed every minute. */
export function useCaseNotices() {
  const trpc = useTRPC();
  const { can } = useSession();
  return useQuery({
    ...trpc.cases.notices.queryOptions(undefined, { refetchInterval: 60_000 }),
    enabled: can('case.handle'),
  });
}
export type CaseNotice = inferOutput<Cases['notices']>[number];
