import type { Agency } from '@enlace/shared';
import { Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { StatusDot } from '../../components/StatusDot';
import { useAgencies } from '../../features/admin/admin.queries';
import { AgencyFormModal } from '../../features/admin/AgencyFormModal';
import { CountryFilter } from '../../features/admin/CountryFilter';
import { useMe } from '../../features/auth/auth.queries';
import { useFormat } from '../../hooks/useFormat';
import { useCountryName, useLocalized } from '../../hooks/useLabels';

export function AgenciesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const localized = useLocalized();
  const countryName = useCountryName();
  const [country, setCountry] = useState('');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Agency | null>(null);
  const agencies = useAgencies(country || null);
  const rows = [...(agencies.data ?? [])].sort(
    (a, b) =>
      countryName(a.countryCode).localeCompare(countryName(b.countryCode)) ||
      localized(a.name).localeCompare(localized(b.name)),
  );

  return (
    <Page
      title={t('admin.agencies.title')}
      description={t('admin.agencies.intro')}
      actions={<Button onClick={() => setCreating(true)}>{t('admin.agencies.create')}</Button>}
    >
      <Group align="flex-end" gap="md">
        {me.scope === 'all' && <CountryFilter value={country} onChange={setCountry} />}
        {agencies.data && (
          <Text size="sm" c="dimmed" pb={8} aria-live="polite">
            {t('admin.agencies.count', { count: rows.length, formatted: format.number(rows.length) })}
          </Text>
        )}
      </Group>
      <ErrorAlert error={agencies.error} />
      {agencies.data && (
        <Table.ScrollContainer minWidth={820}>
          <Table
            striped
            highlightOnHover
            verticalSpacing="sm"
            bg="white"
            aria-label={t('admin.agencies.title')}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.agencies.name')}</Table.Th>
                <Table.Th scope="col">{t('admin.agencies.acronym')}</Table.Th>
                <Table.Th scope="col">{t('admin.agencies.kind')}</Table.Th>
                <Table.Th scope="col">{t('admin.agencies.country')}</Table.Th>
                <Table.Th scope="col">{t('admin.agencies.status')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text c="dimmed" ta="center" py="md">
                      {t('admin.agencies.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {rows.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{localized(a.name)}</Table.Td>
                  <Table.Td>{a.acronym ?? '—'}</Table.Td>
                  <Table.Td>{t(`agencyKinds.${a.kind}`)}</Table.Td>
                  <Table.Td>{countryName(a.countryCode)}</Table.Td>
                  <Table.Td>
                    <StatusDot ok={a.active} label={a.active ? t('common.active') : t('common.inactive')} />
                  </Table.Td>
                  <Table.Td>
                    {a.abilities.update ? (
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
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {creating && <AgencyFormModal onClose={() => setCreating(false)} />}
      {editing && <AgencyFormModal key={editing.id} agency={editing} onClose={() => setEditing(null)} />}
    </Page>
  );
}
