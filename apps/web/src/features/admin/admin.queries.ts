import type {
  Agency,
  AgencyCreateBody,
  AuditActor,
  AuditPage,
  AgencyUpdateBody,
  Country,
  User,
  UserCreateBody,
  UserPage,
  UserUpdateBody,
} from '@enlace/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { readerTimeZone } from '../../reader-time-zone';
import { api } from '../../api';

const COUNTRIES_KEY = ['countries'] as const;
const AGENCIES_KEY = ['admin', 'agencies'] as const;
const USERS_KEY = ['admin', 'users'] as const;

function withCountry(path: string, country: string | null | undefined): string {
  return country ? `${path}?country=${encodeURIComponent(country)}` : path;
}

export function useCountries() {
  return useQuery({
    queryKey: COUNTRIES_KEY,
    queryFn: () => api<Country[]>('/api/countries'),
    staleTime: 5 * 60_000,
  });
}

export function useUpdateCountry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, active }: { code: string; active: boolean }) =>
      api<Country>(`/api/admin/countries/${encodeURIComponent(code)}`, { method: 'PATCH', body: { active } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: COUNTRIES_KEY }),
  });
}

export function useAgencies(country: string | null | undefined, enabled = true) {
  return useQuery({
    queryKey: [...AGENCIES_KEY, country ?? 'all'],
    queryFn: () => api<Agency[]>(withCountry('/api/admin/agencies', country)),
    enabled,
  });
}

export function useCreateAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AgencyCreateBody) => api<Agency>('/api/admin/agencies', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: AGENCIES_KEY }),
  });
}

export function useUpdateAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: AgencyUpdateBody }) =>
      api<Agency>(`/api/admin/agencies/${id}`, { method: 'PATCH', body: patch }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: AGENCIES_KEY }),
  });
}

export interface UserSearch {
  country?: string;
  q?: string;
  limit: number;
  offset: number;
}

/**
 * A page of the accounts the administrator may see, searched by name or address. A POST with a
 * JSON body, so that the names searched for never appear in an address or an access log.
 */
export function searchUsers(search: UserSearch): Promise<UserPage> {
  const body: UserSearch = { limit: search.limit, offset: search.offset };
  if (search.country) body.country = search.country;
  if (search.q) body.q = search.q;
  return api<UserPage>('/api/admin/users/search', { method: 'POST', body });
}

export function useUsers(search: UserSearch) {
  return useQuery({
    queryKey: [...USERS_KEY, search],
    queryFn: () => searchUsers(search),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreateBody) => api<User>('/api/admin/users', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UserUpdateBody }) =>
      api<User>(`/api/admin/users/${id}`, { method: 'PATCH', body: patch }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

export function useResetMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<User>(`/api/admin/users/${id}/reset-mfa`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

/** The audit trail's query string: the list's paging and filters, and the reader's time zone. */
export function auditParams(
  state: {
    sort: string;
    dir: string;
    limit: number;
    offset: number;
    filters: Record<string, string | undefined>;
  },
  opts: { paging: boolean },
): URLSearchParams {
  // The administrator's own zone (their profile's, else the browser's): the days are read in it.
  const params = new URLSearchParams({ tz: readerTimeZone() });
  if (opts.paging) {
    params.set('sort', state.sort);
    params.set('dir', state.dir);
    params.set('limit', String(state.limit));
    params.set('offset', String(state.offset));
  }
  for (const [k, v] of Object.entries(state.filters)) if (v) params.set(k, v);
  return params;
}

/** A page of the audit trail with its total; the actions come in words in the UI language. */
export function useAuditPage(params: URLSearchParams, language: string) {
  return useQuery({
    queryKey: ['admin', 'audit', language, params.toString()],
    queryFn: () => api<AuditPage>(`/api/admin/audit?${params}`),
    placeholderData: keepPreviousData,
  });
}

/** The accounts that acted in the administrator's scope: the choices of the "user" filter. */
export function useAuditActors() {
  return useQuery({
    queryKey: ['admin', 'audit', 'actors'],
    queryFn: () => api<AuditActor[]>('/api/admin/audit/actors'),
  });
}
