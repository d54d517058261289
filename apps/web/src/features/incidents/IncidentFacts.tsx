import { AGE_GROUPS, can, type IncidentState, SEXES } from '@enlace/shared';
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Fact } from '../../components/Fact';
import { Count } from '../../components/Count';
import { zoneLabel } from '../../components/time-zones';
import { type DataColumn, DataTable, type ListConfig, useListState } from '../../components/DataTable';
import { useFormat } from '../../hooks/useFormat';
import { useLocalized } from '../../hooks/useLabels';
import { useLooseT } from '../../hooks/useLooseT';
import { useAgencies } from '../admin/admin.queries';
import { useMe } from '../auth/auth.queries';
import { PEOPLE_ORDER } from './fields';
import { useVocab } from './vocabulary';

type BreakdownEntry = IncidentState['breakdown'][number];

// Its own order (nationality, sex, age group) until the reader sorts by a column.
const BREAKDOWN: ListConfig<'natural' | 'nationality' | 'sex' | 'ageGroup' | 'persons'> = {
  sorts: ['natural', 'nationality', 'sex', 'ageGroup', 'persons'],
  defaultSort: 'natural',
  defaultDir: 'asc',
};

/** The people by nationality, sex and age group, with their total. */
function BreakdownTable({ breakdown }: { breakdown: BreakdownEntry[] }) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const format = useFormat();
  // The facts appear once per version on the history: the state stays in memory.
  const list = useListState(BREAKDOWN, { inUrl: false });
  const nationality = (e: BreakdownEntry) =>
    e.nationality ? vocab.country(e.nationality) : t('incidents.nationalityUnknown');
  const columns: DataColumn<BreakdownEntry>[] = [
    {
      id: 'nationality',
      header: t('incidents.field.nationality'),
      sortable: true,
      required: true,
      value: nationality,
      cell: nationality,
    },
    {
      id: 'sex',
      header: t('incidents.field.sex'),
      sortable: true,
      value: (e) => SEXES.indexOf(e.sex),
      cell: (e) => vocab.fixed('sex', e.sex),
    },
    {
      id: 'ageGroup',
      header: t('incidents.field.ageGroup'),
      sortable: true,
      value: (e) => AGE_GROUPS.indexOf(e.ageGroup),
      cell: (e) => vocab.fixed('ageGroup', e.ageGroup),
    },
    {
      id: 'persons',
      header: t('incidents.field.persons'),
      sortable: true,
      required: true,
      align: 'end',
      value: (e) => e.count,
      cell: (e) => format.number(e.count),
    },
  ];
  return (
    <DataTable
      id="incident-breakdown"
      label={t('incidents.section.breakdown')}
      columns={columns}
      rows={breakdown}
      rowKey={(e) => `${e.nationality}-${e.sex}-${e.ageGroup}`}
      list={list}
      mode="client"
      columnChoice={false}
      emptyMessage={t('incidents.noBreakdown')}
      compact
      footer={{
        nationality: t('incidents.breakdownTotal'),
        persons: format.number(breakdown.reduce((a, e) => a + e.count, 0)),
      }}
    />
  );
}

function Dash() {
  return <span aria-hidden="false">—</span>;
}

function or(value: ReactNode | null | undefined | false): ReactNode {
  return value === null || value === undefined || value === '' || value === false ? <Dash /> : value;
}

/** The reporting agency's name, looked up when the role may read agencies. */
export function useAgencyName(countryCode: string) {
  const me = useMe();
  const localized = useLocalized();
  const mayRead = can(me.role, 'agencies.read');
  const { data } = useAgencies(me.scope === 'all' ? null : countryCode, mayRead);
  return (id: string | null) => {
    if (!id) return null;
    const agency = data?.find((a) => a.id === id);
    if (!agency) return null;
    return agency.acronym ? `${localized(agency.name)} (${agency.acronym})` : localized(agency.name);
  };
}

/**
 * Everything a report says, for the current version and for any earlier one in the history.
 * `headingLevel`: the level of the section headings (3 inside a version of the history).
 */
