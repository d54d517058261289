import type {
  Centre,
  Person,
  PersonShareInput,
  RegistryShare,
  RegistryShareList,
  ShareAcceptInput,
  ShareDeclineInput,
  TransferAbroadInput,
} from '@enlace/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';

const KEY = ['registry', 'shares'] as const;

/** Persons other countries share with mine (offers and accepted shares), or mine shares with others. */
export function useRegistryShares(box: 'incoming' | 'outgoing') {
  // Centre names come in the reader's language: a change of language asks again.
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: [...KEY, box, i18n.language],
    queryFn: () => api<RegistryShareList>(`/api/registry/shares/${box}`),
  });
}

/** Every share of one person of my country (for the person page). */
export function usePersonShares(personId: string | undefined) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: [...KEY, 'person', personId, i18n.language],
    queryFn: () => api<RegistryShareList>(`/api/registry/persons/${personId}/shares`),
    enabled: Boolean(personId),
  });
}

/** A person as my country may read them: its own, or another country's by an accepted share. */
export function useRegistryPerson(id: string | undefined) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['registry', 'person', id, i18n.language],
    queryFn: () => api<Person>(`/api/registry/persons/${id}`),
    enabled: Boolean(id),
  });
}

/** The centres of my country (where an accepted transfer is admitted). */
export function useRegistryCentres(enabled = true) {
  return useQuery({
    queryKey: ['registry', 'centres'],
    queryFn: () => api<{ items: Centre[] }>('/api/registry/centres'),
    enabled,
  });
}

/** Every step answers with the share: the lists, the person's shares and the person are stale. */
function useShareMutation<V>(request: (vars: V) => Promise<RegistryShare>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: KEY });
      await queryClient.invalidateQueries({ queryKey: ['registry', 'person'] });
    },
  });
}

export function useSharePerson() {
  return useShareMutation(({ personId, body }: { personId: string; body: PersonShareInput }) =>
    api<RegistryShare>(`/api/registry/persons/${personId}/shares`, { method: 'POST', body }),
  );
}

export function useTransferAbroad() {
  return useShareMutation(({ stayId, body }: { stayId: string; body: TransferAbroadInput }) =>
    api<RegistryShare>(`/api/registry/stays/${stayId}/transfer-abroad`, { method: 'POST', body }),
  );
}

export function useRevokePersonShare() {
  return useShareMutation(({ personId, shareId }: { personId: string; shareId: string }) =>
    api<RegistryShare>(`/api/registry/persons/${personId}/shares/${shareId}`, { method: 'DELETE' }),
  );
}

export function useAcceptShare() {
  return useShareMutation(({ id, body }: { id: string; body: ShareAcceptInput }) =>
    api<RegistryShare>(`/api/registry/shares/${id}/accept`, { method: 'POST', body }),
  );
}

export function useDeclineShare() {
  return useShareMutation(({ id, body }: { id: string; body: ShareDeclineInput }) =>
    api<RegistryShare>(`/api/registry/shares/${id}/decline`, { method: 'POST', body }),
  );
}
