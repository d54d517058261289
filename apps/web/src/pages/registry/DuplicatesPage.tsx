import { can, type DuplicatePair, TEXT_MAX } from '@enlace/shared';
import {
  Badge,
  Box,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DataColumn, DataTable, type ListConfig, useListState } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { SectionNav } from '../../components/SectionNav';
import { useMe } from '../../features/auth/auth.queries';
import {
  useDecideDuplicate,
  useDuplicates,
  useScanDuplicates,
  useUndoMerge,
} from '../../features/registry/dupes/duplicates.queries';
import { useFormat } from '../../hooks/useFormat';

type View = 'pending' | 'decided';
type Side = DuplicatePair['first'];
const SORTS = ['score', 'first', 'date'] as const;
const LIST: ListConfig<(typeof SORTS)[number]> = { sorts: SORTS, defaultSort: 'score', defaultDir: 'desc' };
const FIELDS = [
  'given_names',
  'family_names',
  'birth_date',
  'sex',
  'nationality',
  'document_number',
] as const;
// Filled or outlined dark colours keep 4.5:1 on small bold text.
const AGREEMENT_BADGE: Record<string, { color: string; variant: 'filled' | 'outline' }> = {
  strong: { color: 'green.9', variant: 'filled' },
  partial: { color: 'teal.9', variant: 'outline' },
  weak: { color: 'dark', variant: 'outline' },
  disagrees: { color: 'red.9', variant: 'filled' },
  missing: { color: 'gray.8', variant: 'outline' },
};

const fullName = (p: Side) => `${p.givenNames} ${p.familyNames}`;
/** A failed save is shown by its ErrorAlert (the mutation's `error`); its promise needs no more. */
const ignoreShownError = () => {};

/** A birth date as much as it is known: a day, a month of a year, or a year. */
function birthDateText(format: ReturnType<typeof useFormat>, date: string): string {
  if (date.length === 10) return format.day(date);
  if (date.length === 7) return format.month(date);
  return date;
}

/**
 * The review of duplicates: pairs of persons the engine found after registration wait here for a
 * supervisor, who compares them side by side with the engine's explanation and decides "same
 * person" (a merge, every record kept, reversible) or "different" (never proposed again).
 */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const supervise = can(me.role, 'registry.supervise');
  const [view, setView] = useState<View>('pending');
  const list = useListState(LIST, { inUrl: false });
  const pairs = useDuplicates(view);
  const scan = useScanDuplicates();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = pairs.data?.items.find((p) => p.id === selectedId) ?? null;

  const handleScan = () => {
    scan.mutate(undefined, {
      onSuccess: (r) =>
        notifications.show({
          color: 'green',
          title: t('registryDuplicates.scanned'),
          message: t('registryDuplicates.scannedBody', {
            count: r.queued,
            scanned: format.number(r.scanned),
            queued: format.number(r.queued),
          }),
        }),
    });
  };

  const columns: DataColumn<DuplicatePair>[] = [
    {
      id: 'first',
      header: t('registryDuplicates.first'),
      required: true,
      primary: true,
      rowHeader: true,
      sortable: true,
      value: (p) => fullName(p.first),
      cell: (p) => <PersonCell person={p.first} />,
    },
    {
      id: 'second',
      header: t('registryDuplicates.second'),
      cell: (p) => <PersonCell person={p.second} />,
    },
    {
      id: 'score',
      header: t('registryDuplicates.score'),
      sortable: true,
      nowrap: true,
      align: 'end',
      value: (p) => p.score,
      cell: (p) => <span className="tabular">{format.percent(p.score)}</span>,
    },
    {
      id: 'date',
      header: view === 'pending' ? t('registryDuplicates.foundAt') : t('registryDuplicates.decidedAt'),
      sortable: true,
      nowrap: true,
      value: (p) => (view === 'pending' ? p.foundAt : (p.decidedAt ?? '')),
      cell: (p) => format.dateTime(view === 'pending' ? p.foundAt : (p.decidedAt ?? p.foundAt)),
    },
    ...(view === 'decided'
      ? [
          {
            id: 'status',
            header: t('registryDuplicates.decision'),
            cell: (p: DuplicatePair) => (
              <Badge color={p.status === 'same_person' ? 'blue.9' : 'dark'} variant="outline" tt="none">
                {t(`registryDuplicates.statuses.${p.status}`)}
              </Badge>
            ),
          },
        ]
      : []),
    {
      id: 'actions',
      header: t('common.actions'),
      headerHidden: true,
      required: true,
      cell: (p) => (
        <Button
          size="xs"
          variant={p.id === selectedId ? 'filled' : 'default'}
          onClick={() => setSelectedId(p.id)}
          aria-label={t('registryDuplicates.compareNamed', {
            first: fullName(p.first),
            second: fullName(p.second),
          })}
        >
          {t('registryDuplicates.compare')}
        </Button>
      ),
    },
  ];

  return (
    <Page
      title={t('registryDuplicates.title')}
      description={t('registryDuplicates.intro')}
      actions={
        supervise && (
          <Button onClick={handleScan} loading={scan.isPending}>
            {t('registryDuplicates.scan')}
          </Button>
        )
      }
    >
      <SectionNav group="registry" />
      <ErrorAlert error={scan.error} />
      <SegmentedControl
        aria-label={t('registryDuplicates.view')}
        value={view}
        onChange={(v) => {
          setView(v as View);
          setSelectedId(null);
        }}
        data={[
          { value: 'pending', label: t('registryDuplicates.pending') },
          { value: 'decided', label: t('registryDuplicates.decided') },
        ]}
        w="fit-content"
      />
      <DataTable
        id={`registry-duplicates-${view}`}
        label={view === 'pending' ? t('registryDuplicates.pending') : t('registryDuplicates.decided')}
        columns={columns}
        rows={pairs.data?.items}
        rowKey={(p) => p.id}
        list={list}
        mode="client"
        loading={pairs.isPending}
        error={pairs.error}
        emptyMessage={
          view === 'pending' ? t('registryDuplicates.emptyPending') : t('registryDuplicates.emptyDecided')
        }
        search={{
          label: t('registryDuplicates.search'),
          searchText: (p) => `${fullName(p.first)} ${fullName(p.second)}`,
        }}
      />
      {pairs.data && pairs.data.total > pairs.data.items.length && (
        <Text size="sm" c="dimmed">
          {t('registryDuplicates.more', {
            shown: format.number(pairs.data.items.length),
            total: format.number(pairs.data.total),
          })}
        </Text>
      )}
      {selected && <Comparison key={selected.id} pair={selected} onDone={() => setSelectedId(null)} />}
    </Page>
  );
}

