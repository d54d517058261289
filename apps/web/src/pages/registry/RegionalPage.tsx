import { AGE_GROUPS, can, type RegistryAggregates } from '@enlace/shared';
import { Accordion, Center, Loader, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { SectionNav } from '../../components/SectionNav';
import { useMe } from '../../features/auth/auth.queries';
import { useVocab } from '../../features/incidents/vocabulary';
import { useAggregates } from '../../features/registry/registry.queries';
import { count, StatsTable } from '../../features/stats/ChartCard';
import { useFormat } from '../../hooks/useFormat';
import { NoAccessPage } from '../NoAccessPage';

/** Action 6: people in centres by country, sex, age group and nationality, small cells withheld. */
export default function RegionalPage() {
  const me = useMe();
  if (!can(me.role, 'registry.read')) return <NoAccessPage />;
  return <Regional />;
}

type CountryRow = RegistryAggregates['countries'][number];

function Regional() {
  const { t } = useTranslation();
  const vocab = useVocab();
  const format = useFormat();
  const aggregates = useAggregates();
  const data = aggregates.data;
  const shown = (c: { persons: number | null; suppressed: boolean }) => count(c.persons, c.suppressed);
  return (
    <Page title={t('registry.regional.title')} description={t('registry.regional.intro')}>
      <SectionNav group="registry" />
      <ErrorAlert error={aggregates.error} />
      {aggregates.isPending && (
        <Center py="xl">
          <Loader aria-label={t('a11y.loading')} />
        </Center>
      )}
      {data && (
        <>
          <Text size="sm" c="dimmed">
            {t('registry.regional.asOf', { when: format.dateTime(data.asOf) })}
          </Text>
          <StatsTable
            caption={t('registry.regional.title')}
            table={{
              columns: [t('registry.regional.country'), t('registry.regional.persons')],
              rows: data.countries.map((c) => ({
                key: c.countryCode,
                label: vocab.country(c.countryCode),
                cells: [shown(c)],
              })),
              total: { label: t('registry.regional.total'), cells: [shown(data.total)] },
            }}
          />
          <Accordion variant="separated">
            {data.countries.map((c) => (
              <Accordion.Item key={c.countryCode} value={c.countryCode}>
                <Accordion.Control>
                  {t('registry.regional.details', { country: vocab.country(c.countryCode) })}
                </Accordion.Control>
                <Accordion.Panel>
                  <CountryDetail country={c} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </>
      )}
    </Page>
  );
}

function CountryDetail({ country }: { country: CountryRow }) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const column = t('registry.centre.count');
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
      <StatsTable
        caption={t('registry.centre.bySex')}
        table={{
          columns: [t('registry.centre.bySex'), column],
          rows: country.bySex.map((s) => ({
            key: s.sex,
            label: t(`registry.sexes.${s.sex}`),
            cells: [count(s.persons, s.suppressed)],
          })),
        }}
      />
      <StatsTable
        caption={t('registry.centre.byAgeGroup')}
        table={{
          columns: [t('registry.centre.byAgeGroup'), column],
          rows: [...country.byAgeGroup]
            .sort((a, b) => AGE_GROUPS.indexOf(a.ageGroup) - AGE_GROUPS.indexOf(b.ageGroup))
            .map((s) => ({
              key: s.ageGroup,
              label: t(`registry.ageGroups.${s.ageGroup}`),
              cells: [count(s.persons, s.suppressed)],
            })),
        }}
      />
      <StatsTable
        caption={t('registry.centre.byNationality')}
        table={{
          columns: [t('registry.centre.byNationality'), column],
          rows: country.byNationality.map((s) => ({
            key: s.nationality,
            label: vocab.country(s.nationality),
            cells: [count(s.persons, s.suppressed)],
          })),
        }}
      />
    </SimpleGrid>
  );
}
