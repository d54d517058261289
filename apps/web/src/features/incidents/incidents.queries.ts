import type {
  ImportJob,
  Incident,
  IncidentAmendBody,
  IncidentCreateBody,
  IncidentFollowUpBody,
  IncidentLinkRelation,
  IncidentPage,
  IncidentSort,
  IncidentVersion,
} from '@enlace/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api } from '../../api';
import type { ListState } from '../../components/DataTable';

const INCIDENTS_KEY = ['incidents'] as const;
/** Statistics change with every report: they are refetched after each write. */
const STATS_KEY = ['stats'] as const;

/** The filters of the incident list, by their names in incidentListQuerySchema (and in the address). */
export const INCIDENT_FILTERS = [
  'from',
  'to',
  'kind',
  'mode',
  'route',
  'source',
  'country',
  'region',
] as const;
export type IncidentFilterKey = (typeof INCIDENT_FILTERS)[number];
export type IncidentFilters = Partial<Record<IncidentFilterKey, string>>;

/** `{a: 'x', b: undefined}` → `?a=x`; empty values are left out. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

/** A page of the incident list: filters, search, sort and page as in the address; `{ total, items }`. */
export function useIncidentPage(list: ListState<IncidentSort, IncidentFilterKey>) {
  const params = {
    ...list.filters,
    q: list.q,
    sort: list.sort,
    dir: list.dir,
    limit: list.limit,
    offset: list.offset,
  };
  return useQuery({
    queryKey: [...INCIDENTS_KEY, 'list', params],
    queryFn: () => api<IncidentPage>(`/api/incidents${queryString(params)}`),
    placeholderData: keepPreviousData,
  });
}

/** Recent incidents of the actor's country, to pick one to link. */
export function useRecentIncidents(enabled: boolean) {
  return useQuery({
    queryKey: [...INCIDENTS_KEY, 'recent'],
    queryFn: () => api<IncidentPage>('/api/incidents?limit=200'),
    enabled,
  });
}

export function useIncident(id: string | undefined) {
  return useQuery({
    queryKey: [...INCIDENTS_KEY, 'one', id],
    queryFn: () => api<Incident>(`/api/incidents/${id}`),
    enabled: Boolean(id),
  });
}

export function useIncidentHistory(id: string | undefined) {
  return useQuery({
    queryKey: [...INCIDENTS_KEY, 'history', id],
    queryFn: () => api<IncidentVersion[]>(`/api/incidents/${id}/history`),
    enabled: Boolean(id),
  });
}

function useInvalidateIncidents() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: INCIDENTS_KEY });
    await queryClient.invalidateQueries({ queryKey: STATS_KEY });
  };
}

export function useCreateIncident() {
  const invalidate = useInvalidateIncidents();
  return useMutation({
    mutationFn: (body: IncidentCreateBody) => api<Incident>('/api/incidents', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

/** A correction (`follow_up: false`) or a follow-up report: both keep what was said before. */
export function useAmendIncident() {
  const invalidate = useInvalidateIncidents();
  return useMutation({
    mutationFn: ({
      id,
      body,
      followUp,
    }: {
      id: string;
      body: IncidentAmendBody | IncidentFollowUpBody;
      followUp: boolean;
    }) =>
      followUp
        ? api<Incident>(`/api/incidents/${id}/follow-ups`, { method: 'POST', body })
        : api<Incident>(`/api/incidents/${id}`, { method: 'PATCH', body }),
    onSuccess: invalidate,
  });
}

export function useLinkIncident() {
  const invalidate = useInvalidateIncidents();
  return useMutation({
    mutationFn: ({
      id,
      incidentId,
      relation,
    }: {
      id: string;
      incidentId: string;
      relation: IncidentLinkRelation;
    }) => api<Incident>(`/api/incidents/${id}/links`, { method: 'POST', body: { incidentId, relation } }),
    onSuccess: invalidate,
  });
}

export function useUnlinkIncident() {
  const invalidate = useInvalidateIncidents();
  return useMutation({
    mutationFn: ({ id, linkedId }: { id: string; linkedId: string }) =>
      api<Incident>(`/api/incidents/${id}/links/${linkedId}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

/** Starts an import as a job on the server (it reads and writes off the request path). */
export function useStartImport() {
  return useMutation({
    mutationFn: ({ content, country, dryRun }: { content: string; country?: string; dryRun: boolean }) =>
      api<ImportJob>(
        `/api/incidents/imports${queryString({ format: 'missing-migrants', country, dryRun: String(dryRun) })}`,
        { method: 'POST', text: { content, type: 'text/csv' } },
      ),
  });
}

/** A running import, polled twice a second until it is done or failed. */
export function useImportJob(id: string | null) {
  const invalidate = useInvalidateIncidents();
  const query = useQuery({
    queryKey: ['import-job', id],
    queryFn: () => api<ImportJob>(`/api/incidents/imports/${id}`),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data?.state === 'running' || !q.state.data ? 500 : false),
  });
  // Once an import has landed, lists and statistics are read again (once per job).
  const landed = query.data?.state === 'done' && !query.data.dryRun ? query.data.id : null;
  const invalidated = useRef<string | null>(null);
  useEffect(() => {
    if (landed && invalidated.current !== landed) {
      invalidated.current = landed;
      void invalidate();
    }
  }, [landed, invalidate]);
  return query;
}

export function exportUrl(
  format: 'csv' | 'xlsx' | 'hxl',
  layout: 'missing-migrants' | 'enlace',
  period: { from?: string; to?: string },
): string {
  return `/api/incidents/export${queryString({ format, layout, from: period.from, to: period.to })}`;
}
