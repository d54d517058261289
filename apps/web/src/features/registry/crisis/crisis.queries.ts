import type {
  Crisis,
  CrisisAlert,
  CrisisAlertInput,
  CrisisDeclarationInput,
  CrisisThresholdsInput,
  DirectoryPage,
} from '@enlace/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api';

const CRISIS_KEY = ['registry', 'crisis'] as const;

/** The country's level, its thresholds and a page of its history. */
export function useCrisis(page: { limit: number; offset: number }) {
  return useQuery({
    queryKey: [...CRISIS_KEY, page],
    queryFn: () => api<Crisis>(`/api/registry/crisis?limit=${page.limit}&offset=${page.offset}`),
    placeholderData: keepPreviousData,
  });
}

/** The directory entries of the country: the focal points a level may name. */
export function useCountryFocalPoints(countryCode: string | undefined) {
  return useQuery({
    queryKey: ['directory', 'entries', 'crisis', countryCode],
    queryFn: () =>
      api<DirectoryPage>(
        `/api/directory/entries?country=${encodeURIComponent(countryCode ?? '')}&sort=name&dir=asc&limit=200`,
      ),
    enabled: Boolean(countryCode),
  });
}

function useCrisisMutation<B, R = Crisis>(fn: (body: B) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // A change of level may have told the user too (a focal point of their own country).
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: CRISIS_KEY }),
        qc.invalidateQueries({ queryKey: ['notifications'] }),
      ]),
  });
}

export const useSetThresholds = () =>
  useCrisisMutation((body: CrisisThresholdsInput) =>
    api<Crisis>('/api/registry/crisis/thresholds', { method: 'PUT', body }),
  );

export const useDeclareLevel = () =>
  useCrisisMutation((body: CrisisDeclarationInput) =>
    api<Crisis>('/api/registry/crisis/declaration', { method: 'POST', body }),
  );

export const useLiftLevel = () =>
  useCrisisMutation((body: { reason: string }) =>
    api<Crisis>('/api/registry/crisis/declaration/lift', { method: 'POST', body }),
  );

export const useOpenAlert = () =>
  useCrisisMutation((body: CrisisAlertInput) =>
    api<CrisisAlert>('/api/registry/crisis/alerts', { method: 'POST', body }),
  );
