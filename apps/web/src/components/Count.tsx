import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../hooks/useFormat';

/**
 * A count of persons that may be unknown: an unknown count says so and is never shown as 0.
 * `suppressed`: withheld by small-cell suppression, never shown as a number either.
 */
export function Count({
  value,
  suppressed = false,
}: {
  value: number | null | undefined;
  suppressed?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (suppressed) return <Suppressed />;
  if (value === null || value === undefined) {
    return (
      <Text span fs="italic" c="dimmed" inherit>
        {t('common.unknown')}
      </Text>
    );
  }
  return <>{format.number(value)}</>;
}

/** A small cell withheld: shown as "< 5" with its explanation, never as a number. */
export function Suppressed() {
  const { t } = useTranslation();
  return (
    <Text span fs="italic" c="dimmed" inherit title={t('stats.suppressedHint')} className="suppressed-cell">
      {t('stats.suppressedShort')}
      <span className="visually-hidden"> ({t('stats.suppressedHint')})</span>
    </Text>
  );
}
