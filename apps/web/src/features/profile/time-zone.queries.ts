import type { SessionView, TimeZoneBody } from '@enlace/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { SESSION_KEY } from '../../query-client';

/** Saves the user's display time zone (null: this browser's); the whole app re-renders in it. */
export function useSetTimeZone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (timeZone: TimeZoneBody['timeZone']) =>
      api<{ ok: true }>('/api/auth/time-zone', { method: 'PUT', body: { timeZone } }),
    onSuccess: (_result, timeZone) => {
      queryClient.setQueryData<SessionView>(SESSION_KEY, (view) =>
        view?.user ? { ...view, user: { ...view.user, timeZone } } : view,
      );
    },
  });
}
