import { AUTHORISATION_WARNING_DAYS, type Authorisation } from '@enlace/shared';
import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmModal } from '../../components/ConfirmModal';
import { type DataColumn, DataTable, type ListConfig, useListState } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { AuthorisationFormModal } from '../../features/directory/AuthorisationFormModal';
import { useAuthorisations, useRevokeAuthorisation } from '../../features/directory/directory.queries';
import { daysLeft, expiresSoon } from '../../features/directory/directory-helpers';
import '../../features/directory/directory.css';
import { useFormat } from '../../hooks/useFormat';

const SORTS = ['user', 'validUntil', 'authorisedOn'] as const;
const LIST: ListConfig<(typeof SORTS)[number]> = {
  sorts: SORTS,
  defaultSort: 'validUntil',
  defaultDir: 'asc',
};

type Status = 'current' | 'expired' | 'revoked';
function statusOf(a: Authorisation): Status {
  if (a.status === 'revoked') return 'revoked';
  return a.current ? 'current' : 'expired';
}
// Filled green and outlined dark and red keep 4.5:1 on small bold text (the green tint does not).
const STATUS_BADGE: Record<Status, { color: string; variant: 'filled' | 'outline' }> = {
  current: { color: 'green', variant: 'filled' },
  expired: { color: 'dark', variant: 'outline' },
  revoked: { color: 'red', variant: 'outline' },
};

/** The Ministry of Foreign Affairs' authorisations of the country's liaisons and prosecutors. */
export function AuthorisationsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useListState(LIST);
  const authorisations = useAuthorisations();
  const revoke = useRevokeAuthorisation();
  const [recording, setRecording] = useState(false);
  const [revoking, setRevoking] = useState<Authorisation | null>(null);
  const today = new Date();

  const columns: DataColumn<Authorisation>[] = [
    {
      id: 'user',
      header: t('directory.authorisations.user'),
      sortable: true,
      required: true,
      primary: true,
      value: (a) => a.userName,
      cell: (a) => (
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {a.userName}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`roles.${a.userRole}` as never)}
          </Text>
        </Stack>
      ),
    },
    {
      id: 'noteReference',
      header: t('directory.authorisations.noteReference'),
      cell: (a) => <span className="mono">{a.noteReference}</span>,
    },
    { id: 'authorisedBy', header: t('directory.authorisations.authorisedBy'), cell: (a) => a.authorisedBy },
    {
      id: 'authorisedOn',
      header: t('directory.authorisations.period'),
      sortable: true,
      nowrap: true,
      value: (a) => a.authorisedOn,
      cell: (a) =>
        t('directory.authorisations.fromUntil', {
          from: format.day(a.authorisedOn),
          until: format.day(a.validUntil),
        }),
    },
    {
      id: 'status',
      header: t('directory.authorisations.status'),
      cell: (a) => {
        const s = statusOf(a);
        return (
          <Badge
            {...STATUS_BADGE[s]}
            tt="none"
            classNames={{ root: 'directory-badge', label: 'directory-badge-label' }}
          >
            {t(`directory.authorisations.statuses.${s}`)}
          </Badge>
        );
      },
    },
    {
      id: 'validUntil',
      header: t('directory.authorisations.daysLeft'),
      sortable: true,
      nowrap: true,
      value: (a) => a.validUntil,
      cell: (a) => {
        if (statusOf(a) !== 'current') return '—';
        const left = daysLeft(a.validUntil, today);
        const soon = expiresSoon(a.current, a.validUntil, today);
        return (
          <Group gap={6} wrap="nowrap">
            <Text size="sm" className="tabular" fw={soon ? 700 : undefined}>
              {t('directory.authorisations.days', { count: left, n: format.number(left) })}
            </Text>
            {soon && (
              <Badge
                color="orange"
                variant="filled"
                tt="none"
                classNames={{ root: 'directory-badge', label: 'directory-badge-label' }}
              >
                {t('directory.authorisations.expiresSoon')}
              </Badge>
            )}
          </Group>
        );
      },
    },
    {
      id: 'actions',
      header: t('common.actions'),
      headerHidden: true,
      required: true,
      cell: (a) =>
        a.status === 'active' ? (
          <Button
            size="xs"
            variant="default"
            color="red"
            onClick={() => setRevoking(a)}
            aria-label={t('directory.authorisations.revokeNamed', { name: a.userName })}
          >
            {t('directory.authorisations.revoke')}
          </Button>
        ) : null,
    },
  ];

  const handleRevoke = () => {
    if (!revoking) return;
    revoke.mutate(revoking.id, {
      onSuccess: (saved) => {
        notifications.show({
          color: 'green',
          title: t('directory.authorisations.revoked'),
          message: saved.userName,
        });
        setRevoking(null);
      },
    });
  };

  return (
    <Page
      title={t('directory.authorisations.title')}
      description={t('directory.authorisations.intro', { count: AUTHORISATION_WARNING_DAYS })}
      actions={<Button onClick={() => setRecording(true)}>{t('directory.authorisations.create')}</Button>}
    >
      <Anchor component={Link} to="/directory" size="sm">
        {t('directory.authorisations.back')}
      </Anchor>
      <DataTable
        id="directory-authorisations"
        label={t('directory.authorisations.title')}
        columns={columns}
        rows={authorisations.data}
        rowKey={(a) => a.id}
        list={list}
        mode="client"
        loading={authorisations.isPending}
        error={authorisations.error}
        emptyMessage={t('directory.authorisations.empty')}
        search={{
          label: t('directory.authorisations.search'),
          searchText: (a) => `${a.userName} ${a.noteReference} ${a.authorisedBy}`,
        }}
      />
      {recording && <AuthorisationFormModal onClose={() => setRecording(false)} />}
      <ConfirmModal
        opened={Boolean(revoking)}
        title={t('directory.authorisations.revokeTitle')}
        confirmLabel={t('directory.authorisations.revoke')}
        danger
        loading={revoke.isPending}
        error={revoke.error}
        onConfirm={handleRevoke}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
      >
        {revoking &&
          t('directory.authorisations.revokeBody', {
            name: revoking.userName,
            reference: revoking.noteReference,
          })}
      </ConfirmModal>
    </Page>
  );
}
