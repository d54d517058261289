import type { HandlingAction, HandlingCodes } from '@enlace/shared';
import { useLooseT } from '../../hooks/useLooseT';

/**
 * The codes in words, from the server's messages (`api:` namespace: packages/shared/locales), so
 * that the form, the badge and the CSV export's header say the same thing.
 */
export function useHandlingLabels() {
  const t = useLooseT();
  return {
    handling: (code: string) => t(`api:handling.codes.${code}`),
    reliability: (code: string) => t(`api:handling.reliability.${code}`),
    accuracy: (code: string) => t(`api:handling.accuracy.${code}`),
    action: (action: HandlingAction) => t(`api:handling.actions.${action}`),
    restriction: (text: string) => `${t('api:handling.header.restriction')}: ${text}`,
    /** Every code in words, one per line (for the badge's tooltip and screen readers). */
    full: (c: HandlingCodes) => [
      t(`api:handling.codes.${c.handling}`),
      ...(c.restriction ? [`${t('api:handling.header.restriction')}: ${c.restriction}`] : []),
      `${t('api:handling.header.reliability')}: ${t(`api:handling.reliability.${c.reliability}`)}`,
      `${t('api:handling.header.accuracy')}: ${t(`api:handling.accuracy.${c.accuracy}`)}`,
    ],
  };
}
