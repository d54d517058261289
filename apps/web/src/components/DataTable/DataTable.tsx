/**
 * The one list component of Enlace: TanStack Table (headless: sorting, paging, column visibility)
 * drawn with Mantine. Every list uses it, so that sorting, paging with a page-size choice, the
 * total, the column choice (remembered per list), the card layout below 600 px and the loading,
 * empty and error states look and behave the same everywhere.
 *
 * Usage (a list paged on the server; see IncidentsPage for filters and chips):
 *
 *   const LIST = { sorts: CASE_SORTS, defaultSort: 'updatedAt', defaultDir: 'desc' } as const;
 *   const list = useListState(LIST);                  // sort/dir/limit/offset/q in the address
 *   const page = useCasePage(list.state);             // react-query, answers { total, items }
 *   const columns: DataColumn<CaseSummary>[] = [
 *     { id: 'reference', header: t('cases.field.reference'), cell: (c) => <Link …/>, sortable: true, primary: true },
 *     { id: 'title', header: t('cases.field.title'), cell: (c) => c.title, sortable: true },
 *   ];
 *   <DataTable id="cases" label={t('cases.title')} columns={columns} rowKey={(c) => c.id}
 *     list={list} mode="server" rows={page.data?.items} total={page.data?.total}
 *     loading={page.isPending} error={page.error} emptyMessage={t('cases.empty')}
 *     search={{ label: t('cases.search') }} toolbar={<StageSelect …/>} />
 *
 * `mode="client"`: the rows are the whole list (a few hundred at most) and the table sorts, pages
 * and (with `search` and `searchText`) filters them in the browser; give each sortable column a
 * `value`. Use `useListState(config, { inUrl: false })` where several tables share one page.
 */
import { PAGE_SIZES } from '@enlace/shared';
import {
  Box,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Pagination,
  Paper,
  Popover,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedCallback, useLocalStorage, useMediaQuery } from '@mantine/hooks';
import {
  type ColumnDef,
  type ColumnVisibilityState,
  type RowData,
  columnVisibilityFeature,
  createPaginatedRowModel,
  createSortedRowModel,
  rowPaginationFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { type ReactNode, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../hooks/useFormat';
import { ErrorAlert } from '../ErrorAlert';
import type { ListControls } from './useListState';
import './DataTable.css';

export interface DataColumn<T> {
  /** Also the `sort` value sent to the server for a sortable column of a server list. */
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
  sortable?: boolean;
  /** The value a client list sorts by. */
  value?: (row: T) => string | number | null | undefined;
  align?: 'start' | 'end';
  /** Dates, references, counts: never broken over two lines. */
  nowrap?: boolean;
  /** Left out until the user picks it in the column choice. */
  defaultHidden?: boolean;
  /** Always shown: the column that names the row. */
  required?: boolean;
  /** The heading of the row's card below 600 px (else the first visible column). */
  primary?: boolean;
  /** Shown in the table header only to screen readers (e.g. an actions column). */
  headerHidden?: boolean;
  /** Its cells head their rows (`<th scope="row">`): the column that says what a row is. */
  rowHeader?: boolean;
}

/** What the table needs of a list's state (any filters are the page's business). */
export type TableControls<S extends string> = Pick<
  ListControls<S, never>,
  'state' | 'setSort' | 'setOffset' | 'setLimit' | 'setSearch'
>;

export interface DataTableProps<T, S extends string = string> {
  /** Names the list, for its remembered column choice. */
  id: string;
  /** The accessible name of the table (its caption) and of the cards. */
  label: string;
  /** Show the caption on screen rather than only to screen readers. */
  showCaption?: boolean;
  columns: DataColumn<T>[];
  rows: T[] | undefined;
  rowKey: (row: T) => string;
  list: TableControls<S>;
  mode: 'server' | 'client';
  /** Server lists: how many rows match over all pages. */
  total?: number;
  /** Server lists: more than `total` match (the server stopped counting): "more than 1,000". */
  totalCapped?: boolean;
  loading?: boolean;
  /** A new page is being fetched while the previous one is shown. */
  fetching?: boolean;
  error?: unknown;
  emptyMessage: string;
  /** A search box bound to `q` (server) or to `searchText` (client). */
  search?: { label: string; searchText?: (row: T) => string };
  /** Filter controls shown beside the search box. */
  toolbar?: ReactNode;
  /** Shown between the toolbar and the table (e.g. active filter chips). */
  beforeTable?: ReactNode;
  /** No paging footer (a short list shown whole). */
  paging?: boolean;
  /** No column choice (a list of two or three columns). */
  columnChoice?: boolean;
  /**
   * A last row set apart (totals), by column id: never sorted or paged away. The row-header (or
   * first) column holds its label.
   */
  footer?: Partial<Record<string, ReactNode>>;
  /** Tighter rows in smaller type: a data table under a chart, many short numbers. */
  compact?: boolean;
}

const features = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnVisibilityFeature,
  sortedRowModel: createSortedRowModel(),
  paginatedRowModel: createPaginatedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, text: sortFn_text, basic: sortFn_basic },
});

