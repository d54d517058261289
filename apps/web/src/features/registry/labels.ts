import type { BirthDatePrecision, Centre, CentreUnit } from '@enlace/shared';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../hooks/useFormat';

/** A birth date as much as it is known: "7 Mar 1994", "Mar 1994", "1994", "about 1994". */
export function useBirthDate() {
  const { t } = useTranslation();
  const format = useFormat();
  return useCallback(
    (birthDate: string | null, precision: BirthDatePrecision): string => {
      if (!birthDate) return t('registry.person.unknown');
      if (precision === 'exact') return format.day(birthDate);
      if (precision === 'year_month') return format.month(birthDate);
      if (precision === 'estimated_age') return t('registry.person.aboutYear', { year: birthDate });
      return birthDate;
    },
    [t, format],
  );
}

export function totalPlaces(centre: Pick<Centre, 'capacity'>): number {
  return Object.values(centre.capacity).reduce((a, b) => a + b, 0);
}

/** The units of a centre that have places: where a person may be admitted. */
export function unitsWithPlaces(centre: Pick<Centre, 'capacity'>): CentreUnit[] {
  return (Object.keys(centre.capacity) as CentreUnit[]).filter((u) => centre.capacity[u] > 0);
}
