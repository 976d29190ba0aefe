import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferOutput } from '@trpc/tanstack-react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useCallback, useEffect, useRef } from 'react';
import { useTRPC } from '../../../lib/trpc';

type Wall = ReturnType<typeof useTRPC>['wall'];
export type WallView = inferOutput<Wall['view']>;
export type WallCase = WallView['recent'][number];

/** Pushed changes arriving within this window trigger one refetch (a burst of 50 reports is one refresh). */
const COALESCE_MS = 250;
/** A safety net when no push arrives (the clocks of 超期 / 2小时内到期 move by themselves). */
const POLL_MS = 60_000;

/** The wall's data (one full refresh). The last answer stays on screen while a refetch fails. */
export function useWallView(area: string | undefined) {
  const trpc = useTRPC();
  return useQuery(
    trpc.wall.view.queryOptions(area ? { area } : {}, {
      placeholderData: keepPreviousData,
      refetchInterval: POLL_MS,
      refetchIntervalInBackground: true,
      retry: true,
      retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 15_000),
    }),
  );
}

/**
 * Server push for the wall (SSE): every change in its area refetches the wall once per
 * burst, and a new report is handed to `onNewCase` at once for the live list. The SSE
 * link reconnects by itself after a drop; the status says whether it is connected.
 */
export function useWallPush(area: string | undefined, onNewCase: (row: WallCase) => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const queryKey = trpc.wall.view.queryKey(area ? { area } : {});
  const refresh = useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void queryClient.invalidateQueries({ queryKey });
    }, COALESCE_MS);
  }, [queryClient, queryKey]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return useSubscription(
    trpc.wall.onChange.subscriptionOptions(area ? { area } : {}, {
      onData: (message) => {
        const change = message.data;
        if (change.row) onNewCase(change.row);
        refresh();
      },
      // After a reconnect the wall may have missed changes: refresh once.
      onStarted: refresh,
    }),
  );
}
