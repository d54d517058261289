import { AGE_GROUPS, can, type Centre, type Occupancy, type Resident } from '@enlace/shared';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type DataColumn, DataTable, useListState } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Fact } from '../../components/Fact';
import { Page } from '../../components/Page';
import { SectionNav } from '../../components/SectionNav';
import { useMe } from '../../features/auth/auth.queries';
import { useVocab } from '../../features/incidents/vocabulary';
import { useBirthDate } from '../../features/registry/labels';
import { CentreResourcesOverTime, ResidentsOverTime } from '../../features/registry/more/OverTimeCharts';
import { ResourcesModal } from '../../features/registry/ResourcesModal';
import {
  useCentres,
  useOccupancy,
  useResidents,
  useResources,
} from '../../features/registry/registry.queries';
import { ChartCard, count, StatsTable } from '../../features/stats/ChartCard';
import { categoryChart } from '../../features/stats/EChart';
import { useFormat } from '../../hooks/useFormat';
import { useLocalized } from '../../hooks/useLabels';
import { NoAccessPage } from '../NoAccessPage';
import { NotFoundPage } from '../NotFoundPage';

export default function CentrePage() {
  const me = useMe();
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const centres = useCentres();
  if (!can(me.role, 'registry.read')) return <NoAccessPage />;
  if (centres.isPending)
    return (
      <Center py="xl">
        <Loader aria-label={t('a11y.loading')} />
      </Center>
    );
  if (centres.error) return <ErrorAlert error={centres.error} />;
  const centre = centres.data.find((c) => c.id === id);
  return centre ? <CentreView key={id} centre={centre} /> : <NotFoundPage />;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A centre: its places and who fills them now, arrivals and departures, residents, resources. */
function CentreView({ centre }: { centre: Centre }) {
  const { t } = useTranslation();
  const me = useMe();
  const localized = useLocalized();
  const [range, setRange] = useState({
    from: isoDay(new Date(Date.now() - 29 * 86_400_000)),
    to: isoDay(new Date()),
  });
  const occupancy = useOccupancy(centre.id, range);
  const [declaring, setDeclaring] = useState(false);

  return (
    <Page
      title={localized(centre.names)}
      description={`${centre.code} · ${t(`registry.centreTypes.${centre.type}`)} · ${t(`registry.centreStatuses.${centre.status}`)}`}
      actions={
        can(me.role, 'registry.supervise') && (
          <Button variant="default" onClick={() => setDeclaring(true)}>
            {t('registry.centre.declare')}
          </Button>
        )
      }
    >
      <SectionNav group="registry" />
      <ErrorAlert error={occupancy.error} />
      {occupancy.data && <OccupancyNow occupancy={occupancy.data} />}
      <Group align="flex-end" gap="sm">
        <TextInput
          type="date"
          label={t('registry.centre.from')}
          value={range.from}
          max={range.to}
          onChange={(e) => e.currentTarget.value && setRange((r) => ({ ...r, from: e.currentTarget.value }))}
        />
        <TextInput
          type="date"
          label={t('registry.centre.to')}
          value={range.to}
          min={range.from}
          onChange={(e) => e.currentTarget.value && setRange((r) => ({ ...r, to: e.currentTarget.value }))}
        />
      </Group>
      {occupancy.data && <Movements occupancy={occupancy.data} />}
      {occupancy.data && <ResidentsBreakdown occupancy={occupancy.data} />}
      {occupancy.data && <ResidentsOverTime occupancy={occupancy.data} />}
      <Residents centreId={centre.id} />
      <Resources centreId={centre.id} />
      <CentreResourcesOverTime centreId={centre.id} />
      {declaring && <ResourcesModal centreId={centre.id} onClose={() => setDeclaring(false)} />}
    </Page>
  );
}

function OccupancyNow({ occupancy }: { occupancy: Occupancy }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { lengthOfStay: los } = occupancy;
  const days = (v: number | null) => (v === null ? '—' : format.decimal(v, 1));
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <Card withBorder padding="lg" component="section" aria-labelledby="centre-occupancy">
        <Title order={2} size="h4" id="centre-occupancy" mb="sm">
          {t('registry.centre.occupancy')}
        </Title>
        <StatsTable
          caption={t('registry.centre.occupancy')}
          table={{
            columns: [
              t('registry.fields.unit'),
              t('registry.centres.places'),
              t('registry.centre.occupied'),
              t('registry.centre.free'),
            ],
            rows: occupancy.units.map((u) => ({
              key: u.unit,
              label: t(`registry.units.${u.unit}`),
              cells: [count(u.places), count(u.occupied), count(u.free)],
            })),
            total: {
              label: t('registry.centre.total'),
              cells: [
                count(occupancy.total.places),
                count(occupancy.total.occupied),
                count(occupancy.total.free),
              ],
            },
          }}
        />
      </Card>
      <Card withBorder padding="lg" component="section" aria-labelledby="centre-los">
        <Title order={2} size="h4" id="centre-los" mb="sm">
          {t('registry.centre.lengthOfStay')}
        </Title>
        <dl className="definition-list">
          <Fact label={t('registry.centre.releasedCount')}>{format.number(los.released)}</Fact>
          <Fact label={t('registry.centre.meanDays')}>{days(los.meanDays)}</Fact>
          <Fact label={t('registry.centre.medianDays')}>{days(los.medianDays)}</Fact>
          <Fact label={t('registry.centre.currentCount')}>{format.number(los.current)}</Fact>
          <Fact label={t('registry.centre.currentMeanDays')}>{days(los.currentMeanDays)}</Fact>
        </dl>
      </Card>
    </SimpleGrid>
  );
}

