import {
  type BelongingItem,
  type BelongingsCustodyEntry,
  DOCUMENT_LOCALES,
  type DocumentLocale,
} from '@enlace/shared';
import {
  Alert,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type DataColumn, DataTable, type ListConfig, useListState } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { useFormat } from '../../hooks/useFormat';
import { useLooseT } from '../../hooks/useLooseT';
import {
  CustodyModal,
  ItemModal,
  itemName,
  ReturnModal,
} from '../../features/registry/belongings/BelongingsForms';
import {
  receiptHref,
  useBelongings,
  useVerifyBelongings,
} from '../../features/registry/belongings/belongings.queries';

const ITEMS: ListConfig<'number' | 'kind'> = {
  sorts: ['number', 'kind'],
  defaultSort: 'number',
  defaultDir: 'asc',
};
const CUSTODY: ListConfig<'at'> = { sorts: ['at'], defaultSort: 'at', defaultDir: 'asc' };

/** `t` for the keys computed from an item's kind (useLooseT). */
type T = (key: string, options?: Record<string, unknown>) => string;

/** What identifies an item beyond its description: the amount, the document, the IMEI. */
function itemDetails(t: T, lang: string, i: BelongingItem): string {
  if (i.kind === 'cash' && i.currency && i.amount)
    // From the decimal string, exactly (Intl reads it as a decimal, never through a float).
    return new Intl.NumberFormat(lang, {
      style: 'currency',
      currency: i.currency,
      currencyDisplay: 'code',
    }).format(i.amount as Intl.StringNumericLiteral);
  if (i.kind === 'document')
    return `${t(`registryBelongings.documentTypes.${i.documentType ?? 'other'}`)} ${i.documentNumber ?? ''}`;
  if (i.kind === 'phone') return `IMEI ${i.imei ?? ''}`;
  return '—';
}

/**
 * The belongings of a stay (Work Plan area 3, action 4): the inventory recorded at admission and
 * amended while a draft, its verification by a second officer, the numbered receipt in the
 * person's language, the custody log and the return item by item at release. What the reader
 * may do comes with the data (abilities).
 */
