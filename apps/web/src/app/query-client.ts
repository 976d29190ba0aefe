import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { apiErrorCode, apiErrorMessage, isUnauthorized } from '../lib/api-error';

const NO_RETRY = new Set(['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_REQUEST', 'CONFLICT', 'TOO_MANY_REQUESTS']);

/**
 * The app's QueryClient. Any query or mutation that fails with UNAUTHORIZED (expired or
 * revoked session) reports the server's message, so the shell can send the user to /login
 * and the login page can say why.
 */
export function createQueryClient(onUnauthorized: (message: string) => void): QueryClient {
  const handle = (error: unknown) => {
    if (isUnauthorized(error)) onUnauthorized(apiErrorMessage(error));
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: handle }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        // A failed login is UNAUTHORIZED too, but the login form shows that itself.
        if (mutation.options.meta?.isLogin) return;
        handle(error);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => !NO_RETRY.has(apiErrorCode(error) ?? '') && failureCount < 2,
      },
    },
  });
}
