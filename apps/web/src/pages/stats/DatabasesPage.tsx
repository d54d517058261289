import { can, type DataInventoryEntry } from '@enlace/shared';
import { Button, Group, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { SectionNav } from '../../components/SectionNav';
import { CountryFilter } from '../../features/admin/CountryFilter';
import { useMe } from '../../features/auth/auth.queries';
import { useVocab } from '../../features/incidents/vocabulary';
import { InventoryFormModal } from '../../features/stats/InventoryFormModal';
import { useDeleteInventory, useInventory } from '../../features/stats/stats.queries';
import { useFormat } from '../../hooks/useFormat';

/** The inventory of national databases (Work Plan action A1.5): who holds what, and how good it is. */
export function DatabasesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const vocab = useVocab();
  const format = useFormat();
  const [country, setCountry] = useState('');
  const [editing, setEditing] = useState<DataInventoryEntry | 'new' | null>(null);
  const [deleting, setDeleting] = useState<DataInventoryEntry | null>(null);
  const inventory = useInventory(country);
  const remove = useDeleteInventory();
  const mayManage = can(me.role, 'databases.manage');
  const rows = [...(inventory.data ?? [])].sort(
    (a, b) =>
      vocab.country(a.countryCode).localeCompare(vocab.country(b.countryCode)) ||
      a.name.localeCompare(b.name),
  );
  const coverageOf = (e: DataInventoryEntry) => {
    const years =
      e.coverageFrom || e.coverageTo
        ? `${e.coverageFrom ?? '…'}–${e.coverageTo ?? t('inventory.present')}`
        : '';
    return [e.coverage, years].filter(Boolean).join(' · ') || '—';
  };

  return (
    <Page
      title={t('inventory.title')}
      description={t('inventory.intro')}
      actions={mayManage && <Button onClick={() => setEditing('new')}>{t('inventory.create')}</Button>}
    >
      <SectionNav group="stats" />
      <Group align="flex-end" gap="md">
        <CountryFilter value={country} onChange={setCountry} />
        {inventory.data && (
          <Text size="sm" c="dimmed" pb={8} aria-live="polite">
            {t('inventory.count', { count: rows.length, formatted: format.number(rows.length) })}
          </Text>
        )}
      </Group>
      <ErrorAlert error={inventory.error} />
      {inventory.data && (
        <Table.ScrollContainer minWidth={1100}>
          <Table striped highlightOnHover verticalSpacing="sm" bg="white" aria-label={t('inventory.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('inventory.field.name')}</Table.Th>
                <Table.Th scope="col">{t('inventory.field.country')}</Table.Th>
                <Table.Th scope="col">{t('inventory.field.coverage')}</Table.Th>
                <Table.Th scope="col">{t('inventory.field.fields')}</Table.Th>
                <Table.Th scope="col">{t('inventory.field.updateFrequency')}</Table.Th>
                <Table.Th scope="col">{t('inventory.field.sharingStatus')}</Table.Th>
                <Table.Th scope="col">{t('inventory.field.quality')}</Table.Th>
                <Table.Th scope="col">{t('inventory.field.updatedAt')}</Table.Th>
                {mayManage && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={mayManage ? 9 : 8}>
                    <Text c="dimmed" ta="center" py="md">
                      {t('inventory.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {rows.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
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
                  </Table.Td>
                  <Table.Td>{vocab.country(e.countryCode)}</Table.Td>
                  <Table.Td>{coverageOf(e)}</Table.Td>
                  <Table.Td maw={260}>
                    <Text size="xs">{e.fields.length ? e.fields.join(', ') : '—'}</Text>
                  </Table.Td>
                  <Table.Td>{vocab.fixed('updateFrequency', e.updateFrequency)}</Table.Td>
                  <Table.Td>{vocab.fixed('sharingStatus', e.sharingStatus)}</Table.Td>
                  <Table.Td>
                    {vocab.fixed('dataQuality', e.quality)}
                    {e.qualityNotes && (
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {e.qualityNotes}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(e.updatedAt)}</Table.Td>
                  {mayManage && (
                    <Table.Td>
                      {e.abilities.update ? (
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
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
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