export function IncidentFacts({
  state,
  countryCode,
  headingLevel = 2,
  idPrefix,
}: {
  state: IncidentState;
  countryCode: string;
  headingLevel?: 2 | 3 | 4;
  idPrefix: string;
}) {
  const { t, i18n } = useTranslation();
  const lt = useLooseT();
  const vocab = useVocab();
  const format = useFormat();
  const agencyName = useAgencyName(countryCode);
  const { place, conveyance, people, route } = state;
  const zone = place.maritimeZone ? vocab.termOf('maritime_zone', place.maritimeZone) : undefined;
  const section = (key: string, title: string, children: ReactNode) => (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={`${idPrefix}-${key}`}>
      <Title order={headingLevel} size="h4" id={`${idPrefix}-${key}`} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
  const breakdown = [...state.breakdown].sort(
    (a, b) =>
      vocab.country(a.nationality).localeCompare(vocab.country(b.nationality)) ||
      SEXES.indexOf(a.sex) - SEXES.indexOf(b.sex) ||
      AGE_GROUPS.indexOf(a.ageGroup) - AGE_GROUPS.indexOf(b.ageGroup),
  );

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {section(
          'what',
          t('incidents.section.what'),
          <dl className="definition-list">
            <Fact label={t('incidents.field.kind')}>{vocab.term('incident_kind', state.kind)}</Fact>
            <Fact label={t('incidents.field.mode')}>{or(state.mode && vocab.fixed('mode', state.mode))}</Fact>
            <Fact label={t('incidents.field.occurredOn')}>{format.day(state.occurredOn)}</Fact>
            <Fact label={t('incidents.field.occurredAt')}>
              {state.occurredAt ? (
                format.utc(state.occurredAt)
              ) : (
                <Text span fs="italic" c="dimmed" inherit>
                  {t('incidents.timeUnknown')}
                </Text>
              )}
            </Fact>
            <Fact label={t('incidents.field.localTime')}>
              {state.occurredAt && state.timeZone ? (
                format.dateTimeIn(state.occurredAt, state.timeZone)
              ) : (
                <Dash />
              )}
            </Fact>
            <Fact label={t('incidents.field.timeZone')}>
              {/* Its offset and name at the time of the incident (or now, when the time is unknown). */}
              {or(
                state.timeZone &&
                  zoneLabel(state.timeZone, i18n.language, new Date(state.occurredAt ?? Date.now())),
              )}
            </Fact>
            <Fact label={t('incidents.field.confidence')}>
              {or(state.confidence && vocab.fixed('confidence', state.confidence))}
            </Fact>
            <Fact label={t('incidents.field.reportingAgencyId')}>
              {state.reportingAgencyId ? (
                (agencyName(state.reportingAgencyId) ?? t('incidents.agencyHidden'))
              ) : (
                <Dash />
              )}
            </Fact>
            <Fact label={t('incidents.field.source_name')}>{or(state.source.name)}</Fact>
            <Fact label={t('incidents.field.source_url')}>
              {state.source.url ? (
                <Stack gap={2}>
                  {state.source.url
                    .split(/,\s*/)
                    .filter(Boolean)
                    .map((u) =>
                      /^https?:\/\//.test(u) ? (
                        <Anchor
                          key={u}
                          href={u}
                          target="_blank"
                          rel="noreferrer noopener"
                          size="sm"
                          className="mono"
                        >
                          {u}
                        </Anchor>
                      ) : (
                        <Text key={u} size="sm">
                          {u}
                        </Text>
                      ),
                    )}
                </Stack>
              ) : (
                <Dash />
              )}
            </Fact>
            <Fact label={t('incidents.field.source_quality')}>
              {state.source.quality ? t('incidents.qualityOf5', { quality: state.source.quality }) : <Dash />}
            </Fact>
          </dl>,
        )}
        {section(
          'place',
          t('incidents.section.place'),
          <dl className="definition-list">
            <Fact label={t('incidents.field.place_name')}>{or(place.name)}</Fact>
            <Fact label={t('incidents.field.place_countryCode')}>
              {place.countryCode ? vocab.country(place.countryCode) : t('incidents.noCoastalState')}
            </Fact>
            <Fact label={t('incidents.field.place_region')}>
              {or(place.region && vocab.term('region', place.region))}
            </Fact>
            <Fact label={t('incidents.field.coordinates')}>
              {place.latitude !== null && place.longitude !== null ? (
                <span>
                  {t('incidents.latLon', {
                    lat: format.decimal(place.latitude, 5),
                    lon: format.decimal(place.longitude, 5),
                  })}
                </span>
              ) : (
                <Dash />
              )}
            </Fact>
            <Fact label={t('incidents.field.place_maritimeZone')}>
              {zone ? (
                <span>
                  {vocab.term('maritime_zone', zone.code)}
                  {zone.attributes.unclos && (
                    <Text span size="sm" c="dimmed">
                      {' '}
                      ({t('incidents.unclos', { article: zone.attributes.unclos })})
                    </Text>
                  )}
                </span>
              ) : (
                <Dash />
              )}
            </Fact>
            <Fact label={t('incidents.field.conveyance_flagState')}>
              {or(conveyance?.flagState && vocab.country(conveyance.flagState))}
            </Fact>
          </dl>,
        )}
      </SimpleGrid>

      {section(
        'conveyance',
        t('incidents.section.conveyance'),
        conveyance ? (
          <dl className="definition-list">
            <Fact label={t('incidents.field.conveyance_type')}>
              {vocab.fixed('conveyanceType', conveyance.type)}
            </Fact>
            <Fact label={t('incidents.field.conveyance_name')}>{or(conveyance.name)}</Fact>
            <Fact label={t('incidents.field.conveyance_registration')}>{or(conveyance.registration)}</Fact>
            <Fact label={t('incidents.field.conveyance_flagState')}>
              {or(conveyance.flagState && vocab.country(conveyance.flagState))}
            </Fact>
            <Fact label={t('incidents.field.conveyance_model')}>{or(conveyance.model)}</Fact>
            <Fact label={t('incidents.field.conveyance_stateless')}>
              {conveyance.stateless === null
                ? t('common.unknown')
                : conveyance.stateless
                  ? t('common.yes')
                  : t('common.no')}
            </Fact>
          </dl>
        ) : (
          <Text c="dimmed">{t('incidents.noConveyance')}</Text>
        ),
      )}

      {section(
        'people',
        t('incidents.section.people'),
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('incidents.unknownNote')}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm" component="dl" className="count-grid">
            {PEOPLE_ORDER.map((m) => (
              <div key={m} className="count-tile">
                <dt>{lt(`incidents.people.${m}`)}</dt>
                <dd>
                  <Count value={people[m]} />
                </dd>
              </div>
            ))}
          </SimpleGrid>
          <Title order={(headingLevel + 1) as 3 | 4 | 5} size="h5">
            {t('incidents.section.breakdown')}
          </Title>
          <BreakdownTable breakdown={breakdown} />
          <dl className="definition-list">
            <Fact label={t('incidents.field.nationalities')}>
              {state.nationalities.length ? (
                state.nationalities.map((n) => vocab.country(n)).join(', ')
              ) : (
                <Dash />
              )}
            </Fact>
            <Fact label={t('incidents.field.causeOfDeath')}>{or(state.causeOfDeath)}</Fact>
          </dl>
        </Stack>,
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {section(
          'route',
          t('incidents.section.route'),
          <Stack gap="sm">
            {route.origin || route.destination || route.transit.length ? (
              <Group gap="xs" wrap="wrap" aria-label={t('incidents.routePath')} role="group">
                <Badge variant="light" size="lg" tt="none">
                  {route.origin ? vocab.country(route.origin) : t('incidents.originUnknown')}
                </Badge>
                {route.transit.map((c) => (
                  <Group key={c} gap="xs" wrap="nowrap">
                    <span aria-hidden="true">→</span>
                    <Badge variant="outline" size="lg" tt="none">
                      <span className="visually-hidden">{t('incidents.field.route_transit')}: </span>
                      {vocab.country(c)}
                    </Badge>
                  </Group>
                ))}
                <span aria-hidden="true">→</span>
                <Badge variant="light" size="lg" tt="none">
                  {route.destination ? vocab.country(route.destination) : t('incidents.destinationUnknown')}
                </Badge>
              </Group>
            ) : (
              <Text c="dimmed">{t('incidents.routeUnknown')}</Text>
            )}
            <dl className="definition-list">
              <Fact label={t('incidents.field.route_origin')}>
                {or(route.origin && vocab.country(route.origin))}
              </Fact>
              <Fact label={t('incidents.field.route_transit')}>
                {route.transit.length ? route.transit.map((c) => vocab.country(c)).join(', ') : <Dash />}
              </Fact>
              <Fact label={t('incidents.field.route_destination')}>
                {or(route.destination && vocab.country(route.destination))}
              </Fact>
              <Fact label={t('incidents.field.route_code')}>
                {or(route.code && vocab.term('route', route.code))}
              </Fact>
            </dl>
          </Stack>,
        )}
        {section(
          'modus',
          t('incidents.field.modusOperandi'),
          state.modusOperandi.length ? (
            <ul className="plain-list">
              {state.modusOperandi.map((m) => (
                <li key={m}>{vocab.term('modus_operandi', m)}</li>
              ))}
            </ul>
          ) : (
            <Text c="dimmed">{t('incidents.noModus')}</Text>
          ),
        )}
      </SimpleGrid>

      {section(
        'narrative',
        t('incidents.field.narrative'),
        state.narrative ? (
          <Text style={{ whiteSpace: 'pre-wrap' }}>{state.narrative}</Text>
        ) : (
          <Text c="dimmed">{t('incidents.noNarrative')}</Text>
        ),
      )}
    </Stack>
  );
}
