import type { Case } from '@enlace/shared';
import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type DataColumn, DataTable, type ListConfig, useListState } from '../../components/DataTable';
import { useFormat } from '../../hooks/useFormat';
import { useVocab } from '../incidents/vocabulary';

/**
 * The lists of a case's detail page (suspects, assets, evidence): the one list component, sorted
 * and paged in the browser (a case carries them all), their state in memory since the page has
 * three of them.
 */
type Suspect = Case['suspects'][number];
type Asset = Case['assets'][number];
type Evidence = Case['evidence'][number];

/** The edit and remove buttons of a suspect or an asset, named for screen readers. */
function ItemActions({ name, onEdit, onRemove }: { name: string; onEdit: () => void; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    // Wraps rather than squeezes the buttons on a narrow card.
    <Group gap="xs" wrap="wrap">
      <Button size="xs" variant="default" aria-label={t('admin.editNamed', { name })} onClick={onEdit}>
        {t('common.edit')}
      </Button>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        aria-label={t('cases.remove.named', { name })}
        onClick={onRemove}
      >
        {t('cases.remove.action')}
      </Button>
    </Group>
  );
}

const SUSPECTS: ListConfig<'name' | 'role' | 'nationality' | 'outcome' | 'sentence'> = {
  sorts: ['name', 'role', 'nationality', 'outcome', 'sentence'],
  defaultSort: 'name',
  defaultDir: 'asc',
};

export function SuspectsTable({
  suspects,
  onEdit,
  onRemove,
}: {
  suspects: Suspect[];
  /** Absent: the reader may not change the case. */
  onEdit?: (s: Suspect) => void;
  onRemove?: (s: Suspect) => void;
}) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const format = useFormat();
  const list = useListState(SUSPECTS, { inUrl: false });
  const nationality = (s: Suspect) => (s.nationality ? vocab.country(s.nationality) : t('common.unknown'));
  const outcome = (s: Suspect) => (s.defendant ? vocab.fixed('outcome', s.outcome) : '—');
  const columns: DataColumn<Suspect>[] = [
    {
      id: 'name',
      header: t('cases.suspect.name'),
      sortable: true,
      required: true,
      primary: true,
      value: (s) => s.name,
      cell: (s) => (
        <>
          <Text size="sm" fw={600}>
            {s.name}
          </Text>
          <Text size="xs" c="dimmed">
            {vocab.fixed('suspectKind', s.kind)}
            {s.defendant ? ` · ${t('cases.suspect.defendantShort')}` : ''}
          </Text>
        </>
      ),
    },
    {
      id: 'role',
      header: t('cases.suspect.role'),
      sortable: true,
      value: (s) => vocab.fixed('suspectRole', s.role),
      cell: (s) => vocab.fixed('suspectRole', s.role),
    },
    {
      id: 'nationality',
      header: t('cases.suspect.nationality'),
      sortable: true,
      value: nationality,
      cell: nationality,
    },
    {
      id: 'charges',
      header: t('cases.suspect.charges'),
      cell: (s) => (s.charges.length ? s.charges.map((c) => vocab.term('offence', c)).join(', ') : '—'),
    },
    {
      id: 'outcome',
      header: t('cases.suspect.outcome'),
      sortable: true,
      value: (s) => (s.defendant ? outcome(s) : null),
      cell: (s) => (
        <>
          {outcome(s)}
          {s.outcomeOn && (
            <Text size="xs" c="dimmed">
              {format.day(s.outcomeOn)}
            </Text>
          )}
        </>
      ),
    },
    {
      id: 'sentence',
      header: t('cases.suspect.sentence'),
      sortable: true,
      value: (s) => s.sentenceMonths,
      cell: (s) => (
        <>
          {s.sentenceMonths !== null ? t('cases.suspect.months', { count: s.sentenceMonths }) : '—'}
          {s.fine && (
            <Text size="xs" c="dimmed">
              {t('cases.suspect.fineOf', { amount: format.money(s.fine.amount, s.fine.currency) })}
            </Text>
          )}
        </>
      ),
    },
  ];
  if (onEdit && onRemove) {
    columns.push({
      id: 'actions',
      header: t('common.actions'),
      required: true,
      cell: (s) => <ItemActions name={s.name} onEdit={() => onEdit(s)} onRemove={() => onRemove(s)} />,
    });
  }
  return (
    <DataTable
      id="case-suspects"
      label={t('cases.section.suspects')}
      columns={columns}
      rows={suspects}
      rowKey={(s) => s.id}
      list={list}
      mode="client"
      emptyMessage={t('cases.noSuspects')}
    />
  );
}

const ASSETS: ListConfig<'kind' | 'description' | 'status' | 'value'> = {
  sorts: ['kind', 'description', 'status', 'value'],
  defaultSort: 'kind',
  defaultDir: 'asc',
};

export function assetName(a: Asset, vocab: ReturnType<typeof useVocab>): string {
  return a.description ?? vocab.fixed('assetKind', a.kind);
}

