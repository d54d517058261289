import type {
  AdmissionInput,
  Centre,
  CentreInput,
  CentreResourcesHistory,
  CentreResourcesInput,
  IdentityInput,
  Occupancy,
  PendingReleaseCheck,
  Person,
  PersonInput,
  RegistryAggregates,
  ReleaseInput,
  ResidentPage,
  SearchResult,
  Stay,
  TransferInput,
} from '@enlace/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { queryString } from '../incidents/incidents.queries';

// Every registry answer is cached under this key: a write (admission, transfer, release, a new
// centre) changes persons, stays, residents and occupancy at once, so all of it is fetched again.
const REGISTRY_KEY = ['registry'] as const;
const id = encodeURIComponent;

export function useCentres() {
  return useQuery({
    queryKey: [...REGISTRY_KEY, 'centres'],
    queryFn: () => api<{ items: Centre[] }>('/api/registry/centres'),
    select: (d) => d.items,
  });
}

export function useOccupancy(centreId: string, range: { from?: string; to?: string } = {}) {
  return useQuery({
    queryKey: [...REGISTRY_KEY, 'occupancy', centreId, range],
    queryFn: () => api<Occupancy>(`/api/registry/centres/${id(centreId)}/occupancy${queryString(range)}`),
    placeholderData: keepPreviousData,
  });
}

export function useResidents(centreId: string, page: { limit: number; offset: number }) {
  return useQuery({
    queryKey: [...REGISTRY_KEY, 'residents', centreId, page],
    queryFn: () => api<ResidentPage>(`/api/registry/centres/${id(centreId)}/residents${queryString(page)}`),
    placeholderData: keepPreviousData,
  });
}

export function useResources(centreId: string) {
  return useQuery({
    queryKey: [...REGISTRY_KEY, 'resources', centreId],
    queryFn: () => api<CentreResourcesHistory>(`/api/registry/centres/${id(centreId)}/resources`),
  });
}

export function usePerson(personId: string) {
  return useQuery({
    queryKey: [...REGISTRY_KEY, 'person', personId],
    queryFn: () => api<Person>(`/api/registry/persons/${id(personId)}`),
  });
}

export function useStay(stayId: string | null) {
  return useQuery({
    queryKey: [...REGISTRY_KEY, 'stay', stayId],
    queryFn: () => api<Stay>(`/api/registry/stays/${id(stayId ?? '')}`),
    enabled: Boolean(stayId),
  });
}

export function useReleaseChecks(enabled: boolean) {
  return useQuery({
    queryKey: [...REGISTRY_KEY, 'release-checks'],
    queryFn: () => api<{ items: PendingReleaseCheck[] }>('/api/registry/release-checks'),
    select: (d) => d.items,
    enabled,
  });
}

export function useAggregates() {
  return useQuery({
    queryKey: [...REGISTRY_KEY, 'aggregates'],
    queryFn: () => api<RegistryAggregates>('/api/registry/aggregates'),
  });
}

/** Search before create: a POST, so that what the person says never reaches an address. */
export function useSearchPersons() {
  return useMutation({
    mutationFn: (body: IdentityInput) =>
      api<SearchResult>('/api/registry/persons/search', { method: 'POST', body }),
  });
}

function useRegistryMutation<V, R>(request: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSettled: () => queryClient.invalidateQueries({ queryKey: REGISTRY_KEY }),
  });
}

export function useCreatePerson() {
  return useRegistryMutation((body: PersonInput) =>
    api<Person>('/api/registry/persons', { method: 'POST', body }),
  );
}

export function useCreateCentre() {
  return useRegistryMutation((body: CentreInput) =>
    api<Centre>('/api/registry/centres', { method: 'POST', body }),
  );
}

export function useDeclareResources(centreId: string) {
  return useRegistryMutation((body: CentreResourcesInput) =>
    api<CentreResourcesHistory>(`/api/registry/centres/${id(centreId)}/resources`, { method: 'POST', body }),
  );
}

export function useAdmit() {
  return useRegistryMutation((body: AdmissionInput) =>
    api<Stay>('/api/registry/stays', { method: 'POST', body }),
  );
}

export function useTransfer(stayId: string) {
  return useRegistryMutation((body: TransferInput) =>
    api<Stay>(`/api/registry/stays/${id(stayId)}/transfer`, { method: 'POST', body }),
  );
}

/**
 * A release. A refused identity check (409 `registry_identity_mismatch`) is committed on the
 * server as a pending check: the caches are refreshed whatever the answer, so the stay shows it.
 */
export function useRelease(stayId: string) {
  return useRegistryMutation((body: ReleaseInput) =>
    api<Stay>(`/api/registry/stays/${id(stayId)}/release`, { method: 'POST', body }),
  );
}

export function useResolveRelease(stayId: string) {
  return useRegistryMutation((body: { decision: 'same_person' | 'not_same_person'; note: string }) =>
    api<Stay>(`/api/registry/stays/${id(stayId)}/release/resolve`, { method: 'POST', body }),
  );
}

export function useAddPhoto(personId: string) {
  return useRegistryMutation((body: { fileId: string }) =>
    api<Person>(`/api/registry/persons/${id(personId)}/photo`, { method: 'POST', body }),
  );
}
