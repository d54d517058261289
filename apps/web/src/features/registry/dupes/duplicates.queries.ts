import type {
  DuplicateDecisionInput,
  DuplicateList,
  DuplicatePair,
  DuplicateScan,
  MrzCheck,
  MrzCheckInput,
} from '@enlace/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api';

const KEY = ['registry', 'duplicates'] as const;

/** The queue (`pending`) or the decided pairs of the reader's country. */
export function useDuplicates(view: 'pending' | 'decided') {
  return useQuery({
    queryKey: [...KEY, view],
    queryFn: () => api<DuplicateList>(`/api/registry/duplicates?view=${view}`),
  });
}

/** Every change to a pair changes both lists: both are fetched again. */
function usePairMutation<V, R>(request: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useScanDuplicates() {
  return usePairMutation(() => api<DuplicateScan>('/api/registry/duplicates/scan', { method: 'POST' }));
}

export function useDecideDuplicate() {
  return usePairMutation(({ id, ...body }: DuplicateDecisionInput & { id: string }) =>
    api<DuplicatePair>(`/api/registry/duplicates/${id}/decision`, { method: 'POST', body }),
  );
}

export function useUndoMerge() {
  return usePairMutation(({ id, note }: { id: string; note: string }) =>
    api<DuplicatePair>(`/api/registry/duplicates/${id}/undo`, { method: 'POST', body: { note } }),
  );
}

/** Checks a document's machine-readable zone against what was typed; nothing is stored. */
export function useMrzCheck() {
  return useMutation({
    mutationFn: (body: MrzCheckInput) => api<MrzCheck>('/api/registry/mrz/check', { method: 'POST', body }),
  });
}
