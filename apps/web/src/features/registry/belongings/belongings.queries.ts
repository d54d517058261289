import type {
  BelongingItemInput,
  Belongings,
  BelongingsCustodyInput,
  BelongingsDiscrepancyList,
  DocumentLocale,
  ReturnInput,
} from '@enlace/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api';

const key = (stayId: string) => ['registry', 'belongings', stayId];
const base = (stayId: string) => `/api/registry/stays/${encodeURIComponent(stayId)}/belongings`;

export function useBelongings(stayId: string) {
  return useQuery({ queryKey: key(stayId), queryFn: () => api<Belongings>(base(stayId)) });
}

/** Every change answers the whole inventory: it replaces the one shown. */
function useBelongingsMutation<V>(stayId: string, call: (v: V) => Promise<Belongings>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (data) => {
      qc.setQueryData(key(stayId), data);
      void qc.invalidateQueries({ queryKey: ['registry', 'belongings', 'discrepancies'] });
    },
  });
}

export function useAddItem(stayId: string) {
  return useBelongingsMutation(stayId, (body: BelongingItemInput) =>
    api<Belongings>(`${base(stayId)}/items`, { method: 'POST', body }),
  );
}

export function useCorrectItem(stayId: string) {
  return useBelongingsMutation(stayId, (v: { itemId: string; body: BelongingItemInput }) =>
    api<Belongings>(`${base(stayId)}/items/${encodeURIComponent(v.itemId)}/correct`, {
      method: 'POST',
      body: v.body,
    }),
  );
}

export function useVerifyBelongings(stayId: string) {
  return useBelongingsMutation(stayId, () =>
    api<Belongings>(`${base(stayId)}/verify`, { method: 'POST', body: {} }),
  );
}

export function useRecordCustody(stayId: string) {
  return useBelongingsMutation(stayId, (body: BelongingsCustodyInput) =>
    api<Belongings>(`${base(stayId)}/custody`, { method: 'POST', body }),
  );
}

export function useReturnBelongings(stayId: string) {
  return useBelongingsMutation(stayId, (body: ReturnInput) =>
    api<Belongings>(`${base(stayId)}/return`, { method: 'POST', body }),
  );
}

/** The receipt's address: a download the server audits. */
export function receiptHref(stayId: string, lang: DocumentLocale): string {
  return `${base(stayId)}/receipt.pdf?lang=${lang}`;
}

export function useDiscrepancies() {
  return useQuery({
    queryKey: ['registry', 'belongings', 'discrepancies'],
    queryFn: () => api<BelongingsDiscrepancyList>('/api/registry/belongings/discrepancies'),
  });
}
