import { can, INCIDENT_SOURCES, TRANSPORT_MODES } from '@enlace/shared';
import { Anchor, Button, Group, Menu, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { Count } from '../../components/Count';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ChevronDownIcon } from '../../components/Icons';
import { Page } from '../../components/Page';
import { SectionNav } from '../../components/SectionNav';
import { useMe } from '../../features/auth/auth.queries';
import { exportUrl, PAGE_SIZE, useIncidentPage } from '../../features/incidents/incidents.queries';
import { useVocab } from '../../features/incidents/vocabulary';
import { useFormat } from '../../hooks/useFormat';
import { useUrlFilters } from '../../hooks/useUrlFilters';
import { sectionsFor } from '../../navigation';
import { NoAccessPage } from '../NoAccessPage';

const FILTER_KEYS = ['from', 'to', 'kind', 'mode', 'route', 'source'] as const;

/** The incident reports of the user's country, newest first, with filters kept in the address. */
export function IncidentsPage() {
  const me = useMe();
  if (!can(me.role, 'incidents.read')) {
    const first = sectionsFor(me.role, 'incidents')[0];
    return first ? <Navigate to={first.path} replace /> : <NoAccessPage />;
  }
  return <IncidentList />;
}

function IncidentList() {
  const { t } = useTranslation();
  const me = useMe();
  const vocab = useVocab();
  const format = useFormat();
  const [filters, setFilterValue, clearFilterValues] = useUrlFilters(FILTER_KEYS);
  const [pageIndex, setPageIndex] = useState(0);
  const page = useIncidentPage(filters, pageIndex * PAGE_SIZE);
  const items = page.data?.items ?? [];
  const hasNext = (pageIndex + 1) * PAGE_SIZE < (page.data?.total ?? 0);

  const setFilter = (key: (typeof FILTER_KEYS)[number], value: string) => {
    setFilterValue(key, value);
    setPageIndex(0);
  };

  const mayWrite = can(me.role, 'incidents.write');
  const mayExport = can(me.role, 'incidents.export');
  const period = { from: filters.from, to: filters.to };

  return (
    <Page
      title={t('incidents.title')}
      description={t('incidents.intro')}
      actions={
        <Group gap="sm">
          {mayExport && (
            <Menu position="bottom-end" shadow="md">
              <Menu.Target>
                <Button variant="default" rightSection={<ChevronDownIcon size={14} />}>
                  {t('incidents.export.button')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {(['missing-migrants', 'enlace'] as const).map((layout) => (
                  <div key={layout}>
                    <Menu.Label>{t(`incidents.export.layout.${layout}`)}</Menu.Label>
                    {(['csv', 'xlsx', 'hxl'] as const).map((f) => (
                      <Menu.Item key={f} component="a" href={exportUrl(f, layout, period)} download>
                        {t(`incidents.export.format.${f}`)}
                      </Menu.Item>
                    ))}
                  </div>
                ))}
              </Menu.Dropdown>
            </Menu>
          )}
          {mayWrite && (
            <Button component={Link} to="/incidents/new">
              {t('incidents.create')}
            </Button>
          )}
        </Group>
      }
    >
      <SectionNav group="incidents" />
      <form aria-label={t('incidents.filters')} onSubmit={(e) => e.preventDefault()}>
        <Group align="flex-end" gap="md">
          <TextInput
            type="date"
            label={t('incidents.filter.from')}
            value={filters.from ?? ''}
            onChange={(e) => setFilter('from', e.currentTarget.value)}
            w={170}
          />
          <TextInput
            type="date"
            label={t('incidents.filter.to')}
            value={filters.to ?? ''}
            onChange={(e) => setFilter('to', e.currentTarget.value)}
            w={170}
          />
          <NativeSelect
            label={t('incidents.field.kind')}
            value={filters.kind ?? ''}
            onChange={(e) => setFilter('kind', e.currentTarget.value)}
            data={[{ value: '', label: t('incidents.filter.allKinds') }, ...vocab.options('incident_kind')]}
            w={240}
          />
          <NativeSelect
            label={t('incidents.field.mode')}
            value={filters.mode ?? ''}
            onChange={(e) => setFilter('mode', e.currentTarget.value)}
            data={[
              { value: '', label: t('incidents.filter.allModes') },
              ...TRANSPORT_MODES.map((m) => ({ value: m, label: vocab.fixed('mode', m) })),
            ]}
            w={160}
          />
          <NativeSelect
            label={t('incidents.field.routeCode')}
            value={filters.route ?? ''}
            onChange={(e) => setFilter('route', e.currentTarget.value)}
            data={[{ value: '', label: t('incidents.filter.allRoutes') }, ...vocab.options('route')]}
            w={240}
          />
          <NativeSelect
            label={t('incidents.field.source')}
            value={filters.source ?? ''}
            onChange={(e) => setFilter('source', e.currentTarget.value)}
            data={[
              { value: '', label: t('incidents.filter.allSources') },
              ...INCIDENT_SOURCES.map((s) => ({ value: s, label: t(`incidents.sources.${s}`) })),
            ]}
            w={200}
          />
          {Object.keys(filters).length > 0 && (
            <Button
              variant="subtle"
              onClick={() => {
                clearFilterValues();
                setPageIndex(0);
              }}
            >
              {t('incidents.filter.clear')}
            </Button>
          )}
        </Group>
      </form>
      <Text size="sm" c="dimmed">
        {t('incidents.scopeNote', { country: vocab.country(me.countryCode) })}
      </Text>
      <ErrorAlert error={page.error} />
      {page.data && page.data.total > 0 && (
        <Text size="sm" fw={600} aria-live="polite">
          {t('incidents.matching', { count: page.data.total, total: format.number(page.data.total) })}
        </Text>
      )}
      {page.data && (
        <Table.ScrollContainer minWidth={980}>
          <Table striped highlightOnHover verticalSpacing="sm" bg="white" aria-label={t('incidents.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('incidents.field.reference')}</Table.Th>
                <Table.Th scope="col">{t('incidents.field.occurredOn')}</Table.Th>
                <Table.Th scope="col">{t('incidents.field.kind')}</Table.Th>
                <Table.Th scope="col">{t('incidents.field.mode')}</Table.Th>
                <Table.Th scope="col">{t('incidents.field.place')}</Table.Th>
                <Table.Th scope="col">{t('incidents.field.routeCode')}</Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('incidents.people.migrants')}
                </Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('incidents.people.dead')}
                </Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('incidents.people.missing')}
                </Table.Th>
                <Table.Th scope="col">{t('incidents.field.source')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={10}>
                    <Text c="dimmed" ta="center" py="md">
                      {Object.keys(filters).length ? t('incidents.emptyFiltered') : t('incidents.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Anchor component={Link} to={`/incidents/${i.id}`} fw={600} size="sm">
                      {i.reference}
                    </Anchor>
                    {i.version > 1 && (
                      <Text size="xs" c="dimmed">
                        {t('incidents.versionN', { version: i.version })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.day(i.occurredOn)}</Table.Td>
                  <Table.Td>{vocab.term('incident_kind', i.kind)}</Table.Td>
                  <Table.Td>{i.mode ? vocab.fixed('mode', i.mode) : '—'}</Table.Td>
                  <Table.Td>
                    {i.placeName ?? '—'}
                    {i.placeCountry && (
                      <Text size="xs" c="dimmed">
                        {vocab.country(i.placeCountry)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{i.route ? vocab.term('route', i.route) : '—'}</Table.Td>
                  <Table.Td ta="end">
                    <Count value={i.migrants} />
                  </Table.Td>
                  <Table.Td ta="end">
                    <Count value={i.dead} />
                  </Table.Td>
                  <Table.Td ta="end">
                    <Count value={i.missing} />
                  </Table.Td>
                  <Table.Td>{t(`incidents.sources.${i.source}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {page.data && (pageIndex > 0 || hasNext) && (
        <Group component="nav" justify="space-between" aria-label={t('incidents.paging')}>
          <Button
            variant="default"
            disabled={pageIndex === 0}
            onClick={() => setPageIndex((p) => Math.max(0, p - 1))}
          >
            {t('common.previousPage')}
          </Button>
          <Text size="sm" aria-live="polite">
            {t('common.pageN', {
              page: pageIndex + 1,
              from: pageIndex * PAGE_SIZE + 1,
              to: pageIndex * PAGE_SIZE + items.length,
            })}
          </Text>
          <Button variant="default" disabled={!hasNext} onClick={() => setPageIndex((p) => p + 1)}>
            {t('common.nextPage')}
          </Button>
        </Group>
      )}
    </Page>
  );
}
