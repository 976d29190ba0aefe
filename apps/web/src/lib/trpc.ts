import type { AppRouter } from '@citygov/bff/app-router';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@citygov/domain/request-origin';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import superjson from 'superjson';

export type { AppRouter };

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/**
 * One client per browser tab; the session cookie travels same-origin with every request.
 * Subscriptions (live case updates) go over server-sent events, everything else in batches;
 * both need the same transformer as the server (dates in payloads). Batches carry the
 * CSRF header the server requires on every POST; SSE is a GET and needs none.
 */
export function createApiClient() {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({ url: '/trpc', transformer: superjson }),
        // The BFF refuses batches over 50 calls (trpc/batch-limit.ts); a busy screen stays well under.
        false: httpBatchLink({
          url: '/trpc',
          transformer: superjson,
          maxItems: 20,
          headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE },
        }),
      }),
    ],
  });
}
