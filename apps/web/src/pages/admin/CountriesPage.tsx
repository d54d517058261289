import { type Country, LOCALES } from '@enlace/shared';
import { Button, Group, Modal, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DataColumn, DataTable, type ListConfig, useListState } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { StatusDot } from '../../components/StatusDot';
import { useCountries, useUpdateCountry } from '../../features/admin/admin.queries';
import { useLocalized } from '../../hooks/useLabels';

/** A country's names in the three languages and, for those allowed, whether it is active. */
function CountryModal({ country, onClose }: { country: Country; onClose: () => void }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const updateCountry = useUpdateCountry();
  const [active, setActive] = useState(country.active);

  const handleSave = () => {
    updateCountry.mutate(
      { code: country.code, active },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'green',
            title: t('admin.countries.saved'),
            message: localized(saved.name),
          });
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={`${localized(country.name)} (${country.code})`}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <dl className="definition-list">
          <dt>{t('admin.countries.code')}</dt>
          <dd>{country.code}</dd>
          <dt>{t('admin.countries.kind')}</dt>
          <dd>{t(`countryKinds.${country.kind}`)}</dd>
          {LOCALES.map((l) => (
            <div key={l} style={{ display: 'contents' }}>
              <dt>{t(`admin.countries.name_${l}`)}</dt>
              <dd lang={l}>{country.name[l]}</dd>
            </div>
          ))}
        </dl>
        <ErrorAlert error={updateCountry.error} />
        {country.abilities.update ? (
          <>
            <Switch
              label={t('admin.countries.activeLabel')}
              description={t('admin.countries.activeHint')}
              checked={active}
              onChange={(event) => setActive(event.currentTarget.checked)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button
                onClick={handleSave}
                loading={updateCountry.isPending}
                disabled={active === country.active}
              >
                {t('common.save')}
              </Button>
            </Group>
          </>
        ) : (
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
          </Group>
        )}
      </Stack>
    </Modal>
  );
}

const LIST: ListConfig<'code' | 'name' | 'kind' | 'status'> = {
  sorts: ['code', 'name', 'kind', 'status'],
  defaultSort: 'name',
  defaultDir: 'asc',
};

export function CountriesPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const countries = useCountries();
  const list = useListState(LIST);
  const [selected, setSelected] = useState<Country | null>(null);

  const columns: DataColumn<Country>[] = [
    {
      id: 'code',
      header: t('admin.countries.code'),
      sortable: true,
      value: (c) => c.code,
      cell: (c) => (
        <Text size="sm" ff="monospace">
          {c.code}
        </Text>
      ),
    },
    {
      id: 'name',
      header: t('admin.countries.name'),
      sortable: true,
      required: true,
      primary: true,
      value: (c) => localized(c.name),
      cell: (c) => localized(c.name),
    },
    {
      id: 'kind',
      header: t('admin.countries.kind'),
      sortable: true,
      value: (c) => t(`countryKinds.${c.kind}`),
      cell: (c) => t(`countryKinds.${c.kind}`),
    },
    {
      id: 'status',
      header: t('admin.countries.status'),
      sortable: true,
      value: (c) => (c.active ? 0 : 1),
      cell: (c) => <StatusDot ok={c.active} label={c.active ? t('common.active') : t('common.inactive')} />,
    },
    {
      id: 'actions',
      header: t('common.actions'),
      required: true,
      cell: (c) => (
        <Button
          size="xs"
          variant="default"
          onClick={() => setSelected(c)}
          aria-label={
            c.abilities.update
              ? t('admin.editNamed', { name: localized(c.name) })
              : t('admin.viewNamed', { name: localized(c.name) })
          }
        >
          {c.abilities.update ? t('common.edit') : t('common.view')}
        </Button>
      ),
    },
  ];

  return (
    <Page title={t('admin.countries.title')} description={t('admin.countries.intro')}>
      <DataTable
        id="admin-countries"
        label={t('admin.countries.title')}
        columns={columns}
        rows={countries.data}
        rowKey={(c) => c.code}
        list={list}
        mode="client"
        loading={countries.isPending}
        error={countries.error}
        emptyMessage={t('common.nothingFound')}
        search={{ label: t('list.search'), searchText: (c) => `${c.code} ${localized(c.name)}` }}
      />
      {selected && <CountryModal key={selected.code} country={selected} onClose={() => setSelected(null)} />}
    </Page>
  );
}
