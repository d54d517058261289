import type { ExchangePriority } from '@enlace/shared';
import { Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../hooks/useFormat';
import { relativeTime } from './exchange';

/** Urgent stands out; normal is said in words, quietly. */
export function PriorityBadge({ priority }: { priority: ExchangePriority }) {
  const { t } = useTranslation();
  return priority === 'urgent' ? (
    <Badge color="red.8" variant="filled" radius="sm">
      {t('exchange.priority.urgent')}
    </Badge>
  ) : (
    <Text size="sm">{t('exchange.priority.normal')}</Text>
  );
}

/**
 * A reply deadline: the date, then how far it is; past due in red and in words. `inline` writes
 * it on one line, inside a sentence ("Reply by: 2 Mar 2026, 22:50 · in 7 hours").
 */
export function Deadline({
  replyBy,
  overdue,
  now,
  inline = false,
}: {
  replyBy: string | null;
  overdue: boolean;
  now: Date;
  inline?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  if (!replyBy)
    return (
      <Text size="sm" c="dimmed" span={inline}>
        {t('exchange.deadline.none')}
      </Text>
    );
  const relative = relativeTime(replyBy, now, i18n.language);
  if (inline)
    return (
      <Text span size="sm" c={overdue ? 'red.8' : 'dark'} fw={overdue ? 700 : 400}>
        {t('exchange.field.replyBy')}: <span className="tabular">{format.dateTime(replyBy)}</span> ·{' '}
        {overdue ? t('exchange.deadline.overdue', { when: relative }) : relative}
      </Text>
    );
  return (
    <Stack gap={0}>
      <Text size="sm" className="tabular" c={overdue ? 'red.8' : undefined} fw={overdue ? 700 : 400}>
        {format.dateTime(replyBy)}
      </Text>
      <Text size="xs" c={overdue ? 'red.8' : 'dimmed'} fw={overdue ? 700 : 400}>
        {overdue ? t('exchange.deadline.overdue', { when: relative }) : relative}
      </Text>
    </Stack>
  );
}
