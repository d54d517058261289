import { STALE_AFTER_DAYS } from '@enlace/shared';
import { Group, Paper, Progress, SimpleGrid, Skeleton, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../hooks/useFormat';
import { useCountryName } from '../../hooks/useLabels';
import { useFreshness } from './directory.queries';
import { freshnessTotal, freshShare, shareColour } from './directory-helpers';

/**
 * How current each country's part of the directory is: the share of its entries verified within
 * the freshness window, as a percentage and a bar. A country opens the list filtered to it.
 */
export function FreshnessPanel({
  selected,
  onSelect,
}: {
  selected: string | undefined;
  onSelect: (countryCode: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const countryName = useCountryName();
  const freshness = useFreshness();
  const rows = [...(freshness.data ?? [])].sort((a, b) =>
    countryName(a.countryCode).localeCompare(countryName(b.countryCode)),
  );
  const total = freshnessTotal(rows);
  const months = Math.round(STALE_AFTER_DAYS / 30.5);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="directory-freshness">
      <Group justify="space-between" align="baseline" wrap="wrap" gap="xs" mb="sm">
        <Title order={2} size="h4" id="directory-freshness">
          {t('directory.freshness.title')}
        </Title>
        {total.entries > 0 && (
          <Text size="sm" c="dimmed">
            {t('directory.freshness.region', {
              share: format.percent(total.fresh / total.entries),
              count: total.entries,
              fresh: format.number(total.fresh),
              entries: format.number(total.entries),
            })}
          </Text>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('directory.freshness.intro', { count: months })}
      </Text>
      <ErrorAlert error={freshness.error} />
      {freshness.isPending ? (
        <Skeleton height={60} />
      ) : rows.length === 0 ? (
        <Text size="sm">{t('directory.freshness.empty')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs" component="ul" className="nav-list">
          {rows.map((r) => {
            const share = freshShare(r);
            const name = countryName(r.countryCode);
            const active = selected === r.countryCode;
            return (
              <li key={r.countryCode}>
                <UnstyledButton
                  className="directory-freshness-item"
                  data-active={active || undefined}
                  aria-pressed={active}
                  onClick={() => onSelect(active ? '' : r.countryCode)}
                  w="100%"
                  p={6}
                >
                  <Group justify="space-between" gap="xs" wrap="nowrap">
                    <Text size="sm" fw={active ? 700 : 500} truncate>
                      {name}
                    </Text>
                    <Text size="sm" fw={600} className="tabular">
                      {format.percent(share)}
                    </Text>
                  </Group>
                  <Progress value={share * 100} color={shareColour(share)} size="sm" mt={4} aria-hidden />
                  <Text size="xs" c="dimmed" mt={2}>
                    {t('directory.freshness.count', {
                      count: r.entries,
                      fresh: format.number(r.fresh),
                      entries: format.number(r.entries),
                    })}
                  </Text>
                </UnstyledButton>
              </li>
            );
          })}
        </SimpleGrid>
      )}
    </Paper>
  );
}