function Movements({ occupancy }: { occupancy: Occupancy }) {
  const { t } = useTranslation();
  const format = useFormat();
  const arrivals = occupancy.days.reduce((a, d) => a + d.arrivals, 0);
  const departures = occupancy.days.reduce((a, d) => a + d.departures, 0);
  const labels = occupancy.days.map((d) => format.day(d.date));
  return (
    <ChartCard
      title={t('registry.centre.movements')}
      summary={`${t('registry.centre.arrivals')}: ${format.number(arrivals)}. ${t('registry.centre.departures')}: ${format.number(departures)}.`}
      empty={arrivals + departures === 0}
      option={categoryChart(labels, [
        { name: t('registry.centre.arrivals'), data: occupancy.days.map((d) => d.arrivals) },
        { name: t('registry.centre.departures'), data: occupancy.days.map((d) => d.departures) },
      ])}
      table={{
        columns: [t('registry.centre.day'), t('registry.centre.arrivals'), t('registry.centre.departures')],
        rows: occupancy.days.map((d, i) => ({
          key: d.date,
          label: labels[i] ?? d.date,
          cells: [count(d.arrivals), count(d.departures)],
        })),
        total: { label: t('registry.centre.total'), cells: [count(arrivals), count(departures)] },
      }}
    />
  );
}

function ResidentsBreakdown({ occupancy }: { occupancy: Occupancy }) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const { bySex, byAgeGroup, byNationality } = occupancy.residents;
  const ages = AGE_GROUPS.map((g) => ({ g, n: byAgeGroup.find((a) => a.ageGroup === g)?.count ?? 0 }));
  const table = (title: string, rows: { key: string; label: string; n: number }[]) => (
    <Card withBorder padding="md">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        <StatsTable
          caption={title}
          table={{
            columns: [title, t('registry.centre.count')],
            rows: rows.map((r) => ({ key: r.key, label: r.label, cells: [count(r.n)] })),
          }}
        />
      </Stack>
    </Card>
  );
  return (
    <section aria-labelledby="centre-residents-breakdown">
      <Title order={2} size="h4" id="centre-residents-breakdown" mb="xs">
        {t('registry.centre.currentCount')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        {table(
          t('registry.centre.bySex'),
          bySex.map((s) => ({ key: s.sex, label: t(`registry.sexes.${s.sex}`), n: s.count })),
        )}
        {table(
          t('registry.centre.byAgeGroup'),
          ages.map(({ g, n }) => ({ key: g, label: t(`registry.ageGroups.${g}`), n })),
        )}
        {table(
          t('registry.centre.byNationality'),
          byNationality.map((s) => ({ key: s.nationality, label: vocab.country(s.nationality), n: s.count })),
        )}
      </SimpleGrid>
    </section>
  );
}

