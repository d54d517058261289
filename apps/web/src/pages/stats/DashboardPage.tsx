import {
  type CaseStats,
  can,
  type FlowStats,
  type IncidentMeasure,
  type IncidentStats,
  type ModusStats,
  type PeopleStats,
  type Permission,
  ROLE_PERMISSIONS,
} from '@enlace/shared';
import { Alert, Button, Group, Menu, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api';
import { Count } from '../../components/Count';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ChevronDownIcon } from '../../components/Icons';
import { Page } from '../../components/Page';
import { SectionNav } from '../../components/SectionNav';
import { useMe } from '../../features/auth/auth.queries';
import { useVocab } from '../../features/incidents/vocabulary';
import { ChartCard, count, type DataTable, StatsTable } from '../../features/stats/ChartCard';
import { type Clicked, casesLink, incidentsLink } from '../../features/stats/drilldown';
import { categoryChart } from '../../features/stats/EChart';
import { ExchangeTimesCard } from '../../features/stats/ExchangeTimesCard';
import { StatsFilterBar, useStatsFilters } from '../../features/stats/StatsFilterBar';
import {
  type StatsFilters,
  statsExportUrl,
  useCaseStats,
  useExchangeStats,
  useFlowStats,
  useIncidentStats,
  useModusStats,
  usePeopleStats,
} from '../../features/stats/stats.queries';
import { useFormat } from '../../hooks/useFormat';
import { useLooseT } from '../../hooks/useLooseT';

const KPI_MEASURES: IncidentMeasure[] = [
  'migrants',
  'dead',
  'missing',
  'survivors',
  'unaccompaniedChildren',
  'children',
  'smugglersApprehended',
];

/** What the charts need to link to the records behind them. */
interface Drill {
  filters: StatsFilters;
  permissions: readonly Permission[];
}

/** The incident list behind a chart value, and the note under an incident chart. */
function useIncidentDrill(drill: Drill) {
  const { t } = useTranslation();
  const link = (clicked: Clicked | null) => incidentsLink(drill.filters, clicked, drill.permissions);
  const may = drill.permissions.includes('incidents.read');
  const note = !may
    ? undefined
    : drill.filters.nationality
      ? t('statsSources.drill.noNationalityFilter')
      : t('statsSources.drill.incidents');
  return { link, note };
}

/** How many of a chart's values were withheld, for its spoken summary. */
function suppressedNote(t: (k: 'stats.suppressedInChart', o: { count: number }) => string, n: number) {
  return n > 0 ? ` ${t('stats.suppressedInChart', { count: n })}` : '';
}

