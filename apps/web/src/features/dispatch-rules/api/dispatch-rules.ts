import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferInput, inferOutput } from '@trpc/tanstack-react-query';
import { useTRPC } from '../../../lib/trpc';

type Rules = ReturnType<typeof useTRPC>['dispatchRules'];
export type DispatchRuleRow = inferOutput<Rules['list']>[number];
export type DispatchRuleOptions = inferOutput<Rules['options']>;
export type RuleArea = DispatchRuleOptions['areas'][number];
export type RuleDepartment = DispatchRuleOptions['departments'][number];
export type CreateDispatchRuleInput = inferInput<Rules['create']>;
export type UpdateDispatchRuleInput = inferInput<Rules['update']>;
export type PreviewInput = inferInput<Rules['preview']>;
export type PreviewResult = inferOutput<Rules['preview']>;

const LONG = 10 * 60_000;

export function useDispatchRules() {
  const trpc = useTRPC();
  return useQuery(trpc.dispatchRules.list.queryOptions());
}

/** The caller's area tree and the departments a rule may name. */
export function useDispatchRuleOptions() {
  const trpc = useTRPC();
  return useQuery(trpc.dispatchRules.options.queryOptions(undefined, { staleTime: LONG }));
}

/** 部件/事件 → 大类 → 小类; the same cache entries as the catalogue page. */
export function useRuleCatalogue() {
  const trpc = useTRPC();
  const majors = useQuery(trpc.catalogue.majors.queryOptions(undefined, { staleTime: LONG }));
  const minors = useQuery(trpc.catalogue.list.queryOptions({}, { staleTime: LONG }));
  return { majors: majors.data ?? [], minors: minors.data ?? [], loading: majors.isPending || minors.isPending };
}

/** Runs only once a category is chosen; keeps the last answer on screen while the next loads. */
export function useDispatchRulePreview(input: PreviewInput | null) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.dispatchRules.preview.queryOptions(input ?? { kind: 'event', majorCode: '00', urgency: 'normal' }),
    enabled: input !== null,
    placeholderData: keepPreviousData,
  });
}

/** A rule change alters the list and every preview. */
function useInvalidateRules() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.dispatchRules.pathFilter());
}

export function useCreateDispatchRule() {
  const trpc = useTRPC();
  const onSuccess = useInvalidateRules();
  return useMutation(trpc.dispatchRules.create.mutationOptions({ onSuccess }));
}

export function useUpdateDispatchRule() {
  const trpc = useTRPC();
  const onSuccess = useInvalidateRules();
  return useMutation(trpc.dispatchRules.update.mutationOptions({ onSuccess }));
}

export function useRemoveDispatchRule() {
  const trpc = useTRPC();
  const onSuccess = useInvalidateRules();
  return useMutation(trpc.dispatchRules.remove.mutationOptions({ onSuccess }));
}