export function AssetsTable({
  assets,
  onEdit,
  onRemove,
}: {
  assets: Asset[];
  onEdit?: (a: Asset) => void;
  onRemove?: (a: Asset) => void;
}) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const format = useFormat();
  const list = useListState(ASSETS, { inUrl: false });
  const columns: DataColumn<Asset>[] = [
    {
      id: 'kind',
      header: t('cases.asset.kind'),
      sortable: true,
      required: true,
      value: (a) => vocab.fixed('assetKind', a.kind),
      cell: (a) => vocab.fixed('assetKind', a.kind),
    },
    {
      id: 'description',
      header: t('cases.asset.description'),
      sortable: true,
      primary: true,
      value: (a) => a.description,
      cell: (a) => a.description ?? '—',
    },
    {
      id: 'status',
      header: t('cases.asset.status'),
      sortable: true,
      value: (a) => vocab.fixed('assetStatus', a.status),
      cell: (a) => vocab.fixed('assetStatus', a.status),
    },
    {
      id: 'value',
      header: t('cases.asset.value'),
      sortable: true,
      align: 'end',
      nowrap: true,
      // Amounts in different currencies do not compare; the sort groups them by currency.
      value: (a) => (a.value !== null && a.currency ? `${a.currency} ${a.value.toFixed(2)}` : null),
      cell: (a) => (a.value !== null && a.currency ? format.money(a.value, a.currency) : t('common.unknown')),
    },
    {
      id: 'dates',
      header: t('cases.asset.dates'),
      cell: (a) => (
        <Text size="xs">
          {(
            [
              ['identified', a.identifiedOn],
              ['seized', a.seizedOn],
              ['confiscated', a.confiscatedOn],
              ['released', a.releasedOn],
            ] as const
          )
            .filter(([, d]) => d)
            .map(([s, d]) => `${vocab.fixed('assetStatus', s)}: ${format.day(d ?? '')}`)
            .join(' · ')}
        </Text>
      ),
    },
  ];
  if (onEdit && onRemove) {
    columns.push({
      id: 'actions',
      header: t('common.actions'),
      required: true,
      cell: (a) => (
        <ItemActions name={assetName(a, vocab)} onEdit={() => onEdit(a)} onRemove={() => onRemove(a)} />
      ),
    });
  }
  return (
    <DataTable
      id="case-assets"
      label={t('cases.section.assets')}
      columns={columns}
      rows={assets}
      rowKey={(a) => a.id}
      list={list}
      mode="client"
      emptyMessage={t('cases.noAssets')}
    />
  );
}

const EVIDENCE: ListConfig<'description' | 'kind' | 'collectedAt' | 'holder'> = {
  sorts: ['description', 'kind', 'collectedAt', 'holder'],
  defaultSort: 'collectedAt',
  defaultDir: 'desc',
};

export function EvidenceTable({
  evidence,
  onTransfer,
}: {
  evidence: Evidence[];
  onTransfer?: (e: Evidence) => void;
}) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const format = useFormat();
  const list = useListState(EVIDENCE, { inUrl: false });
  const holder = (e: Evidence) => e.custody[e.custody.length - 1]?.holder ?? '—';
  const columns: DataColumn<Evidence>[] = [
    {
      id: 'description',
      header: t('cases.evidence.description'),
      sortable: true,
      required: true,
      primary: true,
      value: (e) => e.description,
      cell: (e) => <Text fw={600}>{e.description}</Text>,
    },
    {
      id: 'kind',
      header: t('cases.evidence.kind'),
      sortable: true,
      value: (e) => vocab.fixed('evidenceKind', e.kind),
      cell: (e) => vocab.fixed('evidenceKind', e.kind),
    },
    {
      id: 'collectedAt',
      header: t('cases.evidence.collectedAt'),
      sortable: true,
      nowrap: true,
      value: (e) => e.collectedAt,
      cell: (e) => format.dateTime(e.collectedAt),
    },
    {
      id: 'holder',
      header: t('cases.custody.holderNow'),
      sortable: true,
      value: holder,
      cell: holder,
    },
    {
      id: 'chain',
      header: t('cases.custody.chain'),
      cell: (e) => (
        <ol className="plain-list">
          {e.custody.map((c) => (
            <li key={`${c.holder}-${c.from}`}>
              <Text size="sm">
                <strong>{c.holder}</strong> —{' '}
                {c.to
                  ? t('cases.custody.fromTo', { from: format.dateTime(c.from), to: format.dateTime(c.to) })
                  : t('cases.custody.since', { from: format.dateTime(c.from) })}
                {c.purpose ? ` · ${c.purpose}` : ''}
                {c.hashVerified === true && ` · ${t('cases.custody.hashOk')}`}
                {c.hashVerified === false && ` · ${t('cases.custody.hashBad')}`}
              </Text>
            </li>
          ))}
        </ol>
      ),
    },
    {
      id: 'sha256',
      header: t('cases.evidence.sha256'),
      cell: (e) =>
        e.sha256 ? (
          <code className="mono" style={{ overflowWrap: 'anywhere' }}>
            {e.sha256}
          </code>
        ) : (
          t('cases.evidence.noHash')
        ),
    },
  ];
  if (onTransfer) {
    columns.push({
      id: 'actions',
      header: t('common.actions'),
      required: true,
      cell: (e) => (
        <Button
          size="xs"
          variant="default"
          aria-label={t('cases.custody.transferNamed', { item: e.description })}
          onClick={() => onTransfer(e)}
        >
          {t('cases.custody.transfer')}
        </Button>
      ),
    });
  }
  return (
    <DataTable
      id="case-evidence"
      label={t('cases.section.evidence')}
      columns={columns}
      rows={evidence}
      rowKey={(e) => e.id}
      list={list}
      mode="client"
      emptyMessage={t('cases.noEvidence')}
    />
  );
}
