import { useSubscription } from '@trpc/tanstack-react-query';
import { useEffect, useRef } from 'react';
import { useTRPC } from '../../../lib/trpc';
import { useInvalidateCases } from './cases';

/** Changes arriving within this window refetch once (a batch dispatch should not refetch 50 times). */
const COALESCE_MS = 300;

/**
 * Keeps open case screens current: listens to `cases.onChange` (server-sent events) and
 * refetches the case queries on screen after each change someone makes.
 */
export function useCaseLiveUpdates() {
  const trpc = useTRPC();
  const invalidate = useInvalidateCases();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return useSubscription(
    trpc.cases.onChange.subscriptionOptions(undefined, {
      onData: () => {
        if (timer.current) return;
        timer.current = setTimeout(() => {
          timer.current = null;
          void invalidate();
        }, COALESCE_MS);
      },
    }),
  );
}
