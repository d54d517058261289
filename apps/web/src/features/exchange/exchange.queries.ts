import type {
  ExchangeMessage,
  HandlingRequest,
  MessageInput,
  ParticipantInput,
  ParticipantSearchBody,
  ParticipantSearchResult,
  Thread,
  ThreadCreateBody,
  ThreadExportFormat,
  ThreadPage,
} from '@enlace/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import type { ListState } from '../../components/DataTable';
import { readerTimeZone } from '../../reader-time-zone';
import { queryString } from '../incidents/incidents.queries';

const KEY = ['exchange'] as const;
const REQUESTS_KEY = ['handling', 'requests'] as const;
/** New messages show up without a reload while the page is open. */
const POLL_MS = 30_000;

export const EXCHANGE_FILTERS = ['channel', 'status', 'unread'] as const;
export type ExchangeFilterKey = (typeof EXCHANGE_FILTERS)[number];

export function useThreadPage(list: ListState<string, ExchangeFilterKey>) {
  const params = {
    ...list.filters,
    q: list.q,
    sort: list.sort,
    dir: list.dir,
    limit: list.limit,
    offset: list.offset,
  };
  return useQuery({
    queryKey: [...KEY, 'list', params],
    queryFn: () => api<ThreadPage>(`/api/exchange/threads${queryString(params)}`),
    placeholderData: keepPreviousData,
    refetchInterval: POLL_MS,
  });
}

/** The threads of mine that are open, to forward a message to one of them. */
export function useOpenThreads(enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'list', 'open'],
    queryFn: () => api<ThreadPage>('/api/exchange/threads?status=open&limit=100'),
    enabled,
  });
}

export function useThread(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'thread', id],
    queryFn: () => api<Thread>(`/api/exchange/threads/${id}`),
    enabled: Boolean(id),
    retry: false,
  });
}

export function useMessages(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'messages', id],
    queryFn: () => api<{ items: ExchangeMessage[] }>(`/api/exchange/threads/${id}/messages`),
    enabled: Boolean(id) && enabled,
    refetchInterval: POLL_MS,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () =>
    Promise.all([qc.invalidateQueries({ queryKey: KEY }), qc.invalidateQueries({ queryKey: REQUESTS_KEY })]);
}

export function useCreateThread() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ThreadCreateBody) => api<Thread>('/api/exchange/threads', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function usePostMessage(threadId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: MessageInput) =>
      api<ExchangeMessage>(`/api/exchange/threads/${threadId}/messages`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export interface ThreadPatch {
  replyBy?: string | null;
  status?: 'open' | 'closed';
  addParticipants?: ParticipantInput[];
}

export function useUpdateThread(threadId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ThreadPatch) =>
      api<Thread>(`/api/exchange/threads/${threadId}`, { method: 'PATCH', body }),
    onSuccess: invalidate,
  });
}

export function useAcknowledge(threadId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => api<Thread>(`/api/exchange/threads/${threadId}/acknowledge`, { method: 'POST' }),
    onSuccess: invalidate,
  });
}

export function useForward() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ messageId, threadId }: { messageId: string; threadId: string }) =>
      api<ExchangeMessage>(`/api/exchange/messages/${messageId}/forward`, {
        method: 'POST',
        body: { threadId },
      }),
    onSuccess: invalidate,
  });
}

export interface PermissionAsk {
  messageId: string;
  action: 'forward' | 'export' | 'court';
  target: string | null;
  reason: string;
}

export function useAskPermission() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ messageId, ...body }: PermissionAsk) =>
      api<HandlingRequest>(`/api/exchange/messages/${messageId}/permission-requests`, {
        method: 'POST',
        body,
      }),
    onSuccess: invalidate,
  });
}

/** People and agencies to add, by name: a POST, so that names never appear in an address. */
export function useParticipantSearch(body: ParticipantSearchBody, enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'participants', body],
    queryFn: () =>
      api<ParticipantSearchResult>('/api/exchange/participants/search', { method: 'POST', body }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useHandlingRequests(box: 'incoming' | 'outgoing', enabled = true) {
  return useQuery({
    queryKey: [...REQUESTS_KEY, box],
    queryFn: () => api<HandlingRequest[]>(`/api/handling/requests?box=${box}`),
    enabled,
  });
}

export function useDecideRequest() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, grant, note }: { id: string; grant: boolean; note?: string }) =>
      api<HandlingRequest>(`/api/handling/requests/${id}/decision`, {
        method: 'POST',
        body: note ? { grant, note } : { grant },
      }),
    onSuccess: invalidate,
  });
}

/** The thread's export; a PDF gives its instants in the reader's time zone (a link sends no header). */
export function exportHref(threadId: string, format: ThreadExportFormat): string {
  const params = new URLSearchParams({ format, tz: readerTimeZone() });
  return `/api/exchange/threads/${threadId}/export?${params}`;
}