const CARD_QUERY = '(max-width: 599.98px)';
const SKELETON_ROWS = 5;

/** Lower case without accents, so that "peru" finds "Perú". */
export function foldText(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function DataTable<T extends RowData, S extends string = string>(props: DataTableProps<T, S>) {
  const { t } = useTranslation();
  const format = useFormat();
  const {
    id,
    label,
    columns,
    rows,
    rowKey,
    list,
    mode,
    loading = false,
    fetching = false,
    error,
    emptyMessage,
    search,
    paging = true,
    columnChoice = true,
    footer,
    compact = false,
  } = props;
  const { state } = list;
  const cards = useMediaQuery(CARD_QUERY, false, { getInitialValueInEffect: false });

  const [storedVisibility, setStoredVisibility] = useLocalStorage<ColumnVisibilityState>({
    key: `enlace.columns.${id}`,
    defaultValue: {},
    getInitialValueInEffect: false,
  });
  const columnVisibility = useMemo(() => {
    const v: ColumnVisibilityState = {};
    for (const c of columns) {
      if (c.required) v[c.id] = true;
      else v[c.id] = storedVisibility[c.id] ?? !c.defaultHidden;
    }
    return v;
  }, [columns, storedVisibility]);

  const filteredRows = useMemo(() => {
    if (!rows) return undefined;
    if (mode !== 'client' || !search?.searchText || !state.q.trim()) return rows;
    const needle = foldText(state.q.trim());
    return rows.filter((r) => foldText(search.searchText?.(r) ?? '').includes(needle));
  }, [rows, mode, search, state.q]);

  const columnDefs = useMemo<ColumnDef<typeof features, T>[]>(
    () =>
      columns.map((c) => ({
        id: c.id,
        header: c.header,
        accessorFn: (row: T) => c.value?.(row) ?? null,
        cell: (ctx) => c.cell(ctx.row.original),
        enableSorting: Boolean(c.sortable),
        enableHiding: !c.required,
        sortFn: 'alphanumeric',
        sortUndefined: 'last',
      })),
    [columns],
  );

  const data = filteredRows ?? EMPTY;
  const total = mode === 'server' ? (props.total ?? 0) : data.length;
  const sortable = columns.some((c) => c.sortable && c.id === state.sort);
  const table = useTable<typeof features, T>({
    features,
    columns: columnDefs,
    data,
    getRowId: (row: T) => rowKey(row),
    state: {
      sorting: sortable ? [{ id: state.sort, desc: state.dir === 'desc' }] : [],
      pagination: paging
        ? { pageIndex: Math.floor(state.offset / state.limit), pageSize: state.limit }
        : { pageIndex: 0, pageSize: Math.max(data.length, 1) },
      columnVisibility,
    },
    manualSorting: mode === 'server',
    manualPagination: mode === 'server' || !paging,
    rowCount: total,
    autoResetPageIndex: false,
  });

  // A page beyond the end (rows removed, a narrower search) goes back to the last page.
  const pageCount = Math.max(1, Math.ceil(total / state.limit));
  const pageIndex = Math.floor(state.offset / state.limit);
  const { setOffset } = list;
  useEffect(() => {
    if (!paging || loading || rows === undefined) return;
    if (pageIndex > 0 && pageIndex >= pageCount) setOffset((pageCount - 1) * state.limit);
  }, [paging, loading, rows, pageIndex, pageCount, state.limit, setOffset]);

  const visibleColumns = columns.filter((c) => columnVisibility[c.id] !== false);
  const pageRows = table.getRowModel().rows;
  const handleSort = (c: DataColumn<T>) => {
    // Column ids of sortable columns are the list's sorts.
    const sort = c.id as S;
    if (state.sort === sort) list.setSort(sort, state.dir === 'asc' ? 'desc' : 'asc');
    else list.setSort(sort, 'asc');
  };

  const showSkeleton = rows === undefined && loading;
  const from = total === 0 ? 0 : state.offset + 1;
  const to = Math.min(state.offset + pageRows.length, total);

  return (
    <Stack gap="sm">
      {(search || props.toolbar || columnChoice) && (
        <Group align="flex-end" gap="md" wrap="wrap">
          {search && <SearchBox label={search.label} value={state.q} onChange={list.setSearch} />}
          {props.toolbar}
          {columnChoice && columns.some((c) => !c.required) && (
            <ColumnChoice
              columns={columns}
              visibility={columnVisibility}
              onChange={(colId, shown) => setStoredVisibility((prev) => ({ ...prev, [colId]: shown }))}
              onReset={() => setStoredVisibility({})}
            />
          )}
          {cards && columns.some((c) => c.sortable) && (
            <CardSort
              columns={columns}
              sort={state.sort}
              dir={state.dir}
              onChange={(sort, dir) => list.setSort(sort as S, dir)}
            />
          )}
        </Group>
      )}
      {props.beforeTable}
      <ErrorAlert error={error} />
      {!(error && rows === undefined) &&
        (cards ? (
          <Box
            component="ul"
            aria-label={label}
            aria-busy={showSkeleton || fetching}
            className="data-cards"
            style={{ opacity: fetching ? 0.6 : 1 }}
          >
            {showSkeleton &&
              Array.from({ length: 3 }, (_, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
                <Paper component="li" key={i} withBorder p="sm" aria-hidden="true">
                  <Skeleton h={16} w="60%" mb="sm" />
                  <Skeleton h={12} mb={6} />
                  <Skeleton h={12} w="80%" />
                </Paper>
              ))}
            {!showSkeleton && pageRows.length === 0 && (
              <Paper component="li" withBorder p="md">
                <Text c="dimmed" ta="center">
                  {emptyMessage}
                </Text>
              </Paper>
            )}
            {pageRows.map((row) => {
              const primary = visibleColumns.find((c) => c.primary) ?? visibleColumns[0];
              return (
                <Paper component="li" key={row.id} withBorder p="sm" className="data-card">
                  {primary && (
                    <Text component="div" fw={600} mb={6}>
                      {primary.cell(row.original)}
                    </Text>
                  )}
                  <dl>
                    {visibleColumns
                      .filter((c) => c !== primary)
                      .map((c) => (
                        <div key={c.id}>
                          <dt>{c.header}</dt>
                          <dd>{c.cell(row.original)}</dd>
                        </div>
                      ))}
                  </dl>
                </Paper>
              );
            })}
            {footer && !showSkeleton && pageRows.length > 0 && (
              <FooterCard columns={visibleColumns} footer={footer} />
            )}
          </Box>
        ) : (
          <Box className="data-table-scroll">
            <Table
              striped
              highlightOnHover
              verticalSpacing={compact ? 4 : 'sm'}
              fz={compact ? 'sm' : undefined}
              bg="white"
              aria-busy={showSkeleton || fetching}
              style={{ opacity: fetching ? 0.6 : 1 }}
            >
              <caption className={props.showCaption ? 'data-table-caption' : 'visually-hidden'}>
                {label}
              </caption>
              <Table.Thead>
                <Table.Tr>
                  {visibleColumns.map((c) => {
                    const sorted = c.sortable && state.sort === c.id ? state.dir : null;
                    return (
                      <Table.Th
                        key={c.id}
                        scope="col"
                        ta={c.align === 'end' ? 'end' : undefined}
                        aria-sort={sorted ? (sorted === 'asc' ? 'ascending' : 'descending') : undefined}
                        style={c.nowrap ? { whiteSpace: 'nowrap' } : undefined}
                      >
                        {c.sortable ? (
                          <UnstyledButton className="data-table-sort" onClick={() => handleSort(c)}>
                            {c.header}
                            <SortIcon dir={sorted} />
                          </UnstyledButton>
                        ) : c.headerHidden ? (
                          <span className="visually-hidden">{c.header}</span>
                        ) : (
                          c.header
                        )}
                      </Table.Th>
                    );
                  })}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {showSkeleton &&
                  Array.from({ length: SKELETON_ROWS }, (_, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
                    <Table.Tr key={i} aria-hidden="true">
                      {visibleColumns.map((c) => (
                        <Table.Td key={c.id}>
                          <Skeleton h={14} />
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                {!showSkeleton && pageRows.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={visibleColumns.length}>
                      <Text c="dimmed" ta="center" py="md">
                        {emptyMessage}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {pageRows.map((row) => (
                  <Table.Tr key={row.id}>
                    {visibleColumns.map((c) => {
                      const Cell = c.rowHeader ? Table.Th : Table.Td;
                      return (
                        <Cell
                          key={c.id}
                          scope={c.rowHeader ? 'row' : undefined}
                          fw={c.rowHeader ? 500 : undefined}
                          ta={c.align === 'end' ? 'end' : undefined}
                          style={c.nowrap ? { whiteSpace: 'nowrap' } : undefined}
                        >
                          {c.cell(row.original)}
                        </Cell>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
              {footer && !showSkeleton && pageRows.length > 0 && (
                <Table.Tfoot className="data-table-footer">
                  <Table.Tr>
                    {visibleColumns.map((c) => {
                      const head = c === footerHead(visibleColumns);
                      const Cell = head ? Table.Th : Table.Td;
                      return (
                        <Cell
                          key={c.id}
                          scope={head ? 'row' : undefined}
                          ta={c.align === 'end' ? 'end' : undefined}
                          style={c.nowrap ? { whiteSpace: 'nowrap' } : undefined}
                        >
                          {footer[c.id]}
                        </Cell>
                      );
                    })}
                  </Table.Tr>
                </Table.Tfoot>
              )}
            </Table>
          </Box>
        ))}
      {paging && rows !== undefined && (
        <Group justify="space-between" gap="sm" wrap="wrap">
          {/* An empty list says so in its empty row: the count is then for screen readers only. */}
          <Text size="sm" aria-live="polite" className={total === 0 ? 'visually-hidden' : undefined}>
            {total === 0
              ? t('list.none')
              : t(props.totalCapped ? 'list.rangeCapped' : 'list.range', {
                  count: total,
                  from: format.number(from),
                  to: format.number(to),
                  total: format.number(total),
                })}
          </Text>
          <Group gap="md" wrap="wrap">
            {total > PAGE_SIZES[0] && (
              <NativeSelect
                label={t('list.pageSize')}
                size="xs"
                value={String(state.limit)}
                onChange={(e) => list.setLimit(Number(e.currentTarget.value))}
                data={PAGE_SIZES.map((n) => String(n))}
                styles={{ root: { display: 'flex', alignItems: 'center', gap: 8 } }}
              />
            )}
            {pageCount > 1 && (
              <Pagination
                total={pageCount}
                value={pageIndex + 1}
                onChange={(p) => list.setOffset((p - 1) * state.limit)}
                size="sm"
                siblings={cards ? 0 : 1}
                boundaries={1}
                getControlProps={(control) => ({ 'aria-label': t(`list.pages.${control}`) })}
                getItemProps={(n) => ({
                  'aria-label': t('list.pages.page', { page: n }),
                  'aria-current': n === pageIndex + 1 ? 'page' : undefined,
                })}
                aria-label={t('list.pages.label', { list: label })}
              />
            )}
          </Group>
        </Group>
      )}
    </Stack>
  );
}

const EMPTY: never[] = [];

/** The column that labels the footer row: the row-header column, else the first shown. */
function footerHead<T>(columns: DataColumn<T>[]): DataColumn<T> | undefined {
  return columns.find((c) => c.rowHeader) ?? columns[0];
}

function FooterCard<T>({
  columns,
  footer,
}: {
  columns: DataColumn<T>[];
  footer: Partial<Record<string, ReactNode>>;
}) {
  const head = footerHead(columns);
  const rest = columns.filter((c) => c !== head && footer[c.id] !== undefined && footer[c.id] !== null);
  return (
    <Paper component="li" withBorder p="sm" className="data-card data-card-footer">
      {head && (
        <Text component="div" fw={700} mb={6}>
          {footer[head.id]}
        </Text>
      )}
      <dl>
        {rest.map((c) => (
          <div key={c.id}>
            <dt>{c.header}</dt>
            <dd>{footer[c.id]}</dd>
          </div>
        ))}
      </dl>
    </Paper>
  );
}

function SearchBox({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (q: string) => void;
}) {
  const [text, setText] = useState(value);
  const send = useDebouncedCallback((q: string) => onChange(q.trim()), 300);
  // A link or the back button changes the search from outside: the box follows.
  useEffect(() => {
    setText((prev) => (prev.trim() === value ? prev : value));
  }, [value]);
  return (
    <TextInput
      type="search"
      label={label}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        send(e.currentTarget.value);
      }}
      w={{ base: '100%', xs: 280 }}
    />
  );
}

function ColumnChoice<T>({
  columns,
  visibility,
  onChange,
  onReset,
}: {
  columns: DataColumn<T>[];
  visibility: ColumnVisibilityState;
  onChange: (id: string, shown: boolean) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Popover position="bottom-end" shadow="md" withinPortal trapFocus returnFocus>
      <Popover.Target>
        <Button variant="default">{t('list.columns')}</Button>
      </Popover.Target>
      <Popover.Dropdown>
        <fieldset aria-labelledby={headingId} className="data-table-columns">
          <Text id={headingId} fw={600} size="sm" mb="xs">
            {t('list.columnsTitle')}
          </Text>
          <Stack gap={6}>
            {columns.map((c) => (
              <Checkbox
                key={c.id}
                label={c.header}
                checked={visibility[c.id] !== false}
                disabled={c.required}
                onChange={(e) => onChange(c.id, e.currentTarget.checked)}
              />
            ))}
          </Stack>
          <Button variant="subtle" size="xs" mt="sm" onClick={onReset}>
            {t('list.columnsReset')}
          </Button>
        </fieldset>
      </Popover.Dropdown>
    </Popover>
  );
}

function CardSort<T>({
  columns,
  sort,
  dir,
  onChange,
}: {
  columns: DataColumn<T>[];
  sort: string;
  dir: 'asc' | 'desc';
  onChange: (sort: string, dir: 'asc' | 'desc') => void;
}) {
  const { t } = useTranslation();
  const sortable = columns.filter((c) => c.sortable);
  const options = sortable.flatMap((c) => [
    { value: `${c.id}:asc`, label: t('list.sortAsc', { column: c.header }) },
    { value: `${c.id}:desc`, label: t('list.sortDesc', { column: c.header }) },
  ]);
  // A list whose default order is no column's (a report's order of fields, a chart's categories).
  if (!sortable.some((c) => c.id === sort))
    options.unshift({ value: `${sort}:${dir}`, label: t('list.sortDefault') });
  return (
    <NativeSelect
      label={t('list.sortBy')}
      value={`${sort}:${dir}`}
      onChange={(e) => {
        const [s, d] = e.currentTarget.value.split(':');
        if (s && (d === 'asc' || d === 'desc')) onChange(s, d);
      }}
      data={options}
      w="100%"
    />
  );
}

function SortIcon({ dir }: { dir: 'asc' | 'desc' | null }) {
  return (
    <svg
      width={12}
      height={12}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      style={{ opacity: dir ? 1 : 0.35, flex: 'none' }}
    >
      {dir === 'asc' && <path d="M6 15l6-6 6 6" />}
      {dir === 'desc' && <path d="M6 9l6 6 6-6" />}
      {!dir && <path d="M7 9l5-5 5 5M7 15l5 5 5-5" />}
    </svg>
  );
}
