import type { MatchExplanation as Explanation } from '@enlace/shared';
import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../hooks/useFormat';

const AGREEMENT_COLOURS = {
  strong: 'green',
  partial: 'teal',
  weak: 'yellow',
  disagrees: 'red',
  missing: 'gray',
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
                <Table.Td>{f.given || '—'}</Table.Td>
                <Table.Td>{f.recorded || '—'}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={AGREEMENT_COLOURS[f.agreement]} tt="none">
                    {t(`registry.agreements.${f.agreement}`)}
                  </Badge>
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
