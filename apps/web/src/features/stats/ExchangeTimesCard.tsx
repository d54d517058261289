import {
  EXCHANGE_PRIORITIES,
  type ExchangePriority,
  type ExchangeResponseRow,
  type ExchangeStats,
} from '@enlace/shared';
import { SegmentedControl } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../hooks/useFormat';
import { useCountryName } from '../../hooks/useLabels';
import { type Cell, ChartCard, count } from './ChartCard';
import { categoryChart } from './EChart';

const durations = (d: ExchangeResponseRow['toReply']): Cell => ({
  kind: 'durations',
  value: d.medianHours,
  p90: d.p90Hours,
});

/** A row of the table: counts, each duration's median and 90th percentile, the share on time. */
function cells(r: ExchangeResponseRow): Cell[] {
  return [
    count(r.received),
    count(r.acknowledged),
    count(r.replied),
    durations(r.toAcknowledge),
    durations(r.toReply),
    { kind: 'percent', value: r.onTimeShare },
  ];
}

/**
 * How fast each country acknowledged and answered the exchanges of the reader's country, for one
 * priority at a time (urgent and normal deadlines differ by days): medians in the chart, the
 * counts, 90th percentiles and replies by the deadline in its table.
 */
export function ExchangeTimesCard({ stats }: { stats: ExchangeStats }) {
  const { t } = useTranslation();
  const format = useFormat();
  const countryName = useCountryName();
  const [priority, setPriority] = useState<ExchangePriority>('urgent');
  const rows = stats.rows.filter((r) => r.priority === priority);
  const total = stats.totals.find((r) => r.priority === priority);
  const names = rows.map((r) => countryName(r.country ?? ''));
  const option = categoryChart(
    names,
    [
      { name: t('stats.exchange.ackMedian'), data: rows.map((r) => r.toAcknowledge.medianHours) },
      { name: t('stats.exchange.replyMedian'), data: rows.map((r) => r.toReply.medianHours) },
    ],
    { valueFormatter: (hours) => format.duration(hours) },
  );
  const median = total?.toReply.medianHours;
  return (
    <ChartCard
      title={t('stats.exchange.title')}
      summary={t('stats.exchange.summary', {
        count: total?.received ?? 0,
        median:
          median === null || median === undefined ? t('stats.exchange.noTime') : format.duration(median),
        onTime:
          total?.onTimeShare === null || !total ? t('common.unknown') : format.percent(total.onTimeShare),
      })}
      option={option}
      table={{
        columns: [
          t('stats.exchange.country'),
          t('stats.exchange.received'),
          t('stats.exchange.acknowledged'),
          t('stats.exchange.replied'),
          t('stats.exchange.toAcknowledge'),
          t('stats.exchange.toReply'),
          t('stats.exchange.onTime'),
        ],
        rows: rows.map((r, i) => ({ key: r.country ?? '', label: names[i] ?? '', cells: cells(r) })),
        ...(total ? { total: { label: t('stats.exchange.allCountries'), cells: cells(total) } } : {}),
      }}
      empty={!total?.received}
      note={t('stats.exchange.note')}
    >
      <SegmentedControl
        aria-label={t('stats.exchange.priority')}
        value={priority}
        onChange={(value) => setPriority(value as ExchangePriority)}
        data={EXCHANGE_PRIORITIES.map((p) => ({ value: p, label: t(`exchange.priority.${p}`) }))}
        style={{ alignSelf: 'flex-start' }}
      />
    </ChartCard>
  );
}
