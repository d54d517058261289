import { can, type DataInventoryEntry } from '@enlace/shared';
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { type DataColumn, DataTable, type ListConfig, useListState } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { SectionNav } from '../../components/SectionNav';
import { CountryFilter } from '../../features/admin/CountryFilter';
import { useMe } from '../../features/auth/auth.queries';
import { useVocab } from '../../features/incidents/vocabulary';
import { InventoryFormModal } from '../../features/stats/InventoryFormModal';
import { useDeleteInventory, useInventory } from '../../features/stats/stats.queries';
import { useFormat } from '../../hooks/useFormat';

const LIST: ListConfig<
  'name' | 'country' | 'updateFrequency' | 'sharingStatus' | 'quality' | 'updatedAt',
  'country'
> = {
  sorts: ['name', 'country', 'updateFrequency', 'sharingStatus', 'quality', 'updatedAt'],
  defaultSort: 'country',
  defaultDir: 'asc',
  filters: ['country'],
};

/** The inventory of national databases (Work Plan action A1.5): who holds what, and how good it is. */
export function DatabasesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const vocab = useVocab();
  const format = useFormat();
  const list = useListState(LIST);
  const country = list.state.filters.country ?? '';
  const [editing, setEditing] = useState<DataInventoryEntry | 'new' | null>(null);
  const [deleting, setDeleting] = useState<DataInventoryEntry | null>(null);
  const inventory = useInventory(country);
  const remove = useDeleteInventory();
  const mayManage = can(me.role, 'databases.manage');
  const coverageOf = (e: DataInventoryEntry) => {
    const years =
      e.coverageFrom || e.coverageTo
        ? `${e.coverageFrom ?? '…'}–${e.coverageTo ?? t('inventory.present')}`
        : '';
    return [e.coverage, years].filter(Boolean).join(' · ') || '—';
  };

  const columns: DataColumn<DataInventoryEntry>[] = [
    {
      id: 'name',
      header: t('inventory.field.name'),
      sortable: true,
      required: true,
      primary: true,
      value: (e) => e.name,
      cell: (e) => (
        <>
          <Text size="sm" fw={600}>
            {e.name}
          </Text>
          <Text size="xs" c="dimmed">
            {e.ownerAgency}
          </Text>
          {e.description && (
            <Text size="xs" lineClamp={2}>
              {e.description}
            </Text>
          )}
        </>
      ),
    },
    {
      id: 'country',
      header: t('inventory.field.country'),
      sortable: true,
      value: (e) => `${vocab.country(e.countryCode)} ${e.name}`,
      cell: (e) => vocab.country(e.countryCode),
    },
    { id: 'coverage', header: t('inventory.field.coverage'), cell: coverageOf },
    {
      id: 'fields',
      header: t('inventory.field.fields'),
      defaultHidden: true,
      cell: (e) => <Text size="xs">{e.fields.length ? e.fields.join(', ') : '—'}</Text>,
    },
    {
      id: 'updateFrequency',
      header: t('inventory.field.updateFrequency'),
      sortable: true,
      defaultHidden: true,
      value: (e) => vocab.fixed('updateFrequency', e.updateFrequency),
      cell: (e) => vocab.fixed('updateFrequency', e.updateFrequency),
    },
    {
      id: 'sharingStatus',
      header: t('inventory.field.sharingStatus'),
      sortable: true,
      value: (e) => vocab.fixed('sharingStatus', e.sharingStatus),
      cell: (e) => vocab.fixed('sharingStatus', e.sharingStatus),
    },
    {
      id: 'quality',
      header: t('inventory.field.quality'),
      sortable: true,
      value: (e) => vocab.fixed('dataQuality', e.quality),
      cell: (e) => (
        <>
          {vocab.fixed('dataQuality', e.quality)}
          {e.qualityNotes && (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {e.qualityNotes}
            </Text>
          )}
        </>
      ),
    },
    {
      id: 'updatedAt',
      header: t('inventory.field.updatedAt'),
      sortable: true,
      nowrap: true,
      value: (e) => e.updatedAt,
      cell: (e) => format.date(e.updatedAt),
    },
    ...(mayManage
      ? [
          {
            id: 'actions',
            header: t('common.actions'),
            required: true,
            cell: (e: DataInventoryEntry) =>
              e.abilities.update ? (
                <Group gap={4} wrap="nowrap">
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={t('admin.editNamed', { name: e.name })}
                    onClick={() => setEditing(e)}
                  >
                    {t('common.edit')}
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    aria-label={t('inventory.deleteNamed', { name: e.name })}
                    onClick={() => setDeleting(e)}
                  >
                    {t('inventory.delete')}
                  </Button>
                </Group>
              ) : (
                '—'
              ),
          },
        ]
      : []),
  ];

  return (
    <Page
      title={t('inventory.title')}
      description={t('inventory.intro')}
      actions={mayManage && <Button onClick={() => setEditing('new')}>{t('inventory.create')}</Button>}
    >
      <SectionNav group="stats" />
      <DataTable
        id="databases"
        label={t('inventory.title')}
        columns={columns}
        rows={inventory.data}
        rowKey={(e) => e.id}
        list={list}
        mode="client"
        loading={inventory.isPending}
        error={inventory.error}
        emptyMessage={t('inventory.empty')}
        search={{
          label: t('list.search'),
          searchText: (e) => `${e.name} ${e.ownerAgency} ${e.description ?? ''} ${e.fields.join(' ')}`,
        }}
        toolbar={<CountryFilter value={country} onChange={(value) => list.setFilter('country', value)} />}
      />
      {editing === 'new' && <InventoryFormModal onClose={() => setEditing(null)} />}
      {editing && editing !== 'new' && (
        <InventoryFormModal key={editing.id} entry={editing} onClose={() => setEditing(null)} />
      )}
      <ConfirmModal
        opened={Boolean(deleting)}
        title={t('inventory.delete')}
        confirmLabel={t('inventory.delete')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onClose={() => {
          remove.reset();
          setDeleting(null);
        }}
        onConfirm={() => {
          if (!deleting) return;
          remove.mutate(deleting.id, {
            onSuccess: () => {
              notifications.show({ color: 'green', title: t('inventory.deleted'), message: deleting.name });
              setDeleting(null);
            },
          });
        }}
      >
        {t('inventory.deleteConfirm', { name: deleting?.name ?? '' })}
      </ConfirmModal>
    </Page>
  );
}