export default function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [filters, setFilter, clearFilters] = useStatsFilters();
  const [grain, setGrain] = useState<Grain>('month');
  const overTime = useIncidentStats(filters, grain);
  const byRoute = useIncidentStats(filters, 'route');
  const people = usePeopleStats(filters);
  const flows = useFlowStats(filters);
  const modus = useModusStats(filters);
  const cases = useCaseStats(filters);
  // Response times are the exchange's: asked only by those who take part in it.
  const exchange = useExchangeStats(filters, can(me.role, 'exchange.use'));
  const suppression = overTime.data?.suppression ?? false;
  const error = overTime.error ?? byRoute.error ?? people.error ?? flows.error ?? modus.error ?? cases.error;
  const drill: Drill = { filters, permissions: ROLE_PERMISSIONS[me.role] };

  return (
    <Page
      title={t('stats.title')}
      description={t('stats.intro')}
      actions={
        <Group gap="sm">
          <Menu position="bottom-end" shadow="md">
            <Menu.Target>
              <Button variant="default" rightSection={<ChevronDownIcon size={14} />}>
                {t('stats.export.button')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {(['incidents', 'people', 'flows'] as const).map((table) => (
                <div key={table}>
                  <Menu.Label>{t(`stats.export.table.${table}`)}</Menu.Label>
                  {(['csv', 'xlsx', 'hxl'] as const).map((f) => (
                    <Menu.Item key={f} component="a" href={statsExportUrl(filters, table, f)} download>
                      {t(`stats.export.format.${f}`)}
                    </Menu.Item>
                  ))}
                </div>
              ))}
            </Menu.Dropdown>
          </Menu>
          {can(me.role, 'incidents.import') && (
            <Button component={Link} to="/incidents/import" variant="default">
              {t('stats.importLink')}
            </Button>
          )}
        </Group>
      }
    >
      <SectionNav group="stats" />
      <StatsFilterBar filters={filters} onChange={setFilter} onClear={clearFilters} />
      {suppression && (
        <Alert color="enlace" role="note" title={t('stats.suppressionTitle')}>
          <Text size="sm">{t('stats.suppressionBody')}</Text>
        </Alert>
      )}
      <Text size="xs" c="dimmed">
        {t('stats.exportNote')}
      </Text>
      <ErrorAlert error={error} />
      {overTime.data && <Kpis stats={overTime.data} />}
      {overTime.data && <OverTime stats={overTime.data} grain={grain} onGrain={setGrain} drill={drill} />}
      {people.data && overTime.data && <People stats={people.data} totals={overTime.data} drill={drill} />}
      {byRoute.data && flows.data && <Routes stats={byRoute.data} flows={flows.data} drill={drill} />}
      {modus.data && <Modus stats={modus.data} drill={drill} />}
      {cases.data && <Cases stats={cases.data} drill={drill} />}
      {isApiError(exchange.error) && exchange.error.code === 'exchange_not_authorised' ? (
        // Expected, not a failure: a liaison whose authorisation lapsed is told why the times are not shown.
        <Alert color="enlace" role="note" title={t('stats.exchange.title')}>
          {exchange.error.title}
        </Alert>
      ) : (
        <ErrorAlert error={exchange.error} />
      )}
      {exchange.data && <ExchangeTimesCard stats={exchange.data} />}
    </Page>
  );
}

function Kpis({ stats }: { stats: IncidentStats }) {
  const { t } = useTranslation();
  const lt = useLooseT();
  const format = useFormat();
  const total = stats.total;
  return (
    <section aria-labelledby="kpi-title">
      <h2 id="kpi-title" className="visually-hidden">
        {t('stats.kpiTitle')}
      </h2>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="dl" className="count-grid">
        <div className="count-tile kpi" data-testid="kpi-incidents">
          <dt>{t('stats.incidents')}</dt>
          <dd>{format.number(total.incidents)}</dd>
        </div>
        {KPI_MEASURES.map((m) => (
          <div key={m} className="count-tile kpi" data-testid={`kpi-${m}`}>
            <dt>{lt(`incidents.people.${m}`)}</dt>
            <dd>
              <Count value={total.values[m]} suppressed={total.suppressed.includes(m)} />
            </dd>
            <dd className="kpi-note">
              {t('stats.knownIn', {
                count: total.incidents,
                known: format.number(total.known[m]),
                incidents: format.number(total.incidents),
              })}
            </dd>
          </div>
        ))}
      </SimpleGrid>
    </section>
  );
}

type Grain = 'month' | 'year';

