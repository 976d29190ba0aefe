import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferInput, inferOutput } from '@trpc/tanstack-react-query';
import { useTRPC } from '../../../lib/trpc';

type Evaluation = ReturnType<typeof useTRPC>['evaluation'];
export type EvaluationTarget = inferInput<Evaluation['view']>;
export type EvaluationView = inferOutput<Evaluation['view']>;
export type EvaluationRow = EvaluationView['rows'][number];
export type EvaluationCases = inferOutput<Evaluation['cases']>;
export type EvaluationTrend = inferOutput<Evaluation['trend']>;
export type IndicatorTable = inferOutput<Evaluation['indicators']>;
export type IndicatorRowInput = inferInput<Evaluation['saveIndicators']>['indicators'][number];

export function useEvaluationView(target: EvaluationTarget) {
  const trpc = useTRPC();
  return useQuery(trpc.evaluation.view.queryOptions(target));
}

export function useEvaluationCases(input: inferInput<Evaluation['cases']> | null) {
  const trpc = useTRPC();
  return useQuery(
    trpc.evaluation.cases.queryOptions(input ?? { ...PLACEHOLDER, subject: 1 }, { enabled: input !== null }),
  );
}

export function useEvaluationTrend(target: EvaluationTarget, enabled: boolean) {
  const trpc = useTRPC();
  return useQuery(trpc.evaluation.trend.queryOptions({ ...target, periods: 6 }, { enabled }));
}

export function useIndicatorTable(subjectKind: EvaluationTarget['subjectKind']) {
  const trpc = useTRPC();
  return useQuery(trpc.evaluation.indicators.queryOptions({ subjectKind }));
}

function useInvalidateEvaluation() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.evaluation.pathFilter());
}

export function usePublishEvaluation() {
  const trpc = useTRPC();
  const onSuccess = useInvalidateEvaluation();
  return useMutation(trpc.evaluation.publish.mutationOptions({ onSuccess }));
}

export function useRecalculateEvaluation() {
  const trpc = useTRPC();
  const onSuccess = useInvalidateEvaluation();
  return useMutation(trpc.evaluation.recalculate.mutationOptions({ onSuccess }));
}

export function useSaveIndicators() {
  const trpc = useTRPC();
  const onSuccess = useInvalidateEvaluation();
  return useMutation(trpc.evaluation.saveIndicators.mutationOptions({ onSuccess }));
}

export function useResetIndicators() {
  const trpc = useTRPC();
  const onSuccess = useInvalidateEvaluation();
  return useMutation(trpc.evaluation.resetIndicators.mutationOptions({ onSuccess }));
}

const PLACEHOLDER: EvaluationTarget = { period: { kind: 'year', year: 2026 }, subjectKind: 'area' };
