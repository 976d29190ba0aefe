import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferInput, inferOutput } from '@trpc/tanstack-react-query';
import { useTRPC } from '../../../lib/trpc';

type Collection = ReturnType<typeof useTRPC>['collection'];
export type TypesAndPlaces = inferOutput<Collection['types']>;
export type CollectionTypeView = TypesAndPlaces['types'][number];
export type RecordList = inferOutput<Collection['list']>;
export type RecordRow = RecordList['rows'][number];
export type ListInput = inferInput<Collection['list']>;
export type PublicFormView = inferOutput<Collection['publicForm']>;
export type OwnRecords = inferOutput<Collection['ownerRecords']>;
export type ImportBad = inferOutput<Collection['importRows']>['bad'][number];

export function useTypesAndPlaces() {
  const trpc = useTRPC();
  return useQuery(trpc.collection.types.queryOptions());
}

export function useRecords(input: ListInput) {
  const trpc = useTRPC();
  return useQuery(trpc.collection.list.queryOptions(input));
}

export type QrTokenRow = inferOutput<Collection['qrTokens']>[number];

/** The issued QR codes; fetched only while their list is open. */
export function useQrTokens(enabled = true) {
  const trpc = useTRPC();
  return useQuery(trpc.collection.qrTokens.queryOptions(undefined, { enabled }));
}

export function useSetQrActive() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  return useMutation(trpc.collection.setQrActive.mutationOptions({ onSuccess: invalidate }));
}

/** Every change refetches the collection queries (lists, counts, QR codes). */
function useInvalidate() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.collection.pathFilter());
}

export function useCreateRecord() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  return useMutation(trpc.collection.create.mutationOptions({ onSuccess: invalidate }));
}

export function useUpdateRecord() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  return useMutation(trpc.collection.update.mutationOptions({ onSuccess: invalidate }));
}

export function useReviewRecord() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  return useMutation(trpc.collection.review.mutationOptions({ onSuccess: invalidate }));
}

export function useRequestDeregister() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  return useMutation(trpc.collection.requestDeregister.mutationOptions({ onSuccess: invalidate }));
}

export function useDecideDeregister() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  return useMutation(trpc.collection.decideDeregister.mutationOptions({ onSuccess: invalidate }));
}

export function useReveal() {
  const trpc = useTRPC();
  return useMutation(trpc.collection.reveal.mutationOptions());
}

export function useCreateQr() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  return useMutation(trpc.collection.createQr.mutationOptions({ onSuccess: invalidate }));
}

export function useImportParse() {
  const trpc = useTRPC();
  return useMutation(trpc.collection.importParse.mutationOptions());
}

export function useImportRows() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  return useMutation(trpc.collection.importRows.mutationOptions({ onSuccess: invalidate }));
}

export function usePublicForm(token: string) {
  const trpc = useTRPC();
  return useQuery(trpc.collection.publicForm.queryOptions({ token }, { retry: false }));
}

export function usePublicRegister() {
  const trpc = useTRPC();
  return useMutation(trpc.collection.publicRegister.mutationOptions());
}

export function useOwnerRecords() {
  const trpc = useTRPC();
  return useQuery(trpc.collection.ownerRecords.queryOptions());
}

export function useOwnerCodeRequest() {
  const trpc = useTRPC();
  return useMutation(trpc.collection.ownerCodeRequest.mutationOptions());
}

export function useOwnerLogin() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  return useMutation(trpc.collection.ownerLogin.mutationOptions({ onSuccess: invalidate }));
}

export function useOwnerUpdate() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  return useMutation(trpc.collection.ownerUpdate.mutationOptions({ onSuccess: invalidate }));
}

export function useSaveForm() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  return useMutation(trpc.collection.saveForm.mutationOptions({ onSuccess: invalidate }));
}
