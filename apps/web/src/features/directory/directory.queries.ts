import type {
  Authorisation,
  AuthorisationInput,
  DIRECTORY_SORTS,
  DirectoryEntry,
  DirectoryEntryInput,
  DirectoryPage,
  Freshness,
} from '@enlace/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import type { ListState } from '../../components/DataTable';
import { queryString } from '../incidents/incidents.queries';

export const DIRECTORY_FILTERS = ['country', 'area', 'channel', 'stale'] as const;
export type DirectoryFilterKey = (typeof DIRECTORY_FILTERS)[number];
export type DirectorySort = (typeof DIRECTORY_SORTS)[number];

const DIRECTORY_KEY = ['directory'] as const;

/** A page of the directory: search (accents and case ignored by the server), filters, sort and page. */
export function useDirectoryPage(list: ListState<DirectorySort, DirectoryFilterKey>) {
  const params = {
    ...list.filters,
    q: list.q.trim(),
    sort: list.sort,
    dir: list.dir,
    limit: list.limit,
    offset: list.offset,
  };
  return useQuery({
    queryKey: [...DIRECTORY_KEY, 'entries', params],
    queryFn: () => api<DirectoryPage>(`/api/directory/entries${queryString(params)}`),
    placeholderData: keepPreviousData,
  });
}

export function useFreshness() {
  return useQuery({
    queryKey: [...DIRECTORY_KEY, 'freshness'],
    queryFn: () => api<Freshness>('/api/directory/freshness'),
  });
}

/** Any change to an entry changes the list and the freshness figures: both are fetched again. */
function useEntryMutation<V>(request: (vars: V) => Promise<DirectoryEntry>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: DIRECTORY_KEY }),
  });
}

export function useCreateEntry() {
  return useEntryMutation((body: DirectoryEntryInput) =>
    api<DirectoryEntry>('/api/directory/entries', { method: 'POST', body }),
  );
}

export function useUpdateEntry() {
  return useEntryMutation(({ id, patch }: { id: string; patch: Partial<DirectoryEntryInput> }) =>
    api<DirectoryEntry>(`/api/directory/entries/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }),
  );
}

export function useVerifyEntry() {
  return useEntryMutation((id: string) =>
    api<DirectoryEntry>(`/api/directory/entries/${encodeURIComponent(id)}/verify`, { method: 'POST' }),
  );
}

const AUTHORISATIONS_KEY = [...DIRECTORY_KEY, 'authorisations'] as const;

export function useAuthorisations() {
  return useQuery({
    queryKey: AUTHORISATIONS_KEY,
    queryFn: () => api<Authorisation[]>('/api/directory/authorisations'),
  });
}

export function useRecordAuthorisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AuthorisationInput) =>
      api<Authorisation>('/api/directory/authorisations', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: AUTHORISATIONS_KEY }),
  });
}

export function useRevokeAuthorisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<Authorisation>(`/api/directory/authorisations/${encodeURIComponent(id)}/revoke`, {
        method: 'POST',
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: AUTHORISATIONS_KEY }),
  });
}
