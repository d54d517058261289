import { can, type PendingReleaseCheck } from '@enlace/shared';
import { Anchor, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type DataColumn, DataTable, useListState } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { SectionNav } from '../../components/SectionNav';
import { useMe } from '../../features/auth/auth.queries';
import { useReleaseChecks } from '../../features/registry/registry.queries';
import { useFormat } from '../../hooks/useFormat';
import { NoAccessPage } from '../NoAccessPage';

const SORTS = ['attemptedAt', 'name', 'centre', 'score'] as const;

/** A supervisor's queue: releases the identity check stopped, oldest first. */
export function ReleaseChecksPage() {
  const me = useMe();
  if (!can(me.role, 'registry.supervise')) return <NoAccessPage />;
  return <Checks />;
}

function Checks() {
  const { t } = useTranslation();
  const format = useFormat();
  const checks = useReleaseChecks(true);
  const list = useListState({ sorts: SORTS, defaultSort: 'attemptedAt', defaultDir: 'asc' });
  const columns = useMemo<DataColumn<PendingReleaseCheck>[]>(
    () => [
      {
        id: 'name',
        header: t('registry.fields.name'),
        sortable: true,
        required: true,
        primary: true,
        rowHeader: true,
        value: (c) => `${c.familyNames} ${c.givenNames}`,
        cell: (c) => (
          <Anchor component={Link} to={`/registry/stays/${c.stayId}`} fw={600} size="sm">
            {c.givenNames} {c.familyNames}
          </Anchor>
        ),
      },
      {
        id: 'centre',
        header: t('registry.fields.centre'),
        sortable: true,
        value: (c) => c.centreName,
        cell: (c) => c.centreName,
      },
      {
        id: 'score',
        header: t('registry.fields.score'),
        sortable: true,
        align: 'end',
        value: (c) => c.score,
        cell: (c) => format.percent(c.score),
      },
      {
        id: 'requested',
        header: t('registry.checks.requested'),
        cell: (c) => `${t(`registry.outcomes.${c.outcome}`)}, ${format.dateTime(c.releasedAt)}`,
      },
      {
        id: 'attemptedAt',
        header: t('registry.checks.attemptedAt'),
        sortable: true,
        nowrap: true,
        value: (c) => c.attemptedAt,
        cell: (c) => format.dateTime(c.attemptedAt),
      },
      {
        id: 'attemptedBy',
        header: t('registry.checks.attemptedBy'),
        cell: (c) => (
          <>
            {c.attemptedByName ?? '—'}
            {!c.mayResolve && (
              <Text size="xs" c="dimmed">
                {t('registry.checks.ownCheck')}
              </Text>
            )}
          </>
        ),
      },
    ],
    [t, format],
  );
  return (
    <Page title={t('registry.checks.title')} description={t('registry.checks.intro')}>
      <SectionNav group="registry" />
      <DataTable
        id="registry-release-checks"
        label={t('registry.checks.title')}
        columns={columns}
        rows={checks.data}
        rowKey={(c) => c.stayId}
        list={list}
        mode="client"
        loading={checks.isPending}
        error={checks.error}
        emptyMessage={t('registry.checks.empty')}
      />
    </Page>
  );
}
