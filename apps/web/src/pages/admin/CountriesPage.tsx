import { type Country, LOCALES } from '@enlace/shared';
import { Button, Group, Modal, Stack, Switch, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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

export function CountriesPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const countries = useCountries();
  const [selected, setSelected] = useState<Country | null>(null);
  const rows = countries.data ?? [];

  return (
    <Page title={t('admin.countries.title')} description={t('admin.countries.intro')}>
      <ErrorAlert error={countries.error} />
      {countries.data && (
        <Table.ScrollContainer minWidth={720}>
          <Table
            striped
            highlightOnHover
            verticalSpacing="sm"
            bg="white"
            aria-label={t('admin.countries.title')}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.countries.code')}</Table.Th>
                <Table.Th scope="col">{t('admin.countries.name')}</Table.Th>
                <Table.Th scope="col">{t('admin.countries.kind')}</Table.Th>
                <Table.Th scope="col">{t('admin.countries.status')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((c) => (
                <Table.Tr key={c.code}>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {c.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>{localized(c.name)}</Table.Td>
                  <Table.Td>{t(`countryKinds.${c.kind}`)}</Table.Td>
                  <Table.Td>
                    <StatusDot ok={c.active} label={c.active ? t('common.active') : t('common.inactive')} />
                  </Table.Td>
                  <Table.Td>
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
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {selected && <CountryModal key={selected.code} country={selected} onClose={() => setSelected(null)} />}
    </Page>
  );
}
