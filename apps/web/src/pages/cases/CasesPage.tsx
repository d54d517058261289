import { CASE_SORTS, CASE_STAGES, type CaseSort, type CaseSummary, can } from '@enlace/shared';
import { Anchor, Badge, Button, NativeSelect, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type DataColumn, DataTable, type ListConfig, useListState } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { SectionNav } from '../../components/SectionNav';
import { useMe } from '../../features/auth/auth.queries';
import { CaseFormModal } from '../../features/cases/CaseFormModal';
import { useCasePage } from '../../features/cases/cases.queries';
import { useVocab } from '../../features/incidents/vocabulary';
import { useFormat } from '../../hooks/useFormat';
import { NoAccessPage } from '../NoAccessPage';

const LIST: ListConfig<CaseSort, 'stage'> = {
  sorts: CASE_SORTS,
  defaultSort: 'updatedAt',
  defaultDir: 'desc',
  filters: ['stage'],
};

export function CasesPage() {
  const me = useMe();
  if (!can(me.role, 'cases.read')) return <NoAccessPage />;
  return <CaseList />;
}

function CaseList() {
  const { t } = useTranslation();
  const me = useMe();
  const vocab = useVocab();
  const format = useFormat();
  const list = useListState(LIST);
  const stage = list.state.filters.stage ?? '';
  const [creating, setCreating] = useState(false);
  const cases = useCasePage(list.state);

  const columns = useMemo<DataColumn<CaseSummary>[]>(
    () => [
      {
        id: 'reference',
        header: t('cases.field.reference'),
        sortable: true,
        required: true,
        primary: true,
        nowrap: true,
        cell: (c) => (
          <Anchor component={Link} to={`/cases/${c.id}`} fw={600} size="sm">
            {c.reference}
          </Anchor>
        ),
      },
      {
        id: 'title',
        header: t('cases.field.title'),
        sortable: true,
        cell: (c) => (
          <>
            {c.title}
            {c.sharedWithMe && (
              <Badge ml="xs" size="sm" variant="light" color="orange" tt="none">
                {t('cases.sharedWithYou')}
              </Badge>
            )}
          </>
        ),
      },
      {
        id: 'country',
        header: t('cases.field.owner'),
        sortable: true,
        cell: (c) => vocab.country(c.countryCode),
      },
      {
        id: 'stage',
        header: t('cases.field.stage'),
        sortable: true,
        cell: (c) => vocab.fixed('caseStage', c.stage),
      },
      {
        id: 'openedOn',
        header: t('cases.field.openedOn'),
        sortable: true,
        nowrap: true,
        cell: (c) => format.day(c.openedOn),
      },
      {
        id: 'updatedAt',
        header: t('cases.field.updatedAt'),
        sortable: true,
        nowrap: true,
        cell: (c) => format.date(c.updatedAt),
      },
    ],
    [t, vocab, format],
  );

  return (
    <Page
      title={t('cases.title')}
      description={t('cases.intro')}
      actions={
        can(me.role, 'cases.write') && <Button onClick={() => setCreating(true)}>{t('cases.create')}</Button>
      }
    >
      <SectionNav group="incidents" />
      <Text size="sm" c="dimmed">
        {t('cases.scopeNote', { country: vocab.country(me.countryCode) })}
      </Text>
      <DataTable
        id="cases"
        label={t('cases.title')}
        columns={columns}
        rows={cases.data?.items}
        total={cases.data?.total}
        totalCapped={cases.data?.totalCapped}
        rowKey={(c) => c.id}
        list={list}
        mode="server"
        loading={cases.isPending}
        fetching={cases.isPlaceholderData}
        error={cases.error}
        emptyMessage={stage || list.state.q ? t('cases.emptyFiltered') : t('cases.empty')}
        search={{ label: t('list.cases.search') }}
        toolbar={
          <NativeSelect
            label={t('cases.field.stage')}
            value={stage}
            onChange={(e) => list.setFilter('stage', e.currentTarget.value)}
            data={[
              { value: '', label: t('cases.allStages') },
              ...CASE_STAGES.map((s) => ({ value: s, label: vocab.fixed('caseStage', s) })),
            ]}
            w={{ base: '100%', xs: 240 }}
          />
        }
      />
      {creating && <CaseFormModal onClose={() => setCreating(false)} />}
    </Page>
  );
}
