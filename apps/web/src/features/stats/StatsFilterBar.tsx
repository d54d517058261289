import { DEFAULT_STATS_REGION, INCIDENT_SOURCES, REGION_GROUPS, TRANSPORT_MODES } from '@enlace/shared';
import { Badge, Button, CloseButton, Group, NativeSelect, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useUrlFilters } from '../../hooks/useUrlFilters';
import { useVocab } from '../incidents/vocabulary';
import { ALL_REGIONS, STATS_FILTER_KEYS, type StatsFilters } from './stats.queries';

type RawFilters = Partial<Record<(typeof STATS_FILTER_KEYS)[number], string>>;

/** The filters in effect from those in the address: the network's region unless removed. */
export function effectiveStatsFilters(raw: RawFilters): StatsFilters {
  const { region, ...rest } = raw;
  if (region === ALL_REGIONS) return rest;
  return { ...rest, region: region ?? DEFAULT_STATS_REGION };
}

/**
 * The dashboard's and the map's filters, kept in the address so that a view can be shared. They
 * default to the network's region (the Americas), shown as a filter the user can remove.
 */
export function useStatsFilters(): [
  StatsFilters,
  (key: keyof StatsFilters, value: string) => void,
  () => void,
] {
  const [raw, set, clear] = useUrlFilters(STATS_FILTER_KEYS);
  const filters = useMemo(() => effectiveStatsFilters(raw), [raw]);
  const change = useMemo(
    () => (key: keyof StatsFilters, value: string) =>
      set(key, key === 'region' && value === '' ? ALL_REGIONS : value),
    [set],
  );
  return [filters, change, clear];
}

export function StatsFilterBar({
  filters,
  onChange,
  onClear,
}: {
  filters: StatsFilters;
  onChange: (key: keyof StatsFilters, value: string) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const regionName = (code: string) =>
    Object.hasOwn(REGION_GROUPS, code)
      ? t(`statsSources.regionGroup.${code as 'americas'}`)
      : vocab.term('region', code);
  const isDefault = Object.keys(filters).length === 1 && filters.region === DEFAULT_STATS_REGION;
  return (
    <form aria-label={t('stats.filters')} onSubmit={(e) => e.preventDefault()}>
      <Group align="flex-end" gap="md">
        <TextInput
          type="month"
          label={t('stats.filter.from')}
          value={filters.from ?? ''}
          onChange={(e) => onChange('from', e.currentTarget.value)}
          w={170}
        />
        <TextInput
          type="month"
          label={t('stats.filter.to')}
          value={filters.to ?? ''}
          onChange={(e) => onChange('to', e.currentTarget.value)}
          w={170}
        />
        <NativeSelect
          label={t('stats.filter.country')}
          value={filters.country ?? ''}
          onChange={(e) => onChange('country', e.currentTarget.value)}
          data={[{ value: '', label: t('common.allCountries') }, ...vocab.countryOptions]}
          w={220}
        />
        <NativeSelect
          label={t('incidents.field.mode')}
          value={filters.mode ?? ''}
          onChange={(e) => onChange('mode', e.currentTarget.value)}
          data={[
            { value: '', label: t('incidents.filter.allModes') },
            ...TRANSPORT_MODES.map((m) => ({ value: m, label: vocab.fixed('mode', m) })),
          ]}
          w={150}
        />
        <NativeSelect
          label={t('incidents.field.routeCode')}
          value={filters.route ?? ''}
          onChange={(e) => onChange('route', e.currentTarget.value)}
          data={[{ value: '', label: t('incidents.filter.allRoutes') }, ...vocab.options('route')]}
          w={230}
        />
        <NativeSelect
          label={t('statsSources.region')}
          value={filters.region ?? ''}
          onChange={(e) => onChange('region', e.currentTarget.value)}
          data={[
            { value: '', label: t('statsSources.allRegions') },
            ...Object.keys(REGION_GROUPS).map((g) => ({ value: g, label: regionName(g) })),
            ...vocab.options('region'),
          ]}
          w={230}
        />
        <NativeSelect
          label={t('statsSources.source')}
          value={filters.source ?? ''}
          onChange={(e) => onChange('source', e.currentTarget.value)}
          data={[
            { value: '', label: t('statsSources.allSources') },
            ...INCIDENT_SOURCES.map((s) => ({ value: s, label: t(`statsSources.sourceName.${s}`) })),
          ]}
          w={230}
        />
        <NativeSelect
          label={t('stats.filter.nationality')}
          value={filters.nationality ?? ''}
          onChange={(e) => onChange('nationality', e.currentTarget.value)}
          data={[{ value: '', label: t('stats.filter.allNationalities') }, ...vocab.countryOptions]}
          w={220}
        />
        {Object.keys(filters).length > 0 && !isDefault && (
          <Button variant="subtle" onClick={onClear}>
            {t('incidents.filter.clear')}
          </Button>
        )}
      </Group>
      {filters.region && (
        <Group gap="xs" mt="xs" aria-live="polite">
          <Badge
            size="lg"
            variant="light"
            tt="none"
            fw={500}
            data-testid="region-filter"
            rightSection={
              <CloseButton
                size="xs"
                aria-label={t('statsSources.removeRegion', { region: regionName(filters.region) })}
                onClick={() => onChange('region', '')}
              />
            }
          >
            {t('statsSources.regionPill', { region: regionName(filters.region) })}
            {filters.region === DEFAULT_STATS_REGION ? ` · ${t('statsSources.networkDefault')}` : ''}
          </Badge>
        </Group>
      )}
    </form>
  );
}
