import type { User } from '@enlace/shared';
import { Button, Group, Menu, Pagination, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
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

const PAGE_SIZE = 50;

export function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const localized = useLocalized();
  const countryName = useCountryName();
  const [country, setCountry] = useState('');
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [page, setPage] = useState(1);
  const [query] = useDebouncedValue(search.trim(), 300);
  const users = useUsers({
    country: country || null,
    q: query,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const total = users.data?.total ?? 0;
  const agencies = useAgencies(country || null);
  const updateUser = useUpdateUser();
  const resetMfa = useResetMfa();
  const mayCreate = me.permissions.includes('users.manage');

  const agencyName = (id: string | null) => {
    if (!id) return '—';
    const agency = agencies.data?.find((a) => a.id === id);
    return agency ? (agency.acronym ?? localized(agency.name)) : '—';
  };

  const rows = users.data?.items ?? [];

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

  return (
    <Page
      title={t('admin.users.title')}
      description={t('admin.users.intro')}
      actions={mayCreate && <Button onClick={() => setCreating(true)}>{t('admin.users.create')}</Button>}
    >
      <Group align="flex-end" gap="md">
        {me.scope === 'all' && (
          <CountryFilter
            value={country}
            onChange={(value) => {
              setCountry(value);
              setPage(1);
            }}
          />
        )}
        <TextInput
          label={t('admin.users.search')}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
          w={280}
          type="search"
        />
        {users.data && (
          <Text size="sm" c="dimmed" pb={8} aria-live="polite">
            {t('admin.users.count', { count: total, formatted: format.number(total) })}
          </Text>
        )}
      </Group>
      <ErrorAlert error={users.error} />
      {users.data && (
        <Table.ScrollContainer minWidth={960}>
          <Table striped highlightOnHover verticalSpacing="sm" bg="white" aria-label={t('admin.users.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.users.displayName')}</Table.Th>
                <Table.Th scope="col">{t('admin.users.role')}</Table.Th>
                <Table.Th scope="col">{t('admin.users.country')}</Table.Th>
                <Table.Th scope="col">{t('admin.users.agency')}</Table.Th>
                <Table.Th scope="col">{t('admin.users.status')}</Table.Th>
                <Table.Th scope="col">{t('admin.users.mfa')}</Table.Th>
                <Table.Th scope="col">{t('admin.users.createdAt')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={8}>
                    <Text c="dimmed" ta="center" py="md">
                      {t('admin.users.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {rows.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {u.displayName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {u.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`roles.${u.role}`)}</Table.Td>
                  <Table.Td>{countryName(u.countryCode)}</Table.Td>
                  <Table.Td>{agencyName(u.agencyId)}</Table.Td>
                  <Table.Td>
                    <StatusDot ok={u.status === 'active'} label={t(`userStatus.${u.status}`)} />
                  </Table.Td>
                  <Table.Td>{u.mfaEnabled ? t('profile.mfaOn') : t('profile.mfaOff')}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(u.createdAt)}</Table.Td>
                  <Table.Td>
                    {u.abilities.update || u.abilities.resetMfa ? (
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
                          {u.abilities.update && (
                            <Menu.Item onClick={() => setEditing(u)}>{t('common.edit')}</Menu.Item>
                          )}
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
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {total > PAGE_SIZE && (
        <Pagination
          total={Math.ceil(total / PAGE_SIZE)}
          value={page}
          onChange={setPage}
          getControlProps={(control) => ({
            'aria-label': t(`admin.users.pages.${control}`),
          })}
          getItemProps={(n) => ({ 'aria-label': t('admin.users.pages.page', { page: n }) })}
          aria-label={t('admin.users.pages.label')}
        />
      )}
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