function Residents({ centreId }: { centreId: string }) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const format = useFormat();
  const birthDate = useBirthDate();
  const list = useListState(
    { sorts: ['admittedAt'], defaultSort: 'admittedAt', defaultDir: 'desc' } as const,
    {
      inUrl: false,
    },
  );
  const residents = useResidents(centreId, { limit: list.state.limit, offset: list.state.offset });
  const columns = useMemo<DataColumn<Resident>[]>(
    () => [
      {
        id: 'name',
        header: t('registry.fields.name'),
        required: true,
        primary: true,
        rowHeader: true,
        cell: (r) => (
          <>
            <Anchor component={Link} to={`/registry/stays/${r.stayId}`} fw={600} size="sm">
              {r.givenNames} {r.familyNames}
            </Anchor>
            {r.releaseCheckPending && (
              <Badge ml="xs" size="sm" color="orange" variant="light" tt="none">
                {t('registry.centre.pendingCheck')}
              </Badge>
            )}
          </>
        ),
      },
      { id: 'sex', header: t('registry.fields.sex'), cell: (r) => t(`registry.sexes.${r.sex}`) },
      {
        id: 'birthDate',
        header: t('registry.fields.birthDate'),
        nowrap: true,
        cell: (r) => birthDate(r.birthDate, r.birthDatePrecision),
      },
      {
        id: 'nationality',
        header: t('registry.fields.nationality'),
        cell: (r) => vocab.country(r.nationality),
      },
      { id: 'unit', header: t('registry.fields.unit'), cell: (r) => t(`registry.units.${r.unit}`) },
      {
        id: 'admittedAt',
        header: t('registry.fields.admittedAt'),
        nowrap: true,
        cell: (r) => format.dateTime(r.admittedAt),
      },
    ],
    [t, vocab, format, birthDate],
  );
  return (
    <section aria-labelledby="centre-residents">
      <Title order={2} size="h4" id="centre-residents" mb="xs">
        {t('registry.centre.residents')}
      </Title>
      <DataTable
        id="registry-residents"
        label={t('registry.centre.residents')}
        columns={columns}
        rows={residents.data?.items}
        total={residents.data?.total}
        rowKey={(r) => r.stayId}
        list={list}
        mode="server"
        loading={residents.isPending}
        fetching={residents.isPlaceholderData}
        error={residents.error}
        emptyMessage={t('registry.centre.residentsEmpty')}
      />
    </section>
  );
}

function Resources({ centreId }: { centreId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const resources = useResources(centreId);
  const current = resources.data?.current;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="centre-resources">
      <Title order={2} size="h4" id="centre-resources" mb="sm">
        {t('registry.centre.resources')}
      </Title>
      <ErrorAlert error={resources.error} />
      {resources.isSuccess && !current && <Text c="dimmed">{t('registry.centre.resourcesNone')}</Text>}
      {current && (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('registry.centre.resourcesAsOf', { day: format.day(current.asOf) })}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <StatsTable
              caption={t('registry.centre.staff')}
              table={{
                columns: [t('registry.centre.role'), t('registry.centre.staff')],
                rows: current.staff.map((s) => ({
                  key: s.role,
                  label: t(`registry.staffRoles.${s.role}`),
                  cells: [count(s.count)],
                })),
                total: {
                  label: t('registry.centre.total'),
                  cells: [count(current.staff.reduce((a, s) => a + s.count, 0))],
                },
              }}
            />
            <StatsTable
              caption={t('registry.centre.budget')}
              table={{
                columns: [t('registry.centre.line'), t('registry.centre.year'), t('registry.centre.amount')],
                rows: current.budget.map((b, i) => ({
                  key: `${b.line}-${b.year}-${i}`,
                  label: b.line,
                  cells: [
                    { kind: 'text', value: String(b.year) },
                    { kind: 'money', value: b.amount, currency: b.currency },
                  ],
                })),
              }}
            />
          </SimpleGrid>
          {(resources.data?.history.length ?? 0) > 1 && (
            <StatsTable
              caption={t('registry.centre.history')}
              table={{
                columns: [
                  t('registry.centre.asOf'),
                  t('registry.centre.declaredAt'),
                  t('registry.centre.staffTotal'),
                ],
                rows: (resources.data?.history ?? []).map((h) => ({
                  key: `${h.asOf}-${h.declaredAt}`,
                  label: format.day(h.asOf),
                  cells: [{ kind: 'text', value: format.dateTime(h.declaredAt) }, count(h.staff)],
                })),
              }}
            />
          )}
        </Stack>
      )}
    </Card>
  );
}