export function BelongingsPage() {
  const { t, i18n } = useTranslation();
  const loose = useLooseT();
  const format = useFormat();
  const { id = '' } = useParams();
  const query = useBelongings(id);
  const verify = useVerifyBelongings(id);
  const [modal, setModal] = useState<
    | { kind: 'item' }
    | { kind: 'correct'; item: BelongingItem }
    | { kind: 'custody' }
    | { kind: 'return' }
    | null
  >(null);
  const [lang, setLang] = useState<DocumentLocale | null>(null);
  const items = useListState(ITEMS, { inUrl: false });
  const custody = useListState(CUSTODY, { inUrl: false });
  const data = query.data;
  useEffect(() => {
    if (data && lang === null) setLang(data.receiptLanguage);
  }, [data, lang]);

  if (query.isPending)
    return (
      <Center py="xl">
        <Loader aria-label={t('a11y.loading')} />
      </Center>
    );
  if (!data)
    return (
      <Page title={t('registryBelongings.title')}>
        <ErrorAlert error={query.error} />
      </Page>
    );

  const byId = new Map(data.items.map((i) => [i.id, i]));
  const officer = (o: { name: string | null } | null) => o?.name ?? t('registryBelongings.unknownOfficer');
  const itemColumns: DataColumn<BelongingItem>[] = [
    {
      id: 'number',
      header: t('registryBelongings.columns.number'),
      sortable: true,
      value: (i) => i.number,
      cell: (i) => i.number,
      nowrap: true,
      rowHeader: true,
    },
    {
      id: 'kind',
      header: t('registryBelongings.columns.kind'),
      sortable: true,
      value: (i) => t(`registryBelongings.kinds.${i.kind}`),
      cell: (i) => t(`registryBelongings.kinds.${i.kind}`),
    },
    {
      id: 'description',
      header: t('registryBelongings.columns.description'),
      required: true,
      primary: true,
      cell: (i) => (
        <Stack gap={2}>
          <Text size="sm" td={i.supersededBy ? 'line-through' : undefined}>
            {i.description}
          </Text>
          {i.supersededBy && (
            <Text size="xs" c="dimmed">
              {t('registryBelongings.supersededBy', { number: byId.get(i.supersededBy)?.number ?? '?' })}
            </Text>
          )}
          {i.supersedes && (
            <Text size="xs" c="dimmed">
              {t('registryBelongings.corrects', { number: byId.get(i.supersedes)?.number ?? '?' })}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      id: 'details',
      header: t('registryBelongings.columns.details'),
      cell: (i) => itemDetails(loose, i18n.language, i),
    },
    { id: 'seal', header: t('registryBelongings.columns.seal'), cell: (i) => i.sealNumber, nowrap: true },
    {
      id: 'photo',
      header: t('registryBelongings.columns.photo'),
      cell: (i) =>
        i.photo ? (
          <a
            href={`/api/files/${encodeURIComponent(i.photo.id)}`}
            aria-label={t('registryBelongings.photoOf', { name: itemName(loose, i) })}
          >
            {t('registryBelongings.photoOpen')}
          </a>
        ) : (
          '—'
        ),
    },
    {
      id: 'state',
      header: t('registryBelongings.columns.state'),
      cell: (i) =>
        i.supersededBy ? (
          <Badge color="gray.8" variant="filled">
            {t('registryBelongings.state.superseded')}
          </Badge>
        ) : i.return ? (
          <Stack gap={2}>
            <Badge color={i.return.outcome === 'returned' ? 'green.8' : 'red.8'} variant="filled">
              {t(`registryBelongings.outcomes.${i.return.outcome}`)}
            </Badge>
            {(i.return.reason || i.return.authority) && (
              <Text size="xs">{[i.return.authority, i.return.reason].filter(Boolean).join(' — ')}</Text>
            )}
          </Stack>
        ) : (
          <Badge color="enlace.8" variant="filled">
            {t('registryBelongings.state.held')}
          </Badge>
        ),
    },
    {
      id: 'recordedBy',
      header: t('registryBelongings.columns.recordedBy'),
      defaultHidden: true,
      cell: (i) => `${officer(i.recordedBy)} · ${format.dateTime(i.recordedAt)}`,
    },
    {
      id: 'actions',
      header: t('registryBelongings.columns.actions'),
      headerHidden: true,
      cell: (i) =>
        data.abilities.record && !i.supersededBy ? (
          <Button
            size="xs"
            variant="default"
            aria-label={t('registryBelongings.correctNamed', { name: itemName(loose, i) })}
            onClick={() => setModal({ kind: 'correct', item: i })}
          >
            {t('registryBelongings.correct')}
          </Button>
        ) : null,
    },
  ];
  const custodyColumns: DataColumn<BelongingsCustodyEntry>[] = [
    {
      id: 'at',
      header: t('registryBelongings.custody.at'),
      sortable: true,
      value: (c) => c.at,
      cell: (c) => format.dateTime(c.at),
      nowrap: true,
      rowHeader: true,
    },
    {
      id: 'kind',
      header: t('registryBelongings.custody.kind'),
      primary: true,
      cell: (c) => t(`registryBelongings.custodyKinds.${c.kind}`),
    },
    {
      id: 'where',
      header: t('registryBelongings.custody.where'),
      cell: (c) =>
        c.kind === 'handed_to_authority'
          ? t('registryBelongings.custody.handedTo', { authority: c.authority, reference: c.reference })
          : c.kind === 'transferred'
            ? t('registryBelongings.custody.travelled')
            : c.place,
    },
    {
      id: 'items',
      header: t('registryBelongings.custody.items'),
      cell: (c) => (c.items ? c.items.join(', ') : t('registryBelongings.custody.allItems')),
    },
    { id: 'note', header: t('registryBelongings.custody.note'), cell: (c) => c.note ?? '—' },
    { id: 'by', header: t('registryBelongings.custody.by'), cell: (c) => officer(c.by) },
  ];

  const statusLabel = t(`registryBelongings.status.${data.status}`);
  return (
    <Page
      title={t('registryBelongings.title')}
      description={t('registryBelongings.description')}
      actions={
        <Group gap="sm">
          {data.abilities.record && (
            <Button onClick={() => setModal({ kind: 'item' })}>{t('registryBelongings.addItem')}</Button>
          )}
          {data.abilities.custody && (
            <Button variant="default" onClick={() => setModal({ kind: 'custody' })}>
              {t('registryBelongings.addMovement')}
            </Button>
          )}
          {data.abilities.return && (
            <Button variant="default" onClick={() => setModal({ kind: 'return' })}>
              {t('registryBelongings.recordReturn')}
            </Button>
          )}
        </Group>
      }
    >
      <Paper withBorder p="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
          <Stack gap={4}>
            <Group gap="xs">
              <Text fw={600}>{t('registryBelongings.statusLabel')}</Text>
              <Badge color={data.status === 'verified' ? 'green.8' : 'orange.8'} variant="filled">
                {statusLabel}
              </Badge>
            </Group>
            {data.receiptNumber && (
              <Text size="sm">{t('registryBelongings.receiptNumber', { number: data.receiptNumber })}</Text>
            )}
            {data.recordedBy.length > 0 && (
              <Text size="sm">
                {t('registryBelongings.recordedBy', { names: data.recordedBy.map(officer).join(', ') })}
              </Text>
            )}
            {data.verifiedBy && data.verifiedAt && (
              <Text size="sm">
                {t('registryBelongings.verifiedBy', {
                  name: officer(data.verifiedBy),
                  at: format.dateTime(data.verifiedAt),
                })}
              </Text>
            )}
            <Text size="sm">
              {t('registryBelongings.summary', {
                held: data.summary.held,
                returned: data.summary.returned,
                discrepancies: data.summary.discrepancies,
              })}
            </Text>
          </Stack>
          <Stack gap="xs" align="flex-start">
            {data.status === 'draft' &&
              (data.abilities.verify ? (
                <Button
                  color="green"
                  loading={verify.isPending}
                  onClick={() =>
                    verify.mutate(undefined, {
                      onSuccess: (v) =>
                        notifications.show({
                          color: 'green',
                          title: t('registryBelongings.verified'),
                          message: v.receiptNumber ?? '',
                        }),
                    })
                  }
                >
                  {t('registryBelongings.verify')}
                </Button>
              ) : (
                <Text size="sm" c="dimmed" maw={320}>
                  {t('registryBelongings.verifyOther')}
                </Text>
              ))}
            {data.abilities.receipt && lang && (
              <Group gap="xs" align="flex-end">
                <NativeSelect
                  label={t('registryBelongings.receiptLanguage')}
                  value={lang}
                  onChange={(e) => setLang(e.currentTarget.value as DocumentLocale)}
                  data={DOCUMENT_LOCALES.map((l) => ({
                    value: l,
                    label: t(`registryBelongings.languages.${l}`),
                  }))}
                />
                <Button component="a" href={receiptHref(id, lang)} download variant="default">
                  {t('registryBelongings.downloadReceipt')}
                </Button>
              </Group>
            )}
          </Stack>
        </Group>
        <ErrorAlert error={verify.error} />
      </Paper>
      {data.stayStatus === 'released' && data.summary.held > 0 && (
        <Alert color="orange" title={t('registryBelongings.stillHeldTitle')}>
          {t('registryBelongings.stillHeld', { n: data.summary.held })}
        </Alert>
      )}
      {data.summary.discrepancies > 0 && (
        <Alert color="red" title={t('registryBelongings.discrepanciesTitle')}>
          {t('registryBelongings.discrepancies', { n: data.summary.discrepancies })}
        </Alert>
      )}
      <section aria-labelledby="belongings-items">
        <Title order={2} size="h3" id="belongings-items" mb="sm">
          {t('registryBelongings.itemsHeading')}
        </Title>
        <DataTable
          id="registry-belongings-items"
          label={t('registryBelongings.itemsHeading')}
          columns={itemColumns}
          rows={data.items}
          rowKey={(i) => i.id}
          list={items}
          mode="client"
          emptyMessage={t('registryBelongings.noItems')}
          paging={data.items.length > 20}
        />
      </section>
      <section aria-labelledby="belongings-custody">
        <Title order={2} size="h3" id="belongings-custody" mb="sm">
          {t('registryBelongings.custodyHeading')}
        </Title>
        <DataTable
          id="registry-belongings-custody"
          label={t('registryBelongings.custodyHeading')}
          columns={custodyColumns}
          rows={data.custody}
          rowKey={(c) => c.id}
          list={custody}
          mode="client"
          emptyMessage={t('registryBelongings.noMovements')}
          paging={data.custody.length > 20}
        />
      </section>
      {modal?.kind === 'item' && <ItemModal stayId={id} onClose={() => setModal(null)} />}
      {modal?.kind === 'correct' && (
        <ItemModal stayId={id} correcting={modal.item} onClose={() => setModal(null)} />
      )}
      {modal?.kind === 'custody' && (
        <CustodyModal stayId={id} belongings={data} onClose={() => setModal(null)} />
      )}
      {modal?.kind === 'return' && (
        <ReturnModal stayId={id} belongings={data} onClose={() => setModal(null)} />
      )}
    </Page>
  );
}