function OverTime({
  stats,
  grain,
  onGrain,
  drill,
}: {
  stats: IncidentStats;
  grain: Grain;
  onGrain: (grain: Grain) => void;
  drill: Drill;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows = stats.rows;
  // The grouping of the figures shown, which lags the choice while the new ones load.
  const shown: Grain = stats.by.includes('year') ? 'year' : 'month';
  const incidents = useIncidentDrill(drill);
  const links = rows.map((r) => {
    const value = r.key[shown];
    return value ? incidents.link({ dim: shown, value }) : null;
  });
  const label = (r: IncidentStats['rows'][number]) =>
    shown === 'year' ? (r.key.year ?? '') : format.month(r.key.month ?? '');
  const months = rows.map(label);
  const v = (m: IncidentMeasure) => rows.map((r) => r.values[m]);
  const hidden = (m: IncidentMeasure) => rows.filter((r) => r.suppressed.includes(m)).length;
  const options = {
    incidents: categoryChart(months, [{ name: t('stats.incidents'), data: rows.map((r) => r.incidents) }]),
    deadMissing: categoryChart(months, [
      { name: t('incidents.people.dead'), data: v('dead'), type: 'line' },
      { name: t('incidents.people.missing'), data: v('missing'), type: 'line' },
    ]),
    children: categoryChart(months, [
      { name: t('incidents.people.unaccompaniedChildren'), data: v('unaccompaniedChildren') },
      { name: t('incidents.people.children'), data: v('children') },
    ]),
  };
  const table = (measures: IncidentMeasure[], withIncidents: boolean): DataTable => ({
    columns: [
      shown === 'year' ? t('stats.year') : t('stats.month'),
      ...(withIncidents ? [t('stats.incidents')] : []),
      ...measures.map((m) => t(`incidents.people.${m}` as 'incidents.people.dead')),
    ],
    rows: rows.map((r, i) => ({
      key: r.key[shown] ?? '',
      label: label(r),
      href: links[i],
      cells: [
        ...(withIncidents ? [count(r.incidents)] : []),
        ...measures.map((m) => count(r.values[m], r.suppressed.includes(m))),
      ],
    })),
    total: {
      label: t('stats.total'),
      cells: [
        ...(withIncidents ? [count(stats.total.incidents)] : []),
        ...measures.map((m) => count(stats.total.values[m], stats.total.suppressed.includes(m))),
      ],
    },
  });
  const totalIncidents = format.number(stats.total.incidents);
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={t('stats.grain')}
        value={grain}
        onChange={(value) => onGrain(value as Grain)}
        data={[
          { value: 'month', label: t('stats.month') },
          { value: 'year', label: t('stats.year') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <ChartCard
          title={t('stats.chart.overTime')}
          summary={t('stats.summary.overTime', {
            count: stats.total.incidents,
            incidents: totalIncidents,
            period: t(shown === 'year' ? 'stats.summary.years' : 'stats.summary.months', {
              count: rows.length,
            }),
          })}
          option={options.incidents}
          table={table(['migrants', 'dead', 'missing'], true)}
          empty={rows.length === 0}
          links={links}
          linksNote={incidents.note}
        />
        <ChartCard
          title={t('stats.chart.deadMissing')}
          summary={
            t('stats.summary.deadMissing', {
              dead:
                stats.total.values.dead === null
                  ? t('common.unknown')
                  : format.number(stats.total.values.dead),
              missing:
                stats.total.values.missing === null
                  ? t('common.unknown')
                  : format.number(stats.total.values.missing),
            }) + suppressedNote(t, hidden('dead') + hidden('missing'))
          }
          option={options.deadMissing}
          table={table(['dead', 'missing'], false)}
          empty={rows.length === 0}
          links={links}
          linksNote={incidents.note}
          note={t('stats.unknownNote')}
        />
        <ChartCard
          title={t('stats.chart.children')}
          summary={
            t('stats.summary.children', {
              value:
                stats.total.values.unaccompaniedChildren === null
                  ? t('common.unknown')
                  : format.number(stats.total.values.unaccompaniedChildren),
            }) + suppressedNote(t, hidden('unaccompaniedChildren') + hidden('children'))
          }
          option={options.children}
          table={table(['unaccompaniedChildren', 'children'], false)}
          empty={rows.length === 0}
          links={links}
          linksNote={incidents.note}
          note={t('stats.childrenNote', {
            count: stats.total.incidents,
            known: format.number(stats.total.known.unaccompaniedChildren),
            incidents: totalIncidents,
          })}
        />
      </SimpleGrid>
    </Stack>
  );
}

function People({ stats, totals, drill }: { stats: PeopleStats; totals: IncidentStats; drill: Drill }) {
  const { t } = useTranslation();
  // The incident list has no filter by sex, age group or nationality: these charts open nothing.
  const noDrill = drill.permissions.includes('incidents.read') ? t('statsSources.drill.noPeople') : undefined;
  const vocab = useVocab();
  const format = useFormat();
  const detailed = stats.detailed;
  const nationalities = [...stats.byNationality].sort((a, b) => (b.persons ?? -1) - (a.persons ?? -1));
  const top = nationalities.slice(0, 15);
  const options = {
    sex: categoryChart(
      stats.bySex.map((r) => vocab.fixed('sex', r.sex)),
      [{ name: t('incidents.field.persons'), data: stats.bySex.map((r) => r.persons) }],
    ),
    age: categoryChart(
      stats.byAgeGroup.map((r) => vocab.fixed('ageGroup', r.ageGroup)),
      [{ name: t('incidents.field.persons'), data: stats.byAgeGroup.map((r) => r.persons) }],
    ),
    nationality: categoryChart(
      top.map((r) => (r.nationality ? vocab.country(r.nationality) : t('incidents.nationalityUnknown'))),
      [{ name: t('incidents.field.persons'), data: top.map((r) => r.persons) }],
      { horizontal: true },
    ),
    reported: categoryChart(
      [t('incidents.people.females'), t('incidents.people.males'), t('incidents.people.children')],
      [
        {
          name: t('incidents.field.persons'),
          data: [totals.total.values.females, totals.total.values.males, totals.total.values.children],
        },
      ],
    ),
  };
  const simple = (
    label: string,
    items: { key: string; label: string; persons: number | null; suppressed: boolean }[],
  ): DataTable => ({
    columns: [label, t('incidents.field.persons')],
    rows: items.map((i) => ({ key: i.key, label: i.label, cells: [count(i.persons, i.suppressed)] })),
    total: { label: t('stats.total'), cells: [count(detailed.persons, detailed.suppressed)] },
  });
  const hiddenOf = (items: { suppressed: boolean }[]) => items.filter((i) => i.suppressed).length;
  const detailedText = detailed.suppressed
    ? t('stats.suppressedShort')
    : detailed.persons === null
      ? t('common.unknown')
      : format.number(detailed.persons);
  // A suppressed or unknown number reads as a plural ("other": Intl.PluralRules gives it for NaN).
  const note = t('stats.detailedNote', {
    count: detailed.suppressed || detailed.persons === null ? Number.NaN : detailed.persons,
    persons: detailedText,
  });
  const empty = (detailed.persons ?? 0) === 0 && !detailed.suppressed;
  const reportedMeasures = ['females', 'males', 'children'] as const;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <ChartCard
        title={t('stats.chart.reportedProfile')}
        summary={t('stats.summary.reportedProfile')}
        option={options.reported}
        table={{
          columns: [t('stats.measure'), t('incidents.field.persons'), t('stats.knownInColumn')],
          rows: reportedMeasures.map((m) => ({
            key: m,
            label: t(`incidents.people.${m}`),
            cells: [
              count(totals.total.values[m], totals.total.suppressed.includes(m)),
              count(totals.total.known[m]),
            ],
          })),
        }}
        empty={totals.total.incidents === 0}
        note={t('stats.reportedNote')}
      />
      <ChartCard
        title={t('stats.chart.bySex')}
        summary={note + suppressedNote(t, hiddenOf(stats.bySex))}
        option={options.sex}
        table={simple(
          t('incidents.field.sex'),
          stats.bySex.map((r) => ({
            key: r.sex,
            label: vocab.fixed('sex', r.sex),
            persons: r.persons,
            suppressed: r.suppressed,
          })),
        )}
        empty={empty}
        note={note}
        linksNote={noDrill}
      />
      <ChartCard
        title={t('stats.chart.byAge')}
        summary={note + suppressedNote(t, hiddenOf(stats.byAgeGroup))}
        option={options.age}
        table={simple(
          t('incidents.field.ageGroup'),
          stats.byAgeGroup.map((r) => ({
            key: r.ageGroup,
            label: vocab.fixed('ageGroup', r.ageGroup),
            persons: r.persons,
            suppressed: r.suppressed,
          })),
        )}
        empty={empty}
        note={note}
        linksNote={noDrill}
      />
      <ChartCard
        title={t('stats.chart.byNationality')}
        summary={
          t('stats.summary.nationalities', { count: nationalities.length }) +
          suppressedNote(t, hiddenOf(nationalities))
        }
        option={options.nationality}
        height={Math.max(220, top.length * 26 + 60)}
        table={simple(
          t('incidents.field.nationality'),
          nationalities.map((r) => ({
            key: r.nationality ?? 'unknown',
            label: r.nationality ? vocab.country(r.nationality) : t('incidents.nationalityUnknown'),
            persons: r.persons,
            suppressed: r.suppressed,
          })),
        )}
        empty={nationalities.length === 0}
        linksNote={noDrill}
        note={
          nationalities.length > top.length
            ? t('stats.topN', { n: top.length, total: nationalities.length })
            : undefined
        }
      />
    </SimpleGrid>
  );
}

function Routes({ stats, flows, drill }: { stats: IncidentStats; flows: FlowStats; drill: Drill }) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const rows = [...stats.rows].sort((a, b) => b.incidents - a.incidents);
  const top = rows.slice(0, 12);
  const incidents = useIncidentDrill(drill);
  const routeLink = (r: IncidentStats['rows'][number]) =>
    incidents.link({ dim: 'route', value: r.key.route ?? null });
  const routeName = (code: string | null | undefined) =>
    code ? vocab.term('route', code) : t('stats.noNamedRoute');
  const option = categoryChart(
    top.map((r) => routeName(r.key.route)),
    [{ name: t('stats.incidents'), data: top.map((r) => r.incidents) }],
    { horizontal: true },
  );
  const measures: IncidentMeasure[] = ['migrants', 'dead', 'missing'];
  const place = (c: string | null) => (c ? vocab.country(c) : t('common.unknown'));
  return (
    <Stack gap="md">
      <ChartCard
        title={t('stats.chart.routes')}
        summary={t('stats.summary.routes', { count: rows.length })}
        option={option}
        height={Math.max(220, top.length * 28 + 60)}
        table={{
          columns: [
            t('incidents.field.routeCode'),
            t('stats.incidents'),
            ...measures.map((m) => t(`incidents.people.${m}` as 'incidents.people.dead')),
          ],
          rows: rows.map((r) => ({
            key: r.key.route ?? 'none',
            label: routeName(r.key.route),
            href: routeLink(r),
            cells: [count(r.incidents), ...measures.map((m) => count(r.values[m], r.suppressed.includes(m)))],
          })),
        }}
        empty={rows.length === 0}
        links={top.map(routeLink)}
        linksNote={incidents.note}
      />
      <section aria-labelledby="flows-title" className="card-like">
        <Stack gap="xs">
          <h2 id="flows-title" className="card-title">
            {t('stats.chart.flows')}
          </h2>
          <Text size="sm" c="dimmed">
            {t('stats.flowsIntro')} <Link to="/stats/map">{t('stats.flowsOnMap')}</Link>
          </Text>
          {flows.flows.length === 0 ? (
            <Text c="dimmed">{t('stats.noData')}</Text>
          ) : (
            <StatsTable
              caption={t('stats.chart.flows')}
              table={{
                columns: [
                  t('stats.flow'),
                  t('stats.incidents'),
                  t('incidents.people.migrants'),
                  t('incidents.people.dead'),
                  t('incidents.people.missing'),
                ],
                rows: flows.flows.slice(0, 15).map((f) => ({
                  key: `${f.origin}-${f.destination}`,
                  label: `${place(f.origin)} → ${place(f.destination)}`,
                  cells: [
                    count(f.incidents),
                    count(f.migrants, f.suppressed.includes('migrants')),
                    count(f.dead, f.suppressed.includes('dead')),
                    count(f.missing, f.suppressed.includes('missing')),
                  ],
                })),
              }}
            />
          )}
          {flows.flows.length > 15 && (
            <Text size="xs" c="dimmed">
              {t('stats.flowsTopN', { n: 15, total: flows.flows.length })}
            </Text>
          )}
        </Stack>
      </section>
    </Stack>
  );
}

function Modus({ stats, drill }: { stats: ModusStats; drill: Drill }) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const terms = [...stats.terms].sort((a, b) => b.incidents - a.incidents);
  const option = categoryChart(
    terms.map((m) => vocab.term('modus_operandi', m.code)),
    [{ name: t('stats.incidents'), data: terms.map((m) => m.incidents) }],
    { horizontal: true },
  );
  return (
    <ChartCard
      title={t('stats.chart.modus')}
      summary={t('stats.summary.modus', { count: terms.length, incidents: stats.incidents })}
      option={option}
      height={Math.max(200, terms.length * 28 + 60)}
      table={{
        columns: [t('incidents.field.modusOperandi'), t('stats.incidents'), t('stats.share')],
        rows: terms.map((m) => ({
          key: m.code,
          label: vocab.term('modus_operandi', m.code),
          cells: [
            count(m.incidents),
            { kind: 'percent', value: stats.incidents ? m.incidents / stats.incidents : null },
          ],
        })),
      }}
      empty={terms.length === 0}
      note={t('stats.modusNote', { incidents: stats.incidents })}
      linksNote={drill.permissions.includes('incidents.read') ? t('statsSources.drill.noModus') : undefined}
    />
  );
}

