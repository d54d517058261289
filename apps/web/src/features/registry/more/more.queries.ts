import type { IncidentPage, PersonDocumentInput, PersonDocumentList } from '@enlace/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api';
import { queryString } from '../../incidents/incidents.queries';

const id = (v: string) => encodeURIComponent(v);
/** The registry's cache key (registry.queries.ts): a document changes the person's record. */
const REGISTRY_KEY = ['registry'] as const;

/** The incidents the reader may read, by the incidents list's own text search (the platform's). */
export function useIncidentSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['incidents', 'list', { q, limit: 10, picker: true }],
    queryFn: () =>
      api<IncidentPage>(`/api/incidents${queryString({ q, limit: 10, sort: 'occurredOn', dir: 'desc' })}`),
    enabled,
    placeholderData: keepPreviousData,
  });
}

function useDocumentMutation<V>(request: (vars: V) => Promise<PersonDocumentList>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSettled: () => queryClient.invalidateQueries({ queryKey: REGISTRY_KEY }),
  });
}

export function useAddDocument(personId: string) {
  return useDocumentMutation((body: PersonDocumentInput) =>
    api<PersonDocumentList>(`/api/registry/persons/${id(personId)}/documents`, { method: 'POST', body }),
  );
}

export function useWithdrawDocument(personId: string) {
  return useDocumentMutation(({ documentId, reason }: { documentId: string; reason: string }) =>
    api<PersonDocumentList>(`/api/registry/persons/${id(personId)}/documents/${id(documentId)}/withdraw`, {
      method: 'POST',
      body: { reason },
    }),
  );
}
