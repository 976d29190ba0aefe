import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferInput, inferOutput } from '@trpc/tanstack-react-query';
import { useTRPC } from '../../../lib/trpc';

type Cases = ReturnType<typeof useTRPC>['cases'];
export type CaseListInput = inferInput<Cases['list']>;
export type CaseListResult = inferOutput<Cases['list']>;
export type CaseRow = CaseListResult['rows'][number];
export type CaseDetail = inferOutput<Cases['byId']>;
export type CaseRecord = CaseDetail['case'];
export type CaseTimelineEntry = CaseDetail['timeline'][number];
export type CaseAttachment = CaseDetail['attachments'][number];
export type CaseActionOption = CaseDetail['actions'][number];
export type CaseActionInput = inferInput<Cases['act']>;
export type CaseQueueCount = inferOutput<Cases['queues']>[number];
export type DeadlineLevel = CaseRow['deadlineLevel'];

export function useCaseList(input: CaseListInput) {
  const trpc = useTRPC();
  return useQuery(trpc.cases.list.queryOptions(input, { placeholderData: keepPreviousData, staleTime: 10_000 }));
}

export function useCaseDetail(id: number) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.cases.byId.queryOptions({ id }, { staleTime: 5_000 }), enabled: id > 0 });
}

/** To-do queues with live counts (refreshed by the live-update subscription). */
export function useCaseQueues(enabled = true) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.cases.queues.queryOptions(undefined, { staleTime: 15_000 }), enabled });
}

/** Every case query (lists, details, queues) at once: after an action or a live change. */
export function useInvalidateCases() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.cases.pathFilter());
}

export function useCaseAction() {
  const trpc = useTRPC();
  const invalidate = useInvalidateCases();
  return useMutation(trpc.cases.act.mutationOptions({ onSettled: invalidate }));
}

/** 备注 moves nothing and publishes no live change, so refresh this screen's case queries here. */
export function useAddRemark() {
  const trpc = useTRPC();
  const invalidate = useInvalidateCases();
  return useMutation(trpc.cases.addRemark.mutationOptions({ onSuccess: invalidate }));
}

/** The reporter's full number for holders of 查看完整个人信息; each call is logged on the server. */
export function useRevealReporterPhone() {
  const trpc = useTRPC();
  return useMutation(trpc.cases.revealReporterPhone.mutationOptions());
}
