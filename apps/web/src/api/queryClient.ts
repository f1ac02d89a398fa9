/**
 * The react-query client. A 401 from any query or mutation means the session ended: the cached
 * user is cleared so the route guard sends the visitor to /login (and back afterwards).
 */
import { ApiError } from '@gongshu/contracts';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { setCsrfToken } from './client';
import { isUnauthenticated } from './errors';
import { queryKeys } from './queryKeys';

function onError(error: unknown): void {
  if (isUnauthenticated(error)) {
    setCsrfToken(null);
    queryClient.setQueryData(queryKeys.me, null);
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Refusals (4xx) are answers, not glitches: retry only network and server failures.
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status < 500),
    },
  },
});
