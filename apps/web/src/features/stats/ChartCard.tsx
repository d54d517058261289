import { Anchor, Button, Card, Collapse, Group, Stack, Table, Text, Title } from '@mantine/core';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Count } from '../../components/Count';
import { useFormat } from '../../hooks/useFormat';
import { type ChartOption, EChart } from './EChart';

/** One cell of a data table: a count (maybe unknown or suppressed), a ratio, a sum of money, or text. */
export type Cell =
  | { kind: 'count'; value: number | null; suppressed?: boolean }
  | { kind: 'percent'; value: number | null }
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
    case 'money':
      return <>{format.money(cell.value, cell.currency)}</>;
    default:
      return <>{cell.value}</>;
  }
}

export function StatsTable({ table, caption }: { table: DataTable; caption: string }) {
  const [first, ...rest] = table.columns;
  return (
    <Table striped verticalSpacing={4} fz="sm">
      <caption className="visually-hidden">{caption}</caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{first}</Table.Th>
          {rest.map((c) => (
            <Table.Th key={c} scope="col" ta="end">
              {c}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {table.rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Th scope="row" fw={500}>
              {r.href ? (
                <Anchor component={Link} to={r.href} size="sm">
                  {r.label}
                </Anchor>
              ) : (
                r.label
              )}
            </Table.Th>
            {r.cells.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional, one per column
              <Table.Td key={i} ta="end">
                <CellView cell={c} />
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
      {table.total && (
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{table.total.label}</Table.Th>
            {table.total.cells.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional, one per column
              <Table.Td key={i} ta="end" fw={700}>
                <CellView cell={c} />
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tfoot>
      )}
    </Table>
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
        <Group justify="space-between" align="flex-start" wrap="nowrap">
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
