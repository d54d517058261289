import type { HandlingItem } from '@enlace/shared';
import { Anchor, Badge, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../hooks/useFormat';
import { useCountryName } from '../../hooks/useLabels';
import { handlingColor } from './handling-codes';
import { useHandlingLabels } from './handling-labels';

/**
 * What a permission request is about, as the item's capability describes it to this reader: its
 * title as a link to it, its handling code, where and when it comes from, and an excerpt. A
 * request whose item the reader may not read (or of a kind without a describer) says only that.
 */
export function HandlingItemSummary({ item, onOpen }: { item: HandlingItem | null; onOpen?: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const countryName = useCountryName();
  const labels = useHandlingLabels();
  if (!item)
    return (
      <Text size="sm" c="dimmed">
        {t('exchange.requests.noItem')}
      </Text>
    );
  const origin = [
    item.countryCode ? countryName(item.countryCode) : null,
    item.createdAt ? format.dateTime(item.createdAt) : null,
  ].filter(Boolean);
  return (
    <Stack gap={2} className="handling-item">
      <Group gap={6} wrap="wrap" align="baseline">
        <Badge
          variant="outline"
          color={handlingColor(item.handling)}
          radius="sm"
          size="sm"
          title={labels.handling(item.handling)}
        >
          <span aria-hidden="true">{item.handling}</span>
          <VisuallyHidden>{labels.handling(item.handling)}</VisuallyHidden>
        </Badge>
        <Anchor
          component={Link}
          to={item.link}
          size="sm"
          fw={500}
          onClick={onOpen}
          className="handling-item-link"
        >
          {item.reference ? <span className="mono">{item.reference}</span> : null}
          {item.reference ? ' — ' : null}
          {item.label}
        </Anchor>
      </Group>
      {origin.length > 0 && (
        <Text size="xs" c="dimmed">
          {origin.join(' · ')}
        </Text>
      )}
      <Text size="sm" component="blockquote" className="handling-item-excerpt">
        {item.excerpt}
      </Text>
    </Stack>
  );
}
