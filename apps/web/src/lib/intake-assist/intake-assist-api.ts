import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { inferInput, inferOutput } from '@trpc/tanstack-react-query';
import { useEffect, useState } from 'react';
import { useSession } from '../session/session-context';
import { useTRPC } from '../trpc';

type Intake = ReturnType<typeof useTRPC>['intake'];
export type CategorySuggestion = inferOutput<Intake['suggestCategories']>[number];
export type DuplicateCandidate = inferOutput<Intake['findDuplicates']>[number];
export type DuplicateCheckInput = inferInput<Intake['findDuplicates']>;

/** Shortest description (after trimming) worth asking for category suggestions. */
export const SUGGEST_MIN_CHARS = 4;
const DEBOUNCE_MS = 400;

/** The value once it has stopped changing for `delay` ms. */
export function useDebounced<T>(value: T, delay = DEBOUNCE_MS): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

/**
 * 建议分类: the three best categories for the description (and the address's place words)
 * as typed, each with its calibrated confidence — all three, however unsure (needs case.report).
 */
export function useCategorySuggestions(description: string, address?: string, kind?: 'event' | 'component') {
  const trpc = useTRPC();
  const { can } = useSession();
  const settled = useDebounced(
    JSON.stringify([description.trim().slice(0, 2000), address?.trim().slice(0, 200) ?? '']),
  );
  const [text, place] = JSON.parse(settled) as [string, string];
  const enabled = can('case.report') && text.length >= SUGGEST_MIN_CHARS;
  const query = useQuery({
    ...trpc.intake.suggestCategories.queryOptions(
      { text: enabled ? text : '-', limit: 3, ...(place ? { address: place } : {}), ...(kind ? { kind } : {}) },
      { staleTime: 5 * 60_000, placeholderData: keepPreviousData },
    ),
    enabled,
  });
  const suggestions = enabled ? (query.data ?? []) : [];
  return { suggestions, loading: enabled && query.isFetching };
}

/**
 * What the report tells the model about the suggestions shown (the model version and the
 * list, best first): a category chosen other than the first teaches it at once.
 */
export function suggestionFeedback(suggestions: readonly CategorySuggestion[]) {
  const first = suggestions[0];
  if (!first) return undefined;
  return {
    modelVersion: first.modelVersion,
    categories: suggestions.map(({ kind, code, score }) => ({ kind, code, score })),
  };
}

/**
 * 智能判重 before submit: once location, category and description are set, the open and
 * recent cases nearby that may be the same problem (only 'merge' and 'review' are kept).
 */
export function useDuplicateCheck(input: DuplicateCheckInput | null) {
  const trpc = useTRPC();
  const { can } = useSession();
  const settled = useDebounced(input ? JSON.stringify(input) : null);
  const parsed: DuplicateCheckInput | null = settled ? (JSON.parse(settled) as DuplicateCheckInput) : null;
  const enabled = can('case.report') && parsed !== null;
  const query = useQuery({
    ...trpc.intake.findDuplicates.queryOptions(
      parsed ?? { kind: 'event', categoryCode: '00000', lng: 0, lat: 0, description: '' },
      { staleTime: 30_000 },
    ),
    enabled,
  });
  const candidates = enabled ? (query.data ?? []).filter((c) => c.decision === 'merge' || c.decision === 'review') : [];
  return { candidates, key: enabled ? settled : null };
}
