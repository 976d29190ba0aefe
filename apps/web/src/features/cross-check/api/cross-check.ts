import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferInput, inferOutput } from '@trpc/tanstack-react-query';
import { useTRPC } from '../../../lib/trpc';

type CrossCheck = ReturnType<typeof useTRPC>['crossCheck'];
export type PlanList = inferOutput<CrossCheck['plans']>;
export type Plan = PlanList['plans'][number];
export type SampleRow = inferOutput<CrossCheck['samples']>[number];
export type SamplesInput = inferInput<CrossCheck['samples']>;
export type SampleDetail = inferOutput<CrossCheck['sample']>;
export type Statistics = inferOutput<CrossCheck['statistics']>;
export type StatisticsRow = Statistics['byCounty'][number];
export type LibraryRow = inferOutput<CrossCheck['library']>[number];
export type LibraryInput = inferInput<CrossCheck['library']>;
export type CrossCheckSettingsView = inferOutput<CrossCheck['settings']>;
export type CreatePlanInput = inferInput<CrossCheck['createPlan']>;
export type ReviewInput = inferInput<CrossCheck['review']>;
export type SaveSettingsInput = inferInput<CrossCheck['saveSettings']>;

export function usePlans(month: string) {
  const trpc = useTRPC();
  return useQuery(trpc.crossCheck.plans.queryOptions({ month }));
}

export function useSamples(input: SamplesInput) {
  const trpc = useTRPC();
  return useQuery(trpc.crossCheck.samples.queryOptions(input));
}

export function useSample(id: number) {
  const trpc = useTRPC();
  return useQuery(trpc.crossCheck.sample.queryOptions({ id }, { enabled: id > 0 }));
}

export function useStatistics(month: string) {
  const trpc = useTRPC();
  return useQuery(trpc.crossCheck.statistics.queryOptions({ month }));
}

export function useLibrary(input: LibraryInput) {
  const trpc = useTRPC();
  return useQuery(trpc.crossCheck.library.queryOptions(input));
}

export function useCrossCheckSettings() {
  const trpc = useTRPC();
  return useQuery(trpc.crossCheck.settings.queryOptions());
}

/** A verdict changes the samples, the statistics and the evaluation: all are refetched. */
function useInvalidate() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.crossCheck.pathFilter()),
      queryClient.invalidateQueries(trpc.evaluation.pathFilter()),
    ]);
}

export function useCreatePlan() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  return useMutation(trpc.crossCheck.createPlan.mutationOptions({ onSuccess: invalidate }));
}

export function useReviewSample() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  return useMutation(trpc.crossCheck.review.mutationOptions({ onSuccess: invalidate }));
}

export function useMarkSample() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  return useMutation(trpc.crossCheck.mark.mutationOptions({ onSuccess: invalidate }));
}

export function useSaveCrossCheckSettings() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  return useMutation(trpc.crossCheck.saveSettings.mutationOptions({ onSuccess: invalidate }));
}