function Cases({ stats, drill }: { stats: CaseStats; drill: Drill }) {
  const { t } = useTranslation();
  const stageLink = (stage: string) => casesLink(drill.filters, stage, drill.permissions);
  const casesNote = !drill.permissions.includes('cases.read')
    ? undefined
    : drill.filters.from || drill.filters.to || drill.filters.country
      ? t('statsSources.drill.noCaseFilters')
      : t('statsSources.drill.cases');
  const vocab = useVocab();
  const format = useFormat();
  const outcomes = ['convicted', 'acquitted', 'dismissed', 'pending'] as const;
  const currencies = [...new Set(stats.assets.map((a) => a.currency))].sort();
  const statuses = ['identified', 'seized', 'confiscated', 'released'] as const;
  const days = (v: number | null) => (v === null ? null : v);
  const options = {
    stages: categoryChart(
      stats.byStage.map((s) => vocab.fixed('caseStage', s.stage)),
      [{ name: t('stats.cases'), data: stats.byStage.map((s) => s.cases) }],
    ),
    outcomes: categoryChart(
      outcomes.map((o) => vocab.fixed('outcome', o)),
      [{ name: t('stats.defendants'), data: outcomes.map((o) => stats.defendants[o]) }],
    ),
    delay: categoryChart(
      [t('stats.median'), t('stats.mean'), t('stats.p90')],
      [
        {
          name: t('stats.days'),
          data: [
            days(stats.timeToJudgment.medianDays),
            days(stats.timeToJudgment.meanDays),
            days(stats.timeToJudgment.p90Days),
          ],
        },
      ],
    ),
    assets: categoryChart(
      statuses.map((s) => vocab.fixed('assetStatus', s)),
      currencies.map((c) => ({
        name: c,
        data: statuses.map((s) => stats.assets.find((a) => a.status === s && a.currency === c)?.value ?? 0),
      })),
      { valueFormatter: (v) => format.number(v) },
    ),
  };
  const rate = stats.convictionRate;
  const confiscated = stats.assets.filter((a) => a.status === 'confiscated');
  return (
    <Stack gap="md">
      {stats.ignoredFilters.length > 0 && (
        <Alert color="gray" role="note">
          <Text size="sm">
            {t('stats.ignoredFilters', {
              filters: stats.ignoredFilters
                .map((f) => t(`stats.filterName.${f}` as 'stats.filterName.mode'))
                .join(', '),
            })}
          </Text>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <ChartCard
          title={t('stats.chart.stages')}
          summary={t('stats.summary.stages', { count: stats.cases })}
          option={options.stages}
          table={{
            columns: [t('cases.field.stage'), t('stats.cases')],
            rows: stats.byStage.map((s) => ({
              key: s.stage,
              label: vocab.fixed('caseStage', s.stage),
              href: stageLink(s.stage),
              cells: [count(s.cases)],
            })),
            total: { label: t('stats.total'), cells: [count(stats.cases)] },
          }}
          empty={stats.cases === 0}
          links={stats.byStage.map((s) => stageLink(s.stage))}
          linksNote={casesNote}
        />
        <ChartCard
          title={t('stats.chart.outcomes')}
          summary={
            rate === null
              ? t('stats.summary.noRate')
              : t('stats.summary.rate', { rate: format.percent(rate) }) +
                suppressedNote(t, stats.defendants.suppressed.length)
          }
          option={options.outcomes}
          table={{
            columns: [t('cases.suspect.outcome'), t('stats.defendants')],
            rows: outcomes.map((o) => ({
              key: o,
              label: vocab.fixed('outcome', o),
              cells: [count(stats.defendants[o], stats.defendants.suppressed.includes(o))],
            })),
            total: { label: t('stats.convictionRate'), cells: [{ kind: 'percent', value: rate }] },
          }}
          empty={outcomes.every((o) => !stats.defendants[o]) && stats.defendants.suppressed.length === 0}
        >
          <Text size="sm">
            {t('stats.convictionRate')}:{' '}
            <strong data-testid="conviction-rate">
              {rate === null ? t('stats.rateUnavailable') : format.percent(rate)}
            </strong>
          </Text>
        </ChartCard>
        <ChartCard
          title={t('stats.chart.timeToJudgment')}
          summary={
            stats.timeToJudgment.cases === 0
              ? t('stats.noData')
              : t('stats.summary.timeToJudgment', {
                  count: stats.timeToJudgment.cases,
                  median: stats.timeToJudgment.medianDays ?? '—',
                })
          }
          option={options.delay}
          table={{
            columns: [t('stats.measure'), t('stats.days')],
            rows: [
              { key: 'median', label: t('stats.median'), cells: [count(stats.timeToJudgment.medianDays)] },
              { key: 'mean', label: t('stats.mean'), cells: [count(stats.timeToJudgment.meanDays)] },
              { key: 'p90', label: t('stats.p90'), cells: [count(stats.timeToJudgment.p90Days)] },
            ],
            total: { label: t('stats.judgedCases'), cells: [count(stats.timeToJudgment.cases)] },
          }}
          empty={stats.timeToJudgment.cases === 0}
          note={t('stats.timeToJudgmentNote')}
        />
        <ChartCard
          title={t('stats.chart.assets')}
          summary={
            confiscated.length
              ? t('stats.summary.assets', {
                  value: confiscated.map((a) => format.money(a.value, a.currency)).join(', '),
                })
              : t('stats.summary.noConfiscation')
          }
          option={options.assets}
          table={{
            columns: [
              t('cases.asset.status'),
              t('cases.asset.currency'),
              t('stats.items'),
              t('cases.asset.value'),
            ],
            rows: stats.assets.map((a) => ({
              key: `${a.status}-${a.currency}`,
              label: vocab.fixed('assetStatus', a.status),
              cells: [
                { kind: 'text', value: a.currency },
                count(a.items),
                { kind: 'money', value: a.value, currency: a.currency },
              ],
            })),
          }}
          empty={stats.assets.length === 0}
          note={t('stats.assetsNote')}
        />
      </SimpleGrid>
    </Stack>
  );
}
