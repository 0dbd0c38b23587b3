import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../lib/api.ts';
import { meQueryKey } from '../features/auth/session.ts';

/** Client errors will not change by asking again; network and server errors might. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  // A 401 anywhere means the session ended (expired, or signed out in another tab):
  // forgetting the user makes RequireAuth send them to sign-in, keeping where they were.
  const onError = (error: unknown) => {
    if (isApiError(error) && error.status === 401) client.setQueryData(meQueryKey, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      // offlineFirst: ask even when the browser says it is offline, since the service worker may
      // answer from what the student saved for offline (features/offline).
      queries: { retry: shouldRetry, staleTime: 30_000, networkMode: 'offlineFirst' },
      mutations: { retry: false },
    },
  });
  return client;
}
