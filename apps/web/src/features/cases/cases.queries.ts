import type {
  AssetBody,
  AssetUpdateBody,
  Case,
  CaseCreateBody,
  CasePage,
  CaseSort,
  CaseStage,
  CaseUpdateBody,
  CustodyTransferBody,
  EvidenceBody,
  SuspectBody,
  SuspectUpdateBody,
} from '@enlace/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import type { ListState } from '../../components/DataTable';
import { queryString } from '../incidents/incidents.queries';

const CASES_KEY = ['cases'] as const;
/** A page of the cases the actor may read: stage, search, sort and page as in the address. */
export function useCasePage(list: ListState<CaseSort, 'stage'>) {
  const params = {
    ...list.filters,
    q: list.q,
    sort: list.sort,
    dir: list.dir,
    limit: list.limit,
    offset: list.offset,
  };
  return useQuery({
    queryKey: [...CASES_KEY, 'list', params],
    queryFn: () => api<CasePage>(`/api/cases${queryString(params)}`),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: string | undefined) {
  return useQuery({
    queryKey: [...CASES_KEY, 'one', id],
    queryFn: () => api<Case>(`/api/cases/${id}`),
    enabled: Boolean(id),
  });
}

/** Every change to a case answers with the whole case: it replaces the cached one. */
function useCaseMutation<V>(request: (vars: V) => Promise<Case>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async (saved) => {
      queryClient.setQueryData([...CASES_KEY, 'one', saved.id], saved);
      await queryClient.invalidateQueries({ queryKey: [...CASES_KEY, 'list'] });
      await queryClient.invalidateQueries({ queryKey: ['stats'] });
      await queryClient.invalidateQueries({ queryKey: ['incidents'] });
    },
  });
}

export function useCreateCase() {
  return useCaseMutation((body: CaseCreateBody) => api<Case>('/api/cases', { method: 'POST', body }));
}

export function useUpdateCase() {
  return useCaseMutation(({ id, body }: { id: string; body: CaseUpdateBody }) =>
    api<Case>(`/api/cases/${id}`, { method: 'PATCH', body }),
  );
}

export function useMoveStage() {
  return useCaseMutation(({ id, stage, occurredOn }: { id: string; stage: CaseStage; occurredOn: string }) =>
    api<Case>(`/api/cases/${id}/stage`, { method: 'POST', body: { stage, occurredOn } }),
  );
}

export function useAddSuspect() {
  return useCaseMutation(({ id, body }: { id: string; body: SuspectBody }) =>
    api<Case>(`/api/cases/${id}/suspects`, { method: 'POST', body }),
  );
}

export function useUpdateSuspect() {
  return useCaseMutation(
    ({ id, suspectId, body }: { id: string; suspectId: string; body: SuspectUpdateBody }) =>
      api<Case>(`/api/cases/${id}/suspects/${suspectId}`, { method: 'PATCH', body }),
  );
}

export function useAddAsset() {
  return useCaseMutation(({ id, body }: { id: string; body: AssetBody }) =>
    api<Case>(`/api/cases/${id}/assets`, { method: 'POST', body }),
  );
}

export function useUpdateAsset() {
  return useCaseMutation(({ id, assetId, body }: { id: string; assetId: string; body: AssetUpdateBody }) =>
    api<Case>(`/api/cases/${id}/assets/${assetId}`, { method: 'PATCH', body }),
  );
}

export function useAddEvidence() {
  return useCaseMutation(({ id, body }: { id: string; body: EvidenceBody }) =>
    api<Case>(`/api/cases/${id}/evidence`, { method: 'POST', body }),
  );
}

export function useTransferCustody() {
  return useCaseMutation(
    ({ id, evidenceId, body }: { id: string; evidenceId: string; body: CustodyTransferBody }) =>
      api<Case>(`/api/cases/${id}/evidence/${evidenceId}/custody`, { method: 'POST', body }),
  );
}

export function useShareCase() {
  return useCaseMutation(({ id, countryCode }: { id: string; countryCode: string }) =>
    api<Case>(`/api/cases/${id}/shares`, { method: 'POST', body: { countryCode } }),
  );
}

/** Removes a suspect or an asset recorded in error. */
export function useRemoveCaseItem() {
  return useCaseMutation(
    ({ id, list, itemId }: { id: string; list: 'suspects' | 'assets'; itemId: string }) =>
      api<Case>(`/api/cases/${id}/${list}/${itemId}`, { method: 'DELETE' }),
  );
}

export function useRevokeShare() {
  return useCaseMutation(({ id, shareId }: { id: string; shareId: string }) =>
    api<Case>(`/api/cases/${id}/shares/${shareId}`, { method: 'DELETE' }),
  );
}
