import { useTranslation } from 'react-i18next';

/**
 * `t` for keys computed at run time (a field path named by the server, a column of a table): the
 * typed `t` accepts only literal keys. Unit tests check that the computed keys exist.
 */
export function useLooseT() {
  const { t } = useTranslation();
  return t as unknown as (key: string, options?: Record<string, unknown>) => string;
}
