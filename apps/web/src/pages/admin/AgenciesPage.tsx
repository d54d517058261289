import type { Agency } from '@enlace/shared';
import { Button, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DataColumn, DataTable, type ListConfig, useListState } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { StatusDot } from '../../components/StatusDot';
import { useAgencies } from '../../features/admin/admin.queries';
import { AgencyFormModal } from '../../features/admin/AgencyFormModal';
import { CountryFilter } from '../../features/admin/CountryFilter';
import { useMe } from '../../features/auth/auth.queries';
import { useCountryName, useLocalized } from '../../hooks/useLabels';

const LIST: ListConfig<'name' | 'acronym' | 'kind' | 'country' | 'status', 'country'> = {
  sorts: ['name', 'acronym', 'kind', 'country', 'status'],
  defaultSort: 'country',
  defaultDir: 'asc',
  filters: ['country'],
};

export function AgenciesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const localized = useLocalized();
  const countryName = useCountryName();
  const list = useListState(LIST);
  const country = list.state.filters.country ?? '';
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Agency | null>(null);
  const agencies = useAgencies(country || null);

  const columns: DataColumn<Agency>[] = [
    {
      id: 'name',
      header: t('admin.agencies.name'),
      sortable: true,
      required: true,
      primary: true,
      value: (a) => localized(a.name),
      cell: (a) => localized(a.name),
    },
    {
      id: 'acronym',
      header: t('admin.agencies.acronym'),
      sortable: true,
      value: (a) => a.acronym,
      cell: (a) => a.acronym ?? '—',
    },
    {
      id: 'kind',
      header: t('admin.agencies.kind'),
      sortable: true,
      value: (a) => t(`agencyKinds.${a.kind}`),
      cell: (a) => t(`agencyKinds.${a.kind}`),
    },
    {
      id: 'country',
      header: t('admin.agencies.country'),
      sortable: true,
      value: (a) => `${countryName(a.countryCode)} ${localized(a.name)}`,
      cell: (a) => countryName(a.countryCode),
    },
    {
      id: 'status',
      header: t('admin.agencies.status'),
      sortable: true,
      value: (a) => (a.active ? 0 : 1),
      cell: (a) => <StatusDot ok={a.active} label={a.active ? t('common.active') : t('common.inactive')} />,
    },
    {
      id: 'actions',
      header: t('common.actions'),
      required: true,
      cell: (a) =>
        a.abilities.update ? (
          <Button
            size="xs"
            variant="default"
            onClick={() => setEditing(a)}
            aria-label={t('admin.editNamed', { name: localized(a.name) })}
          >
            {t('common.edit')}
          </Button>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ),
    },
  ];

  return (
    <Page
      title={t('admin.agencies.title')}
      description={t('admin.agencies.intro')}
      actions={<Button onClick={() => setCreating(true)}>{t('admin.agencies.create')}</Button>}
    >
      <DataTable
        id="admin-agencies"
        label={t('admin.agencies.title')}
        columns={columns}
        rows={agencies.data}
        rowKey={(a) => a.id}
        list={list}
        mode="client"
        loading={agencies.isPending}
        error={agencies.error}
        emptyMessage={t('admin.agencies.empty')}
        search={{
          label: t('list.search'),
          searchText: (a) => `${localized(a.name)} ${a.acronym ?? ''} ${countryName(a.countryCode)}`,
        }}
        toolbar={
          me.scope === 'all' && (
            <CountryFilter value={country} onChange={(value) => list.setFilter('country', value)} />
          )
        }
      />
      {creating && <AgencyFormModal onClose={() => setCreating(false)} />}
      {editing && <AgencyFormModal key={editing.id} agency={editing} onClose={() => setEditing(null)} />}
    </Page>
  );
}
