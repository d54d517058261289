import type { BelongingsDiscrepancy } from '@enlace/shared';
import { Alert, Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type DataColumn, DataTable, type ListConfig, useListState } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { SectionNav } from '../../components/SectionNav';
import { useFormat } from '../../hooks/useFormat';
import { useDiscrepancies } from '../../features/registry/belongings/belongings.queries';

const LIST: ListConfig<'at' | 'centre' | 'outcome' | 'receipt'> = {
  sorts: ['at', 'centre', 'outcome', 'receipt'],
  defaultSort: 'at',
  defaultDir: 'desc',
};

/**
 * A centre supervisor's list of the belongings discrepancies of their country: items missing,
 * damaged or retained by an authority at release, the newest first, each opening its stay's
 * belongings.
 */
export function BelongingsDiscrepanciesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useListState(LIST);
  const query = useDiscrepancies();
  const columns: DataColumn<BelongingsDiscrepancy>[] = [
    {
      id: 'at',
      header: t('registryBelongings.discrepancyList.at'),
      sortable: true,
      value: (d) => d.at,
      cell: (d) => format.dateTime(d.at),
      nowrap: true,
    },
    {
      id: 'receipt',
      header: t('registryBelongings.discrepancyList.receipt'),
      sortable: true,
      value: (d) => d.receiptNumber ?? '',
      nowrap: true,
      rowHeader: true,
      primary: true,
      cell: (d) => (
        <Link
          to={`/registry/stays/${encodeURIComponent(d.stayId)}/belongings`}
          aria-label={t('registryBelongings.discrepancyList.open', {
            receipt: d.receiptNumber ?? t('registryBelongings.discrepancyList.noReceipt'),
            number: d.itemNumber,
          })}
        >
          {d.receiptNumber ?? t('registryBelongings.discrepancyList.noReceipt')}
        </Link>
      ),
    },
    {
      id: 'centre',
      header: t('registryBelongings.discrepancyList.centre'),
      sortable: true,
      value: (d) => d.centreName,
      cell: (d) => d.centreName,
    },
    {
      id: 'item',
      header: t('registryBelongings.discrepancyList.item'),
      required: true,
      cell: (d) => (
        <>
          <Text size="sm">
            {t('registryBelongings.itemName', {
              number: d.itemNumber,
              kind: t(`registryBelongings.kinds.${d.kind}`),
              description: d.description,
            })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('registryBelongings.discrepancyList.seal', { seal: d.sealNumber })}
          </Text>
        </>
      ),
    },
    {
      id: 'outcome',
      header: t('registryBelongings.discrepancyList.outcome'),
      sortable: true,
      value: (d) => t(`registryBelongings.outcomes.${d.outcome}`),
      cell: (d) => (
        <Badge color="red.8" variant="filled">
          {t(`registryBelongings.outcomes.${d.outcome}`)}
        </Badge>
      ),
    },
    {
      id: 'reason',
      header: t('registryBelongings.discrepancyList.reason'),
      cell: (d) => [d.authority, d.reason].filter(Boolean).join(' — ') || '—',
    },
    {
      id: 'by',
      header: t('registryBelongings.discrepancyList.by'),
      cell: (d) => d.by.name ?? t('registryBelongings.unknownOfficer'),
    },
  ];
  return (
    <Page
      title={t('registryBelongings.discrepancyList.title')}
      description={t('registryBelongings.discrepancyList.description')}
    >
      <SectionNav group="registry" />
      {query.data?.truncated && (
        <Alert color="orange">{t('registryBelongings.discrepancyList.truncated')}</Alert>
      )}
      <DataTable
        id="registry-belongings-discrepancies"
        label={t('registryBelongings.discrepancyList.title')}
        columns={columns}
        rows={query.data?.items}
        rowKey={(d) => d.itemId}
        list={list}
        mode="client"
        loading={query.isPending}
        error={query.error}
        emptyMessage={t('registryBelongings.discrepancyList.empty')}
        search={{
          label: t('registryBelongings.discrepancyList.search'),
          searchText: (d) => [d.receiptNumber ?? '', d.centreName, d.description, d.sealNumber].join(' '),
        }}
      />
    </Page>
  );
}
