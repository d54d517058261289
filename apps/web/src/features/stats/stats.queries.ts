import type {
  CaseStats,
  DataInventoryCreateBody,
  DataInventoryEntry,
  DataInventoryUpdateBody,
  ExchangeStats,
  FlowStats,
  IncidentStats,
  MapStats,
  ModusStats,
  PeopleStats,
} from '@enlace/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { queryString } from '../incidents/incidents.queries';

const STATS_KEY = ['stats'] as const;

/** The dashboard's filters, as the statistics API takes them (months are YYYY-MM). */
export interface StatsFilters {
  from?: string;
  to?: string;
  country?: string;
  /** A region or a group of regions (`americas`, the default: see useStatsFilters). */
  region?: string;
  mode?: string;
  route?: string;
  nationality?: string;
  /** 'enlace' or a public source. */
  source?: string;
}

export const STATS_FILTER_KEYS = [
  'from',
  'to',
  'country',
  'region',
  'mode',
  'route',
  'nationality',
  'source',
] as const;

/**
 * In the address, `region=all` says the user removed the default region (the network's, the
 * Americas); no `region` at all means the default. The API is sent the region in effect only.
 */
export const ALL_REGIONS = 'all';

function useStats<T>(
  path: string,
  filters: StatsFilters,
  extra: Record<string, string | number | undefined> = {},
  enabled = true,
) {
  return useQuery({
    queryKey: [...STATS_KEY, path, filters, extra],
    queryFn: () => api<T>(`/api/stats/${path}${queryString({ ...filters, ...extra })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const useIncidentStats = (filters: StatsFilters, by: string) =>
  useStats<IncidentStats>('incidents', filters, { by });
export const usePeopleStats = (filters: StatsFilters) => useStats<PeopleStats>('people', filters);
export const useFlowStats = (filters: StatsFilters) => useStats<FlowStats>('flows', filters);
export const useModusStats = (filters: StatsFilters) => useStats<ModusStats>('modus-operandi', filters);
export const useCaseStats = (filters: StatsFilters) => useStats<CaseStats>('cases', filters);
/** Only the period applies to the exchange's response times; asked only by those in the exchange. */
export const useExchangeStats = (filters: StatsFilters, enabled: boolean) =>
  useStats<ExchangeStats>('exchange', { from: filters.from, to: filters.to }, {}, enabled);
export const useMapStats = (filters: StatsFilters, zoom: number, bbox: string | undefined) =>
  useStats<MapStats>('map', filters, { zoom, bbox });

/** Figures for publication: the server always suppresses small cells in them. */
export function statsExportUrl(
  filters: StatsFilters,
  table: 'incidents' | 'people' | 'flows',
  format: 'csv' | 'xlsx' | 'json' | 'hxl',
  by = 'month',
): string {
  return `/api/stats/export${queryString({ ...filters, table, format, by: table === 'incidents' ? by : undefined })}`;
}

const INVENTORY_KEY = [...STATS_KEY, 'databases'] as const;

export function useInventory(country: string) {
  return useQuery({
    queryKey: [...INVENTORY_KEY, country],
    queryFn: () => api<DataInventoryEntry[]>(`/api/stats/databases${queryString({ country })}`),
  });
}

export function useSaveInventory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: DataInventoryCreateBody | DataInventoryUpdateBody }) =>
      id
        ? api<DataInventoryEntry>(`/api/stats/databases/${id}`, { method: 'PATCH', body })
        : api<DataInventoryEntry>('/api/stats/databases', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: INVENTORY_KEY }),
  });
}

export function useDeleteInventory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<{ ok: true }>(`/api/stats/databases/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: INVENTORY_KEY }),
  });
}
