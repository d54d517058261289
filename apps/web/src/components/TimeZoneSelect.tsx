import { Select, type SelectProps } from '@mantine/core';
import { alpha3ToAlpha2 } from 'i18n-iso-countries';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { allTimeZones, byOffset, countryTimeZones, zoneLabel } from './time-zones';

/**
 * THE time-zone field: a searchable list of IANA zones, the country's own first (the record's, or
 * the user's), then every other zone the browser knows; each labelled with its current offset,
 * its city and its name in the interface language. `value` '' or null: none chosen.
 */
export function TimeZoneSelect({
  country,
  value,
  onChange,
  ...rest
}: {
  /** ISO alpha-3 of the country whose zones come first. */
  country: string | null | undefined;
  value: string | null;
  onChange: (zone: string | null) => void;
} & Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchable'>) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const data = useMemo(() => {
    const now = new Date();
    const all = allTimeZones();
    const own = byOffset(countryTimeZones(country, all), now);
    const ownSet = new Set(own);
    // A zone saved earlier that this browser does not list stays selectable as it is.
    const others = byOffset(
      [...all, ...(value && !all.includes(value) ? [value] : [])].filter((z) => !ownSet.has(z)),
      now,
    );
    const item = (z: string) => ({ value: z, label: zoneLabel(z, lng, now) });
    const alpha2 = country ? alpha3ToAlpha2(country) : undefined;
    let countryName = country ?? '';
    try {
      if (alpha2) countryName = new Intl.DisplayNames([lng], { type: 'region' }).of(alpha2) ?? countryName;
    } catch {
      // An unknown region code keeps its code.
    }
    return [
      ...(own.length
        ? [{ group: t('timeZone.ofCountry', { country: countryName }), items: own.map(item) }]
        : []),
      { group: own.length ? t('timeZone.others') : t('timeZone.all'), items: others.map(item) },
    ];
  }, [country, lng, t, value]);
  return (
    <Select
      {...rest}
      data={data}
      value={value || null}
      onChange={(z) => onChange(z)}
      searchable
      nothingFoundMessage={t('timeZone.noneFound')}
      maxDropdownHeight={320}
      styles={{ option: { overflowWrap: 'anywhere' } }}
      clearButtonProps={{ 'aria-label': t('timeZone.clear'), ...rest.clearButtonProps }}
      comboboxProps={{ width: 'target', ...rest.comboboxProps }}
    />
  );
}
