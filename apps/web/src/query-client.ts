import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api';

export const SESSION_KEY = ['session'] as const;

// A 401 anywhere means the session ended (idle timeout, signed out elsewhere, disabled):
// reloading the session sends the user back to the sign-in screen.
function handleError(error: unknown): void {
  if (isApiError(error) && error.status === 401) {
    void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
  }
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (query.queryKey[0] !== SESSION_KEY[0]) handleError(error);
    },
  }),
  mutationCache: new MutationCache({ onError: handleError }),
  defaultOptions: {
    queries: {
      retry: (failures, error) =>
        !(isApiError(error) && error.status > 0 && error.status < 500) && failures < 2,
      staleTime: 30_000,
    },
  },
});
