import type { IncidentVersion } from '@enlace/shared';
import { Badge, Button, Card, Collapse, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Count } from '../../components/Count';
import { type DataColumn, DataTable, type ListConfig, useListState } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../hooks/useFormat';
import { useLooseT } from '../../hooks/useLooseT';
import { fieldLabelKey } from './fields';
import { IncidentFacts, useAgencyName } from './IncidentFacts';
import { useIncidentHistory } from './incidents.queries';
import { useVocab } from './vocabulary';

type Vocab = ReturnType<typeof useVocab>;

/** A value of the history in words: codes as labels, unknown counts as "unknown", lists joined. */
function useDescribe() {
  const { t } = useTranslation();
  const lt = useLooseT();
  const vocab = useVocab();
  const format = useFormat();
  const describe = (
    field: string,
    value: unknown,
    agency: (id: string | null) => string | null,
  ): ReactNode => {
    const [head = '', sub = ''] = field.split('.');
    if (head === 'people') return <Count value={typeof value === 'number' ? value : null} />;
    if (value === null || value === undefined || value === '') return '—';
    if (Array.isArray(value)) {
      if (value.length === 0) return '—';
      if (head === 'breakdown') {
        return (value as { sex: string; ageGroup: string; nationality: string | null; count: number }[])
          .map(
            (e) =>
              `${e.nationality ? vocab.country(e.nationality) : t('incidents.nationalityUnknown')}, ${vocab.fixed('sex', e.sex)}, ${vocab.fixed('ageGroup', e.ageGroup)}: ${format.number(e.count)}`,
          )
          .join('; ');
      }
      return value.map((v) => describeCode(vocab, head, sub, String(v))).join(', ');
    }
    if (typeof value === 'object') {
      return Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== null && v !== '')
        .map(([k, v]) => `${lt(fieldLabelKey(`${head}.${k}`))}: ${describe(`${head}.${k}`, v, agency)}`)
        .join('; ');
    }
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (head === 'occurredAt') return format.utc(String(value));
    if (head === 'occurredOn') return format.day(String(value));
    if (head === 'reportingAgencyId') return agency(String(value)) ?? t('incidents.agencyHidden');
    if (typeof value === 'number') return format.number(value);
    return describeCode(vocab, head, sub, String(value));
  };
  return describe;
}

function describeCode(vocab: Vocab, head: string, sub: string, code: string): string {
  const key = sub ? `${head}.${sub}` : head;
  switch (key) {
    case 'kind':
      return vocab.term('incident_kind', code);
    case 'mode':
      return vocab.fixed('mode', code);
    case 'confidence':
      return vocab.fixed('confidence', code);
    case 'modusOperandi':
      return vocab.term('modus_operandi', code);
    case 'place.maritimeZone':
      return vocab.term('maritime_zone', code);
    case 'place.region':
      return vocab.term('region', code);
    case 'route.code':
      return vocab.term('route', code);
    case 'conveyance.type':
      return vocab.fixed('conveyanceType', code);
    case 'nationalities':
    case 'place.countryCode':
    case 'route.origin':
    case 'route.destination':
    case 'route.transit':
    case 'conveyance.flagState':
      return vocab.country(code);
    default:
      return code;
  }
}

type Change = IncidentVersion['changes'][number];

// The order of the changes is the report's order of fields; the reader may sort by field instead.
const CHANGES: ListConfig<'report' | 'field'> = {
  sorts: ['report', 'field'],
  defaultSort: 'report',
  defaultDir: 'asc',
};

/** What one version changed: each field with its value before and after, in words. */
function ChangesTable({ version, countryCode }: { version: IncidentVersion; countryCode: string }) {
  const { t } = useTranslation();
  const lt = useLooseT();
  const describe = useDescribe();
  const agency = useAgencyName(countryCode);
  const list = useListState(CHANGES, { inUrl: false });
  const columns: DataColumn<Change>[] = [
    {
      id: 'field',
      header: t('incidents.history.field'),
      sortable: true,
      rowHeader: true,
      required: true,
      value: (c) => lt(fieldLabelKey(c.field)),
      cell: (c) => lt(fieldLabelKey(c.field)),
    },
    { id: 'before', header: t('incidents.history.before'), cell: (c) => describe(c.field, c.before, agency) },
    { id: 'after', header: t('incidents.history.after'), cell: (c) => describe(c.field, c.after, agency) },
  ];
  return (
    <DataTable
      id="incident-changes"
      label={t('incidents.history.changesOf', { version: version.version })}
      columns={columns}
      rows={version.changes}
      rowKey={(c) => c.field}
      list={list}
      mode="client"
      paging={false}
      columnChoice={false}
      emptyMessage={t('incidents.history.noChanges')}
      compact
    />
  );
}

function VersionEntry({
  version,
  countryCode,
  first,
}: {
  version: IncidentVersion;
  countryCode: string;
  first: boolean;
}) {
  const { t } = useTranslation();
  const lt = useLooseT();
  const format = useFormat();
  const [opened, { toggle }] = useDisclosure(false);
  const panelId = `version-${version.version}-report`;
  return (
    <li>
      <Card withBorder radius="md" padding="md">
        <Stack gap="xs">
          <Group justify="space-between" align="flex-start" wrap="wrap">
            <div>
              <Title order={3} size="h5">
                {t('incidents.history.version', { version: version.version })} ·{' '}
                {lt(`incidents.history.kinds.${version.kind}`)}
              </Title>
              <Text size="sm" c="dimmed">
                {version.recordedBy
                  ? t('incidents.history.recordedBy', {
                      date: format.dateTime(version.recordedAt),
                      name: version.recordedBy.displayName,
                    })
                  : t('incidents.history.recorded', { date: format.dateTime(version.recordedAt) })}
              </Text>
            </div>
            {first && (
              <Badge variant="light" color="orange" tt="none">
                {t('incidents.history.firstReport')}
              </Badge>
            )}
          </Group>
          {version.note && (
            <blockquote className="history-note">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {version.note}
              </Text>
            </blockquote>
          )}
          {version.changes.length > 0 ? (
            <ChangesTable version={version} countryCode={countryCode} />
          ) : (
            !first && (
              <Text size="sm" c="dimmed">
                {t('incidents.history.noChanges')}
              </Text>
            )
          )}
          <Group>
            <Button
              variant="subtle"
              size="xs"
              onClick={toggle}
              aria-expanded={opened}
              aria-controls={panelId}
            >
              {opened
                ? t('incidents.history.hideReport')
                : t('incidents.history.showReport', { version: version.version })}
            </Button>
          </Group>
          <Collapse in={opened} id={panelId}>
            {opened && (
              <IncidentFacts
                state={version.state}
                countryCode={countryCode}
                headingLevel={4}
                idPrefix={`v${version.version}`}
              />
            )}
          </Collapse>
        </Stack>
      </Card>
    </li>
  );
}

/** Every version of a report, newest first; the first report is marked and stays readable in full. */
export function IncidentHistory({ id, countryCode }: { id: string; countryCode: string }) {
  const { t } = useTranslation();
  const history = useIncidentHistory(id);
  const versions = [...(history.data ?? [])].sort((a, b) => b.version - a.version);
  return (
    <section aria-labelledby="incident-history">
      <Title order={2} size="h3" id="incident-history" mb="xs">
        {t('incidents.history.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('incidents.history.intro')}
      </Text>
      <ErrorAlert error={history.error} />
      <ol className="nav-list history-list">
        {versions.map((v) => (
          <VersionEntry key={v.version} version={v} countryCode={countryCode} first={v.version === 1} />
        ))}
      </ol>
    </section>
  );
}
