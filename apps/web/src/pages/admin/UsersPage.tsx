import type { User } from '@enlace/shared';
import { Button, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { type DataColumn, DataTable, type ListConfig, useListState } from '../../components/DataTable';
import { ChevronDownIcon } from '../../components/Icons';
import { Page } from '../../components/Page';
import { StatusDot } from '../../components/StatusDot';
import { useAgencies, useResetMfa, useUpdateUser, useUsers } from '../../features/admin/admin.queries';
import { CountryFilter } from '../../features/admin/CountryFilter';
import { UserFormModal } from '../../features/admin/UserFormModal';
import { useMe } from '../../features/auth/auth.queries';
import { useFormat } from '../../hooks/useFormat';
import { useCountryName, useLocalized } from '../../hooks/useLabels';

type Pending = { kind: 'status' | 'resetMfa'; user: User } | null;

// The account list is searched and paged on the server; it has one order (by name).
const LIST: ListConfig<'displayName', 'country'> = {
  sorts: ['displayName'],
  defaultSort: 'displayName',
  defaultDir: 'asc',
  defaultLimit: 50,
  filters: ['country'],
};

export function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const localized = useLocalized();
  const countryName = useCountryName();
  const list = useListState(LIST);
  const country = list.state.filters.country ?? '';
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const users = useUsers({
    country: country || undefined,
    q: list.state.q || undefined,
    limit: list.state.limit,
    offset: list.state.offset,
  });
  const agencies = useAgencies(country || null);
  const updateUser = useUpdateUser();
  const resetMfa = useResetMfa();
  const mayCreate = me.permissions.includes('users.manage');

  const agencyName = (id: string | null) => {
    if (!id) return '—';
    const agency = agencies.data?.find((a) => a.id === id);
    return agency ? (agency.acronym ?? localized(agency.name)) : '—';
  };

  const closePending = () => {
    updateUser.reset();
    resetMfa.reset();
    setPending(null);
  };

  const handleConfirm = () => {
    if (!pending) return;
    const { user } = pending;
    if (pending.kind === 'status') {
      const status = user.status === 'active' ? 'disabled' : 'active';
      updateUser.mutate(
        { id: user.id, patch: { status } },
        {
          onSuccess: () => {
            notifications.show({
              color: 'green',
              title: status === 'disabled' ? t('admin.users.disabledDone') : t('admin.users.enabledDone'),
              message: user.displayName,
            });
            setPending(null);
          },
        },
      );
    } else {
      resetMfa.mutate(user.id, {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            title: t('admin.users.resetMfaDone'),
            message: user.displayName,
          });
          setPending(null);
        },
      });
    }
  };

  const columns: DataColumn<User>[] = [
    {
      id: 'displayName',
      header: t('admin.users.displayName'),
      required: true,
      primary: true,
      cell: (u) => (
        <>
          <Text size="sm" fw={600}>
            {u.displayName}
          </Text>
          <Text size="xs" c="dimmed">
            {u.email}
          </Text>
        </>
      ),
    },
    { id: 'role', header: t('admin.users.role'), cell: (u) => t(`roles.${u.role}`) },
    { id: 'country', header: t('admin.users.country'), cell: (u) => countryName(u.countryCode) },
    { id: 'agency', header: t('admin.users.agency'), cell: (u) => agencyName(u.agencyId) },
    {
      id: 'status',
      header: t('admin.users.status'),
      cell: (u) => <StatusDot ok={u.status === 'active'} label={t(`userStatus.${u.status}`)} />,
    },
    {
      id: 'mfa',
      header: t('admin.users.mfa'),
      cell: (u) => (u.mfaEnabled ? t('profile.mfaOn') : t('profile.mfaOff')),
    },
    {
      id: 'createdAt',
      header: t('admin.users.createdAt'),
      nowrap: true,
      cell: (u) => format.date(u.createdAt),
    },
    {
      id: 'actions',
      header: t('common.actions'),
      required: true,
      cell: (u) =>
        u.abilities.update || u.abilities.resetMfa ? (
          <Menu position="bottom-end" shadow="md">
            <Menu.Target>
              <Button
                size="xs"
                variant="default"
                rightSection={<ChevronDownIcon size={12} />}
                aria-label={t('admin.actionsFor', { name: u.displayName })}
              >
                {t('common.actions')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {u.abilities.update && <Menu.Item onClick={() => setEditing(u)}>{t('common.edit')}</Menu.Item>}
              {u.abilities.update && (
                <Menu.Item onClick={() => setPending({ kind: 'status', user: u })}>
                  {u.status === 'active' ? t('admin.users.disable') : t('admin.users.enable')}
                </Menu.Item>
              )}
              {u.abilities.resetMfa && u.mfaEnabled && (
                <Menu.Item onClick={() => setPending({ kind: 'resetMfa', user: u })}>
                  {t('admin.users.resetMfa')}
                </Menu.Item>
              )}
            </Menu.Dropdown>
          </Menu>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ),
    },
  ];

  return (
    <Page
      title={t('admin.users.title')}
      description={t('admin.users.intro')}
      actions={mayCreate && <Button onClick={() => setCreating(true)}>{t('admin.users.create')}</Button>}
    >
      <DataTable
        id="admin-users"
        label={t('admin.users.title')}
        columns={columns}
        rows={users.data?.items}
        total={users.data?.total}
        rowKey={(u) => u.id}
        list={list}
        mode="server"
        loading={users.isPending}
        fetching={users.isPlaceholderData}
        error={users.error}
        emptyMessage={t('admin.users.empty')}
        search={{ label: t('admin.users.search') }}
        toolbar={
          me.scope === 'all' && (
            <CountryFilter value={country} onChange={(value) => list.setFilter('country', value)} />
          )
        }
      />
      {creating && <UserFormModal opened onClose={() => setCreating(false)} />}
      {editing && <UserFormModal key={editing.id} user={editing} opened onClose={() => setEditing(null)} />}
      <ConfirmModal
        opened={pending !== null}
        title={
          pending?.kind === 'resetMfa'
            ? t('admin.users.resetMfa')
            : pending?.user.status === 'active'
              ? t('admin.users.disable')
              : t('admin.users.enable')
        }
        confirmLabel={
          pending?.kind === 'resetMfa'
            ? t('admin.users.resetMfa')
            : pending?.user.status === 'active'
              ? t('admin.users.disable')
              : t('admin.users.enable')
        }
        danger={pending?.kind === 'resetMfa' || pending?.user.status === 'active'}
        loading={updateUser.isPending || resetMfa.isPending}
        error={updateUser.error ?? resetMfa.error}
        onConfirm={handleConfirm}
        onClose={closePending}
      >
        {pending?.kind === 'resetMfa'
          ? t('admin.users.resetMfaConfirm', { name: pending.user.displayName })
          : pending?.user.status === 'active'
            ? t('admin.users.disableConfirm', { name: pending.user.displayName })
            : t('admin.users.enableConfirm', { name: pending?.user.displayName ?? '' })}
      </ConfirmModal>
    </Page>
  );
}
