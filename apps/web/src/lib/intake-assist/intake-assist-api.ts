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
/** Suggestions after the best one are offered only from this score up (the rest is noise). */
const SUGGEST_MIN_SCORE = 0.05;

/** The value once it has stopped changing for `delay` ms. */
export function useDebounced<T>(value: T, delay = DEBOUNCE_MS): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

/** 建议分类: up to three categories for the description as typed (needs case.report). */
export function useCategorySuggestions(description: string, kind?: 'event' | 'component') {
  const trpc = useTRPC();
  const { can } = useSession();
  const text = useDebounced(description.trim().slice(0, 2000));
  const enabled = can('case.report') && text.length >= SUGGEST_MIN_CHARS;
  const query = useQuery({
    ...trpc.intake.suggestCategories.queryOptions(
      { text: enabled ? text : '-', limit: 3, ...(kind ? { kind } : {}) },
      { staleTime: 5 * 60_000, placeholderData: keepPreviousData },
    ),
    enabled,
  });
  const suggestions = enabled ? (query.data ?? []).filter((s, i) => i === 0 || s.score >= SUGGEST_MIN_SCORE) : [];
  return { suggestions, loading: enabled && query.isFetching };
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
