import { useMutation, useQuery } from '@tanstack/react-query';
import type { inferInput, inferOutput } from '@trpc/tanstack-react-query';
import { useTRPC } from '../../../lib/trpc';
import { useInvalidateCases } from './cases';

type Api = ReturnType<typeof useTRPC>;
export type DispatchAssistance = inferOutput<Api['dispatchAssist']['forCase']>;
export type RuleSuggestion = NonNullable<DispatchAssistance['rule']>;
export type GridMemberOption = DispatchAssistance['gridMembers'][number];
export type SimilarClosedCase = DispatchAssistance['similar'][number];
export type DepartmentRecord = DispatchAssistance['departments'][number];
export type BatchDispatchInput = inferInput<Api['cases']['batchDispatch']>;
export type SubUnitOption = inferOutput<Api['cases']['subUnits']>[number];

/** 派遣助手 for one case: rule suggestion, grid members, similar closed cases, department records. */
export function useDispatchAssistance(caseId: number) {
  const trpc = useTRPC();
  return useQuery(trpc.dispatchAssist.forCase.queryOptions({ caseId }, { staleTime: 60_000 }));
}

/** 批量派遣: every list, queue count and detail refreshes afterwards, whatever the outcome. */
export function useBatchDispatch() {
  const trpc = useTRPC();
  const invalidate = useInvalidateCases();
  return useMutation(trpc.cases.batchDispatch.mutationOptions({ onSettled: invalidate }));
}

/** 二级派遣 targets: the units below the case's lead department. */
export function useSubUnits(caseId: number) {
  const trpc = useTRPC();
  return useQuery(trpc.cases.subUnits.queryOptions({ caseId }, { staleTime: 60_000 }));
}
