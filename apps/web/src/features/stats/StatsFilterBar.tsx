import { TRANSPORT_MODES } from '@enlace/shared';
import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUrlFilters } from '../../hooks/useUrlFilters';
import { useVocab } from '../incidents/vocabulary';
import { STATS_FILTER_KEYS, type StatsFilters } from './stats.queries';

/** The dashboard's and the map's filters, kept in the address so that a view can be shared. */
export function useStatsFilters() {
  return useUrlFilters(STATS_FILTER_KEYS);
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
          label={t('stats.filter.nationality')}
          value={filters.nationality ?? ''}
          onChange={(e) => onChange('nationality', e.currentTarget.value)}
          data={[{ value: '', label: t('stats.filter.allNationalities') }, ...vocab.countryOptions]}
          w={220}
        />
        {Object.keys(filters).length > 0 && (
          <Button variant="subtle" onClick={onClear}>
            {t('incidents.filter.clear')}
          </Button>
        )}
      </Group>
    </form>
  );
}