function PersonCell({ person }: { person: Side }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600}>
        {fullName(person)}
      </Text>
      <Text size="xs" c="dimmed">
        {[
          person.birthDate ? birthDateText(format, person.birthDate) : t('common.notStated'),
          person.nationality,
          t('registryDuplicates.registeredOn', { date: format.date(person.createdAt) }),
        ].join(' · ')}
      </Text>
    </Stack>
  );
}

/** The two persons side by side, field by field, with how strongly the engine found them to agree. */
function Comparison({ pair, onDone }: { pair: DuplicatePair; onDone: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const heading = useRef<HTMLHeadingElement>(null);
  const decide = useDecideDuplicate();
  const undo = useUndoMerge();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  useEffect(() => heading.current?.focus(), []);

  const byField = new Map(pair.explanation.fields.map((f) => [f.field, f]));
  const noteOk = () => {
    if (note.trim()) return true;
    setNoteError(t('registryDuplicates.noteRequired'));
    return false;
  };
  // The promises, not mutate()'s callbacks: the lists fetched again after a decision drop the
  // pair from the queue, which unmounts this comparison before mutate()'s callbacks would run,
  // and the supervisor was left without the notice. (Errors show from `decide.error`.)
  const handleDecide = (decision: 'same_person' | 'different') => {
    if (!noteOk()) return;
    decide.mutateAsync({ id: pair.id, decision, note }).then(() => {
      notifications.show({
        color: 'green',
        title: t(`registryDuplicates.decided_${decision}`),
        message: `${fullName(pair.first)} · ${fullName(pair.second)}`,
      });
      onDone();
    }, ignoreShownError);
  };
  const handleUndo = () => {
    if (!noteOk()) return;
    undo.mutateAsync({ id: pair.id, note }).then(() => {
      notifications.show({ color: 'green', title: t('registryDuplicates.undone'), message: '' });
      onDone();
    }, ignoreShownError);
  };
  const value = (field: string, side: 'given' | 'recorded', person: Side) => {
    const f = byField.get(field);
    const v = f ? (side === 'given' ? f.given : f.recorded) : '';
    if (!v) return field === 'document_number' ? (person.documentNumber ?? '—') : '—';
    if (field === 'sex') return t(`registryDuplicates.sexes.${person.sex}`);
    if (field === 'birth_date') return birthDateText(format, v);
    return v;
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="duplicate-comparison">
      <Stack gap="md">
        <Title order={2} size="h3" id="duplicate-comparison" ref={heading} tabIndex={-1}>
          {t('registryDuplicates.comparison')}
        </Title>
        <Text size="sm">
          {t('registryDuplicates.scoreLine', {
            score: format.percent(pair.score),
            bits: format.decimal(pair.explanation.total, 1),
          })}
        </Text>
        {/* Scrolls sideways on a phone; focusable so that a keyboard can scroll it too. */}
        <Box
          style={{ overflowX: 'auto' }}
          tabIndex={0}
          role="region"
          aria-label={t('registryDuplicates.comparisonCaption')}
        >
          <Table striped withTableBorder miw={560}>
            <Table.Caption>{t('registryDuplicates.comparisonCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('registryDuplicates.field')}</Table.Th>
                <Table.Th scope="col">{t('registryDuplicates.first')}</Table.Th>
                <Table.Th scope="col">{t('registryDuplicates.second')}</Table.Th>
                <Table.Th scope="col">{t('registryDuplicates.agreementHeader')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {FIELDS.map((field) => {
                const f = byField.get(field);
                const agreement = f?.agreement ?? 'missing';
                return (
                  <Table.Tr key={field}>
                    <Table.Th scope="row">{t(`registryDuplicates.fields.${field}`)}</Table.Th>
                    <Table.Td>{value(field, 'given', pair.first)}</Table.Td>
                    <Table.Td>{value(field, 'recorded', pair.second)}</Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Badge {...AGREEMENT_BADGE[agreement]} tt="none">
                          {t(`registryDuplicates.agreement.${agreement}`)}
                        </Badge>
                        {f && (
                          <Text size="xs" className="tabular">
                            {t('registryDuplicates.weight', { bits: format.decimal(f.weight, 1) })}
                          </Text>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
              <Table.Tr>
                <Table.Th scope="row">{t('registryDuplicates.staysRow')}</Table.Th>
                <Table.Td>
                  <StaysCell person={pair.first} />
                </Table.Td>
                <Table.Td>
                  <StaysCell person={pair.second} />
                </Table.Td>
                <Table.Td />
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Box>
        {pair.note && (
          <Paper withBorder p="sm" bg="var(--mantine-color-body)">
            <Text size="sm" fw={600}>
              {t('registryDuplicates.lastNote')}
            </Text>
            <Text size="sm">{pair.note}</Text>
            {pair.decidedBy && (
              <Text size="xs">
                {pair.decidedBy}
                {pair.decidedAt ? ` · ${format.dateTime(pair.decidedAt)}` : ''}
              </Text>
            )}
          </Paper>
        )}
        {(pair.abilities.decide || pair.abilities.undo) && (
          <>
            <Textarea
              label={pair.abilities.undo ? t('registryDuplicates.undoNote') : t('registryDuplicates.note')}
              description={t('registryDuplicates.noteHelp')}
              value={note}
              onChange={(e) => {
                setNote(e.currentTarget.value);
                setNoteError(null);
              }}
              maxLength={TEXT_MAX.purpose}
              required
              error={noteError}
              autosize
              minRows={2}
            />
            <ErrorAlert error={decide.error ?? undo.error} />
            <Group>
              {pair.abilities.decide && (
                <>
                  <Button onClick={() => handleDecide('same_person')} loading={decide.isPending}>
                    {t('registryDuplicates.samePerson')}
                  </Button>
                  <Button
                    variant="default"
                    onClick={() => handleDecide('different')}
                    loading={decide.isPending}
                  >
                    {t('registryDuplicates.different')}
                  </Button>
                </>
              )}
              {pair.abilities.undo && (
                <Button variant="default" color="red" onClick={handleUndo} loading={undo.isPending}>
                  {t('registryDuplicates.undo')}
                </Button>
              )}
            </Group>
            {pair.abilities.decide && (
              <Text size="xs" c="dimmed">
                {t('registryDuplicates.decisionHelp')}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function StaysCell({ person }: { person: Side }) {
  const { t } = useTranslation();
  const stays = t('registryDuplicates.stays', { count: person.stays });
  return person.inCentre ? `${stays} · ${t('registryDuplicates.inCentre')}` : stays;
}
