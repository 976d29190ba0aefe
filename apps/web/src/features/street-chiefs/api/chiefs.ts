import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@citygov/domain/request-origin';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferInput, inferOutput } from '@trpc/tanstack-react-query';
import { httpErrorMessage } from '../../../lib/http-error-body';
import { useTRPC, useTRPCClient } from '../../../lib/trpc';

type Api = ReturnType<typeof useTRPC>;
export type ChiefQueueItem = inferOutput<Api['cases']['chiefQueue']>[number];
export type ChiefCaseDetail = inferOutput<Api['cases']['byId']>;
export type ChiefActionInput = inferInput<Api['cases']['act']>;
export type Delegation = inferOutput<Api['streetChiefs']['delegations']>[number];
export type DelegateInput = inferInput<Api['streetChiefs']['delegate']>;

/** 街长制 queue: the chief's street-governance cases with the chief actions open to them. */
export function useChiefQueue() {
  const trpc = useTRPC();
  return useQuery(trpc.cases.chiefQueue.queryOptions(undefined, { staleTime: 10_000, refetchInterval: 30_000 }));
}

export function useChiefCase(id: number) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.cases.byId.queryOptions({ id }), enabled: Number.isInteger(id) && id > 0 });
}

export function useChiefAction() {
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChiefActionInput) => client.cases.act.mutate(input),
    onSettled: () => queryClient.invalidateQueries(trpc.cases.pathFilter()),
  });
}

export function useMyPosts() {
  const trpc = useTRPC();
  return useQuery(trpc.streetChiefs.myPosts.queryOptions(undefined, { staleTime: 60_000 }));
}

export function useDelegateCandidates() {
  const trpc = useTRPC();
  return useQuery(trpc.streetChiefs.delegateCandidates.queryOptions(undefined, { staleTime: 60_000 }));
}

/** The 交接班 log; refetched each minute, since windows start and end by themselves. */
export function useDelegations() {
  const trpc = useTRPC();
  return useQuery(trpc.streetChiefs.delegations.queryOptions(undefined, { refetchInterval: 60_000 }));
}

export function useDelegate() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation({
    ...trpc.streetChiefs.delegate.mutationOptions(),
    onSuccess: () => queryClient.invalidateQueries(trpc.streetChiefs.pathFilter()),
  });
}

export function useEndDelegation() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation({
    ...trpc.streetChiefs.endDelegation.mutationOptions(),
    onSuccess: () => queryClient.invalidateQueries(trpc.streetChiefs.pathFilter()),
  });
}

/** One photo to /api/attachments (purpose 反馈); the action that uses it links it to the case. */
export async function uploadChiefPhoto(file: File): Promise<{ id: number; thumbUrl: string | null }> {
  const form = new FormData();
  form.append('purpose', 'feedback');
  form.append('file', file, file.name);
  const response = await fetch('/api/attachments', {
    method: 'POST',
    body: form,
    headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE },
  });
  const text = await response.text();
  if (!response.ok) throw new Error(httpErrorMessage(text) ?? `照片上传失败（${response.status}）`);
  const body = JSON.parse(text) as { id: number; thumbUrl?: string };
  return { id: body.id, thumbUrl: body.thumbUrl ?? null };
}
