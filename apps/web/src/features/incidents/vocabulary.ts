import { FIXED_LABELS, type Vocabularies, type Vocabulary, type VocabularyTerm } from '@enlace/shared';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { api } from '../../api';
import { useCountryName, useLocalized } from '../../hooks/useLabels';

type FixedList = keyof typeof FIXED_LABELS;

export function useVocabularies() {
  return useQuery({
    queryKey: ['vocabularies'],
    queryFn: () => api<Vocabularies>('/api/vocabularies'),
    staleTime: 10 * 60_000,
  });
}

export interface Option {
  value: string;
  label: string;
}

/**
 * Labels of the incident and case vocabularies in the UI language: the database-held ones
 * (kinds, modus operandi, routes, offences…) come from the server, the fixed lists from
 * `@enlace/shared`, and every ISO country for nationalities, flags and places.
 */
export function useVocab() {
  const { data } = useVocabularies();
  const localized = useLocalized();
  const tenantName = useCountryName();

  const countryNames = useMemo(() => new Map((data?.countries ?? []).map((c) => [c.code, c.name])), [data]);

  const term = useCallback(
    (vocabulary: Vocabulary, code: string | null | undefined): string => {
      if (!code) return '';
      const found = data?.terms[vocabulary]?.find((t) => t.code === code);
      return found ? localized(found.label) : code;
    },
    [data, localized],
  );

  const termOf = useCallback(
    (vocabulary: Vocabulary, code: string): VocabularyTerm | undefined =>
      data?.terms[vocabulary]?.find((t) => t.code === code),
    [data],
  );

  const options = useCallback(
    (vocabulary: Vocabulary, keep: readonly string[] = []): Option[] =>
      (data?.terms[vocabulary] ?? [])
        .filter((t) => t.active || keep.includes(t.code))
        .map((t) => ({ value: t.code, label: localized(t.label) })),
    [data, localized],
  );

  const fixed = useCallback(
    <L extends FixedList>(list: L, code: string | null | undefined): string => {
      if (!code) return '';
      const labels = FIXED_LABELS[list] as Record<string, { es: string; en: string; fr: string }>;
      const label = labels[code];
      return label ? localized(label) : code;
    },
    [localized],
  );

  const fixedOptions = useCallback(
    <L extends FixedList>(list: L): Option[] =>
      Object.entries(FIXED_LABELS[list] as Record<string, { es: string; en: string; fr: string }>).map(
        ([value, label]) => ({ value, label: localized(label) }),
      ),
    [localized],
  );

  const country = useCallback(
    (code: string | null | undefined): string => {
      if (!code) return '';
      const name = countryNames.get(code);
      return name ? localized(name) : tenantName(code);
    },
    [countryNames, localized, tenantName],
  );

  const countryOptions = useMemo(
    () =>
      (data?.countries ?? [])
        .map((c) => ({ value: c.code, label: localized(c.name) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [data, localized],
  );

  return useMemo(
    () => ({ ready: Boolean(data), term, termOf, options, fixed, fixedOptions, country, countryOptions }),
    [data, term, termOf, options, fixed, fixedOptions, country, countryOptions],
  );
}
