import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferInput, inferOutput } from '@trpc/tanstack-react-query';
import { useTRPC } from '../../../lib/trpc';

type Enforcement = ReturnType<typeof useTRPC>['enforcement'];
export type LookupInput = inferInput<Enforcement['lookup']>;
export type Subject = inferOutput<Enforcement['lookup']>[number];
export type SubjectCase = inferOutput<Enforcement['subjectCases']>[number];
export type CaseEnforcement = inferOutput<Enforcement['caseView']>;

export function useSubjectLookup(input: LookupInput | null) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.enforcement.lookup.queryOptions(input ?? { kind: null, q: '' }),
    enabled: input !== null,
    retry: false,
  });
}

/**
 * One subject's current record by its id: the enforcement system's lookup answers an id as it
 * answers a name (as 关联当事人 reads it), and the exact hit is picked out.
 */
export function useSubject(subjectId: string | null) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.enforcement.lookup.queryOptions({ kind: null, q: subjectId ?? '' }),
    enabled: subjectId !== null,
    retry: false,
    select: (subjects) => subjects.find((s) => s.subjectId === subjectId) ?? null,
  });
}

export function useSubjectCases(subjectId: string | null) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.enforcement.subjectCases.queryOptions({ subjectId: subjectId ?? '' }),
    enabled: subjectId !== null,
  });
}

export function useCaseEnforcement(caseId: number) {
  const trpc = useTRPC();
  // While the 案源 is on its way (or its 立案 feedback is awaited) the section looks again now and then.
  return useQuery({
    ...trpc.enforcement.caseView.queryOptions({ caseId }),
    refetchInterval: (query) => {
      const data = query.state.data;
      const status = data?.push?.status;
      const waiting =
        status === 'pending' || status === 'sending' || (status === 'sent' && data?.feedback.length === 0);
      return waiting ? 2_000 : false;
    },
  });
}

/** After a link, unlink or push: the case's section, the subject lists and the case's timeline. */
function useRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.enforcement.pathFilter()),
      queryClient.invalidateQueries(trpc.cases.pathFilter()),
    ]);
}

export function useLinkSubject() {
  const trpc = useTRPC();
  const refresh = useRefresh();
  return useMutation(trpc.enforcement.link.mutationOptions({ onSuccess: refresh }));
}

export function useUnlinkSubject() {
  const trpc = useTRPC();
  const refresh = useRefresh();
  return useMutation(trpc.enforcement.unlink.mutationOptions({ onSuccess: refresh }));
}

export function usePushCaseSource() {
  const trpc = useTRPC();
  const refresh = useRefresh();
  return useMutation(trpc.enforcement.push.mutationOptions({ onSuccess: refresh }));
}
