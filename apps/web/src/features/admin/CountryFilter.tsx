import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../hooks/useLabels';
import { useCountries } from './admin.queries';

/** Country filter for administrators whose reach is every country; others see only their own. */
export function CountryFilter({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { data: countries } = useCountries();
  const options = (countries ?? [])
    .map((c) => ({ value: c.code, label: localized(c.name) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return (
    <NativeSelect
      label={t('common.country')}
      data={[{ value: '', label: t('common.allCountries') }, ...options]}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      w={260}
    />
  );
}
