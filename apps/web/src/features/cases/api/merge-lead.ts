import { useQuery } from '@tanstack/react-query';
import type { inferOutput } from '@trpc/tanstack-react-query';
import { useTRPC } from '../../../lib/trpc';

export type MergeLeadPreview = inferOutput<ReturnType<typeof useTRPC>['duplicates']['leadPreview']>;

/** 并案: the lead typed by number, checked by the server as the merge will be (null: nothing asked yet). */
export function useMergeLeadPreview(caseId: number, caseNo: string | null) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.duplicates.leadPreview.queryOptions({ caseId, caseNo: caseNo ?? '' }, { retry: false, staleTime: 10_000 }),
    enabled: caseNo !== null,
  });
}
