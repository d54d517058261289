export { type DataColumn, DataTable, type DataTableProps, foldText, type TableControls } from './DataTable';
export { FilterChips, type FilterChip } from './FilterChips';
export * from './list-state';
export { type ListControls, useListState } from './useListState';
