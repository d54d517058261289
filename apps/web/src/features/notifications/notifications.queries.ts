import type { Notification, NotificationList } from '@enlace/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';

/** How often the bell asks for the unread count (and when the tab comes back). */
const UNREAD_POLL_MS = 60_000;

export function useUnreadCount() {
  return useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: () => api<{ unread: number }>('/api/notifications/unread'),
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
  });
}

export function useNotifications(params: URLSearchParams) {
  return useQuery({
    queryKey: ['notifications', 'list', params.toString()],
    queryFn: () => api<NotificationList>(`/api/notifications?${params}`),
    placeholderData: keepPreviousData,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<{ unread: number }>(`/api/notifications/${id}/read`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ updated: number }>('/api/notifications/read-all', { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

export interface NotificationPreferences {
  email: boolean;
  emailAvailable: boolean;
}

export function useNotificationPreferences() {
  return useQuery({
    queryKey: ['notifications', 'preferences'],
    queryFn: () => api<NotificationPreferences>('/api/notifications/preferences'),
  });
}

export function useSetNotificationPreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: boolean }) =>
      api<NotificationPreferences>('/api/notifications/preferences', { method: 'PUT', body }),
    onSuccess: (data) => qc.setQueryData(['notifications', 'preferences'], data),
  });
}

/** Where a notification's object opens (access is checked again there). */
export function notificationHref(
  n: Pick<Notification, 'objectType' | 'objectId'> & { kind?: string },
): string | null {
  if (!n.objectId) return null;
  switch (n.objectType) {
    case 'directory_entry':
      return `/directory?entry=${encodeURIComponent(n.objectId)}`;
    case 'user':
      return `/admin/users?user=${encodeURIComponent(n.objectId)}`;
    case 'case':
      return `/cases/${encodeURIComponent(n.objectId)}`;
    case 'incident':
      return `/incidents/${encodeURIComponent(n.objectId)}`;
    case 'exchange_thread':
      return `/exchange/${encodeURIComponent(n.objectId)}`;
    // A permission asked of the provider waits in their incoming requests; an answer, in the
    // requester's outgoing ones.
    case 'exchange_message':
      return n.kind === 'handling.permission_requested'
        ? '/exchange/requests'
        : '/exchange/requests?box=outgoing';
    case 'registry_crisis':
      return '/registry/crisis';
    case 'registry_belongings':
      return `/registry/stays/${encodeURIComponent(n.objectId)}/belongings`;
    default:
      return null;
  }
}
