import { type MatchExplanation as Explanation, PERSON_SEXES, type PersonSex } from '@enlace/shared';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../hooks/useFormat';
import { useVocab } from '../incidents/vocabulary';

// Dark enough for 4.5:1 on the table's white and striped rows (WCAG 1.4.3); the words say it too.
const AGREEMENT_COLOURS = {
  strong: '#1a5e38',
  partial: '#1f5f7a',
  weak: '#5c4a00',
  disagrees: '#a51d1d',
  missing: '#495057',
} as const;

/**
 * The engine's reasons, field by field: what was typed, what the record holds, how they agreed
 * (in words, not only in colour) and the weight of that agreement. The officer decides; Enlace
 * shows why it proposes.
 */
export function MatchExplanation({
  explanation,
  caption,
  givenLabel,
}: {
  explanation: Explanation;
  caption?: string;
  /** The heading of the first value column: what was typed, or what was shown at release. */
  givenLabel?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const vocab = useVocab();
  // The engine compares codes and ISO dates; the reader sees them in their language.
  const shown = (field: string, value: string): string => {
    if (!value) return '—';
    if (field === 'sex' && (PERSON_SEXES as readonly string[]).includes(value))
      return t(`registry.sexes.${value as PersonSex}`);
    if (field === 'nationality') return vocab.country(value);
    if (field === 'birth_date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return format.day(value);
    if (field === 'birth_date' && /^\d{4}-\d{2}$/.test(value)) return format.month(value);
    return value;
  };
  return (
    <>
      <Table.ScrollContainer minWidth={480}>
        <Table striped withTableBorder fz="sm" verticalSpacing={4}>
          <Table.Caption>{caption ?? t('registry.search.explanationCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('registry.fields.name')}</Table.Th>
              <Table.Th scope="col">{givenLabel ?? t('registry.search.typed')}</Table.Th>
              <Table.Th scope="col">{t('registry.search.recorded')}</Table.Th>
              <Table.Th scope="col">{t('registry.search.agreement')}</Table.Th>
              <Table.Th scope="col" ta="end">
                {t('registry.search.weight')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {explanation.fields.map((f) => (
              <Table.Tr key={f.field}>
                <Table.Th scope="row" fw={500}>
                  {t(`registry.explainFields.${f.field}`, { defaultValue: f.field })}
                </Table.Th>
                <Table.Td>{shown(f.field, f.given)}</Table.Td>
                <Table.Td>{shown(f.field, f.recorded)}</Table.Td>
                <Table.Td>
                  <Text span fw={600} size="sm" c={AGREEMENT_COLOURS[f.agreement]}>
                    {t(`registry.agreements.${f.agreement}`)}
                  </Text>
                </Table.Td>
                <Table.Td ta="end" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {f.weight > 0 ? '+' : ''}
                  {format.decimal(f.weight, 1)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">
        {t('registry.search.weightHint')}
      </Text>
    </>
  );
}
