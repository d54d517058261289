import {
  can,
  INCIDENT_SORTS,
  INCIDENT_SOURCES,
  type IncidentSort,
  type IncidentSource,
  type IncidentSummary,
  TRANSPORT_MODES,
  type TransportMode,
} from '@enlace/shared';
import { Anchor, Button, Group, Menu, NativeSelect, Text, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { Count } from '../../components/Count';
import {
  type DataColumn,
  DataTable,
  type FilterChip,
  FilterChips,
  type ListConfig,
  useListState,
} from '../../components/DataTable';
import { ChevronDownIcon } from '../../components/Icons';
import { Page } from '../../components/Page';
import { SectionNav } from '../../components/SectionNav';
import { useMe } from '../../features/auth/auth.queries';
import {
  exportUrl,
  INCIDENT_FILTERS,
  type IncidentFilterKey,
  useIncidentPage,
} from '../../features/incidents/incidents.queries';
import { useVocab } from '../../features/incidents/vocabulary';
import { useFormat } from '../../hooks/useFormat';
import { sectionsFor } from '../../navigation';
import { NoAccessPage } from '../NoAccessPage';

const LIST: ListConfig<IncidentSort, IncidentFilterKey> = {
  sorts: INCIDENT_SORTS,
  defaultSort: 'occurredOn',
  defaultDir: 'desc',
  filters: INCIDENT_FILTERS,
};

/** The incident reports the user may read, newest first, with filters, search and sort in the address. */
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
  const list = useListState(LIST);
  const { filters } = list.state;
  const page = useIncidentPage(list.state);
  const mayWrite = can(me.role, 'incidents.write');
  const mayExport = can(me.role, 'incidents.export');
  const period = { from: filters.from, to: filters.to };
  const filtered = Object.keys(filters).length > 0 || list.state.q !== '';

  const columns = useMemo<DataColumn<IncidentSummary>[]>(
    () => [
      {
        id: 'reference',
        header: t('incidents.field.reference'),
        sortable: true,
        required: true,
        primary: true,
        nowrap: true,
        cell: (i) => (
          <>
            <Anchor component={Link} to={`/incidents/${i.id}`} fw={600} size="sm">
              {i.reference}
            </Anchor>
            {i.version > 1 && (
              <Text size="xs" c="dimmed">
                {t('incidents.versionN', { version: i.version })}
              </Text>
            )}
          </>
        ),
      },
      {
        id: 'occurredOn',
        header: t('incidents.field.occurredOn'),
        sortable: true,
        nowrap: true,
        cell: (i) => format.day(i.occurredOn),
      },
      {
        id: 'kind',
        header: t('incidents.field.kind'),
        sortable: true,
        cell: (i) => vocab.term('incident_kind', i.kind),
      },
      {
        id: 'mode',
        header: t('incidents.field.mode'),
        sortable: true,
        cell: (i) => (i.mode ? vocab.fixed('mode', i.mode) : '—'),
      },
      {
        id: 'country',
        header: t('incidents.field.place'),
        sortable: true,
        cell: (i) => (
          <>
            {i.placeName ?? '—'}
            {i.placeCountry && (
              <Text size="xs" c="dimmed">
                {vocab.country(i.placeCountry)}
              </Text>
            )}
          </>
        ),
      },
      {
        id: 'route',
        header: t('incidents.field.routeCode'),
        defaultHidden: true,
        cell: (i) => (i.route ? vocab.term('route', i.route) : '—'),
      },
      {
        id: 'migrants',
        header: t('incidents.people.migrants'),
        sortable: true,
        align: 'end',
        nowrap: true,
        cell: (i) => <Count value={i.migrants} />,
      },
      {
        id: 'dead',
        header: t('incidents.people.dead'),
        sortable: true,
        align: 'end',
        nowrap: true,
        cell: (i) => <Count value={i.dead} />,
      },
      {
        id: 'missing',
        header: t('incidents.people.missing'),
        sortable: true,
        align: 'end',
        nowrap: true,
        cell: (i) => <Count value={i.missing} />,
      },
      {
        id: 'source',
        header: t('incidents.field.source'),
        defaultHidden: true,
        cell: (i) => t(`incidents.sources.${i.source}`),
      },
    ],
    [t, format, vocab],
  );

  const filterValue = (key: IncidentFilterKey, value: string): string => {
    switch (key) {
      case 'from':
      case 'to':
        return /^\d{4}-\d{2}-\d{2}$/.test(value) ? format.day(value) : value;
      case 'kind':
        return vocab.term('incident_kind', value);
      case 'mode':
        return (TRANSPORT_MODES as readonly string[]).includes(value)
          ? vocab.fixed('mode', value as TransportMode)
          : value;
      case 'route':
        return vocab.term('route', value);
      case 'source':
        return (INCIDENT_SOURCES as readonly string[]).includes(value)
          ? t(`incidents.sources.${value as IncidentSource}`)
          : value;
      case 'country':
        return vocab.country(value);
      case 'region':
        return vocab.term('region', value);
    }
  };
  const filterName: Record<IncidentFilterKey, string> = {
    from: t('incidents.filter.from'),
    to: t('incidents.filter.to'),
    kind: t('incidents.field.kind'),
    mode: t('incidents.field.mode'),
    route: t('incidents.field.routeCode'),
    source: t('incidents.field.source'),
    country: t('list.incidents.country'),
    region: t('list.incidents.region'),
  };
  const chips: FilterChip[] = INCIDENT_FILTERS.flatMap((key) => {
    const value = filters[key];
    return value ? [{ key, name: filterName[key], value: filterValue(key, value) }] : [];
  });
  const field = { base: '100%', xs: 'auto' } as const;

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
      <Text size="sm" c="dimmed">
        {t('incidents.scopeNote', { country: vocab.country(me.countryCode) })}
      </Text>
      <DataTable
        id="incidents"
        label={t('incidents.title')}
        columns={columns}
        rows={page.data?.items}
        total={page.data?.total}
        totalCapped={page.data?.totalCapped}
        rowKey={(i) => i.id}
        list={list}
        mode="server"
        loading={page.isPending}
        fetching={page.isPlaceholderData}
        error={page.error}
        emptyMessage={filtered ? t('incidents.emptyFiltered') : t('incidents.empty')}
        search={{ label: t('list.incidents.search') }}
        toolbar={
          <>
            <TextInput
              type="date"
              label={filterName.from}
              value={filters.from ?? ''}
              onChange={(e) => list.setFilter('from', e.currentTarget.value)}
              w={{ base: '100%', xs: 170 }}
            />
            <TextInput
              type="date"
              label={filterName.to}
              value={filters.to ?? ''}
              onChange={(e) => list.setFilter('to', e.currentTarget.value)}
              w={{ base: '100%', xs: 170 }}
            />
            <NativeSelect
              label={filterName.kind}
              value={filters.kind ?? ''}
              onChange={(e) => list.setFilter('kind', e.currentTarget.value)}
              data={[{ value: '', label: t('incidents.filter.allKinds') }, ...vocab.options('incident_kind')]}
              w={field}
            />
            <NativeSelect
              label={filterName.mode}
              value={filters.mode ?? ''}
              onChange={(e) => list.setFilter('mode', e.currentTarget.value)}
              data={[
                { value: '', label: t('incidents.filter.allModes') },
                ...TRANSPORT_MODES.map((m) => ({ value: m, label: vocab.fixed('mode', m) })),
              ]}
              w={field}
            />
            <NativeSelect
              label={filterName.route}
              value={filters.route ?? ''}
              onChange={(e) => list.setFilter('route', e.currentTarget.value)}
              data={[{ value: '', label: t('incidents.filter.allRoutes') }, ...vocab.options('route')]}
              w={field}
            />
            <NativeSelect
              label={filterName.source}
              value={filters.source ?? ''}
              onChange={(e) => list.setFilter('source', e.currentTarget.value)}
              data={[
                { value: '', label: t('incidents.filter.allSources') },
                ...INCIDENT_SOURCES.map((src) => ({ value: src, label: t(`incidents.sources.${src}`) })),
              ]}
              w={field}
            />
            <NativeSelect
              label={filterName.country}
              value={filters.country ?? ''}
              onChange={(e) => list.setFilter('country', e.currentTarget.value)}
              data={[{ value: '', label: t('common.allCountries') }, ...vocab.countryOptions]}
              w={field}
            />
            <NativeSelect
              label={filterName.region}
              value={filters.region ?? ''}
              onChange={(e) => list.setFilter('region', e.currentTarget.value)}
              data={[{ value: '', label: t('list.incidents.allRegions') }, ...vocab.options('region')]}
              w={field}
            />
          </>
        }
        beforeTable={
          <FilterChips
            chips={chips}
            onRemove={(key) => list.setFilter(key as IncidentFilterKey, '')}
            onClear={list.clearFilters}
          />
        }
      />
    </Page>
  );
}
