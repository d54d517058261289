import { can, type Centre } from '@enlace/shared';
import { Anchor, Badge, Button } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type DataColumn, DataTable, useListState } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { SectionNav } from '../../components/SectionNav';
import { useMe } from '../../features/auth/auth.queries';
import { CentreFormModal } from '../../features/registry/CentreFormModal';
import { totalPlaces } from '../../features/registry/labels';
import { useCentres } from '../../features/registry/registry.queries';
import { useFormat } from '../../hooks/useFormat';
import { useLocalized } from '../../hooks/useLabels';
import { NoAccessPage } from '../NoAccessPage';

const SORTS = ['name', 'code', 'type', 'status', 'places'] as const;

export function CentresPage() {
  const me = useMe();
  if (!can(me.role, 'registry.read')) return <NoAccessPage />;
  return <CentreList />;
}

function CentreList() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const localized = useLocalized();
  const centres = useCentres();
  const list = useListState({ sorts: SORTS, defaultSort: 'name', defaultDir: 'asc' });
  const [creating, setCreating] = useState(false);

  const columns = useMemo<DataColumn<Centre>[]>(
    () => [
      {
        id: 'name',
        header: t('registry.fields.name'),
        sortable: true,
        required: true,
        primary: true,
        rowHeader: true,
        value: (c) => localized(c.names),
        cell: (c) => (
          <Anchor component={Link} to={`/registry/centres/${c.id}`} fw={600} size="sm">
            {localized(c.names)}
          </Anchor>
        ),
      },
      {
        id: 'code',
        header: t('registry.fields.code'),
        sortable: true,
        nowrap: true,
        value: (c) => c.code,
        cell: (c) => c.code,
      },
      {
        id: 'type',
        header: t('registry.fields.type'),
        sortable: true,
        value: (c) => t(`registry.centreTypes.${c.type}`),
        cell: (c) => t(`registry.centreTypes.${c.type}`),
      },
      {
        id: 'status',
        header: t('registry.fields.status'),
        sortable: true,
        value: (c) => c.status,
        cell: (c) => (
          <Badge
            variant="light"
            color={c.status === 'open' ? 'green' : c.status === 'full' ? 'orange' : 'gray'}
            tt="none"
          >
            {t(`registry.centreStatuses.${c.status}`)}
          </Badge>
        ),
      },
      {
        id: 'places',
        header: t('registry.centres.places'),
        sortable: true,
        align: 'end',
        value: (c) => totalPlaces(c),
        cell: (c) => format.number(totalPlaces(c)),
      },
      {
        id: 'services',
        header: t('registry.fields.services'),
        defaultHidden: true,
        cell: (c) => c.services.map((s) => t(`registry.services.${s}`)).join(', ') || '—',
      },
    ],
    [t, localized, format],
  );

  return (
    <Page
      title={t('registry.centres.title')}
      description={t('registry.centres.intro')}
      actions={
        can(me.role, 'registry.supervise') && (
          <Button onClick={() => setCreating(true)}>{t('registry.centres.create')}</Button>
        )
      }
    >
      <SectionNav group="registry" />
      <DataTable
        id="registry-centres"
        label={t('registry.centres.title')}
        columns={columns}
        rows={centres.data}
        rowKey={(c) => c.id}
        list={list}
        mode="client"
        loading={centres.isPending}
        error={centres.error}
        emptyMessage={t('registry.centres.empty')}
        search={{
          label: t('registry.centres.search'),
          searchText: (c) => `${c.code} ${c.names.es} ${c.names.en} ${c.names.fr}`,
        }}
      />
      {creating && <CentreFormModal onClose={() => setCreating(false)} />}
    </Page>
  );
}
