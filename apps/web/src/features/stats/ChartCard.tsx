import { Anchor, Button, Card, Collapse, Group, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Count } from '../../components/Count';
import {
  type DataColumn,
  DataTable as ListTable,
  type ListConfig,
  useListState,
} from '../../components/DataTable';
import { useFormat } from '../../hooks/useFormat';
import { type ChartOption, EChart } from './EChart';

/**
 * One cell of a data table: a count (maybe unknown or suppressed), a ratio, durations in hours (a
 * median and a 90th percentile, sorted by the median; null: none timed yet), a sum of money, or text.
 */
export type Cell =
  | { kind: 'count'; value: number | null; suppressed?: boolean }
  | { kind: 'percent'; value: number | null }
  | { kind: 'durations'; value: number | null; p90: number | null }
  | { kind: 'money'; value: number; currency: string }
  | { kind: 'text'; value: string };

export const count = (value: number | null, suppressed = false): Cell => ({
  kind: 'count',
  value,
  suppressed,
});

export interface DataTable {
  columns: string[];
  /** `href`: the records the row counts (drilldown.ts), where the user may read them. */
  rows: { key: string; label: string; cells: Cell[]; href?: string | null }[];
  /** A last row (totals), set apart. */
  total?: { label: string; cells: Cell[] };
}

function CellView({ cell }: { cell: Cell }) {
  const format = useFormat();
  const { t } = useTranslation();
  switch (cell.kind) {
    case 'count':
      return <Count value={cell.value} suppressed={cell.suppressed} />;
    case 'percent':
      return <>{cell.value === null ? t('common.unknown') : format.percent(cell.value)}</>;
    case 'durations':
      return cell.value === null || cell.p90 === null ? (
        <Text span fs="italic" c="dimmed" inherit>
          {t('stats.exchange.noTime')}
        </Text>
      ) : (
        // Each duration stays on one line ("9 hr 15 min"); the line may break at the slash.
        <>
          <span className="nowrap">{format.duration(cell.value)}</span> /{' '}
          <span className="nowrap">{format.duration(cell.p90)}</span>
        </>
      );
    case 'money':
      return <>{format.money(cell.value, cell.currency)}</>;
    default:
      return <>{cell.value}</>;
  }
}

type StatsRow = DataTable['rows'][number];

// The chart's own order first; the columns' ids (`label`, `c0`…) sort once clicked (the list's
// state stays in memory, so the sorts need not be listed for the address).
const STATS_LIST: ListConfig = { sorts: ['chart'], defaultSort: 'chart', defaultDir: 'asc' };

/** What a cell sorts by: its number (unknown and suppressed last), or its text. */
function cellValue(cell: Cell | undefined): string | number | null {
  if (!cell) return null;
  if (cell.kind === 'text') return cell.value;
  if (cell.kind === 'count' && cell.suppressed) return null;
  return cell.value;
}

/**
 * A chart's data table: the one list component, in the chart's order of categories until the
 * reader sorts by a column; the total row stays last.
 */
export function StatsTable({ table, caption }: { table: DataTable; caption: string }) {
  const { t } = useTranslation();
  const [first = '', ...rest] = table.columns;
  const list = useListState(STATS_LIST, { inUrl: false });
  const columns: DataColumn<StatsRow>[] = [
    {
      id: 'label',
      header: first,
      sortable: true,
      required: true,
      rowHeader: true,
      nowrap: true,
      value: (r) => r.label,
      cell: (r) =>
        r.href ? (
          <Anchor component={Link} to={r.href} size="sm">
            {r.label}
          </Anchor>
        ) : (
          r.label
        ),
    },
    ...rest.map(
      (header, i): DataColumn<StatsRow> => ({
        id: `c${i}`,
        header,
        sortable: true,
        align: 'end',
        value: (r) => cellValue(r.cells[i]),
        cell: (r) => {
          const c = r.cells[i];
          return c ? <CellView cell={c} /> : null;
        },
      }),
    ),
  ];
  let footer: Record<string, ReactNode> | undefined;
  if (table.total) {
    footer = { label: table.total.label };
    for (const [i, c] of table.total.cells.entries()) footer[`c${i}`] = <CellView cell={c} />;
  }
  return (
    <ListTable
      id="stats-table"
      label={caption}
      columns={columns}
      rows={table.rows}
      rowKey={(r) => r.key}
      list={list}
      mode="client"
      columnChoice={false}
      emptyMessage={t('stats.noData')}
      footer={footer}
      compact
    />
  );
}

/**
 * A chart with its text alternative: a summary read by screen readers, and the data table that
 * anyone can open (suppressed cells appear there as such, never as numbers).
 */
export function ChartCard({
  title,
  summary,
  option,
  table,
  empty,
  note,
  height,
  children,
  links,
  linksNote,
}: {
  title: string;
  summary: string;
  option: ChartOption | null;
  table: DataTable;
  empty: boolean;
  note?: ReactNode;
  height?: number;
  children?: ReactNode;
  /** The records behind each category of the chart, by index (null: none the user may open). */
  links?: readonly (string | null)[];
  /** Said under the chart: how to open the records, or why they cannot be opened from it. */
  linksNote?: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const [showTable, setShowTable] = useState(false);
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={`${id}-title`}>
      <Stack gap="xs">
        {/* Wraps: a long title and the French "Masquer le tableau de données" do not fit a phone side by side. */}
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={2} size="h4" id={`${id}-title`}>
            {title}
          </Title>
          {!empty && (
            <Button
              variant="subtle"
              size="compact-sm"
              aria-expanded={showTable}
              aria-controls={`${id}-table`}
              onClick={() => setShowTable((s) => !s)}
              style={{ flexShrink: 0 }}
            >
              {showTable ? t('stats.hideTable') : t('stats.showTable')}
            </Button>
          )}
        </Group>
        {children}
        {empty || !option ? (
          <Text c="dimmed" py="lg" ta="center">
            {t('stats.noData')}
          </Text>
        ) : (
          <EChart
            option={option}
            label={`${title}. ${summary}`}
            height={height}
            onSelect={
              links?.some(Boolean)
                ? (index) => {
                    const href = links[index];
                    if (href) navigate(href);
                  }
                : undefined
            }
          />
        )}
        {linksNote && !empty && (
          <Text size="xs" c="dimmed">
            {linksNote}
          </Text>
        )}
        {note && (
          <Text size="xs" c="dimmed">
            {note}
          </Text>
        )}
        <Collapse in={showTable} id={`${id}-table`}>
          {showTable && <StatsTable table={table} caption={title} />}
        </Collapse>
      </Stack>
    </Card>
  );
}
