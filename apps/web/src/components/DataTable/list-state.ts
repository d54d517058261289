import { PAGE_SIZES, SEARCH_MAX, type SortDirection } from '@enlace/shared';

/**
 * The state of one list as it stands in the address: `q`, `sort`, `dir`, `limit`, `offset` (the
 * names of the shared paging contract, packages/shared/src/dto/lists.ts) and the list's own filters.
 * Pure functions, so that what a link or the back button carries is read the same way everywhere.
 */
export interface ListConfig<S extends string = string, F extends string = string> {
  /** The sortable columns; anything else in the address falls back to the default. */
  sorts: readonly S[];
  defaultSort: S;
  defaultDir: SortDirection;
  defaultLimit?: number;
  /** Filter parameters kept beside the paging ones (e.g. `from`, `mode`, `country`). */
  filters?: readonly F[];
}

export interface ListState<S extends string = string, F extends string = string> {
  q: string;
  sort: S;
  dir: SortDirection;
  limit: number;
  offset: number;
  filters: Partial<Record<F, string>>;
}

export const DEFAULT_PAGE_SIZE = 25;

export function defaultLimit(config: ListConfig): number {
  return config.defaultLimit ?? DEFAULT_PAGE_SIZE;
}

/** Reads a list's state from search params; what is invalid or out of range takes its default. */
export function readListState<S extends string, F extends string>(
  params: URLSearchParams,
  config: ListConfig<S, F>,
): ListState<S, F> {
  const sortParam = params.get('sort');
  const sort = config.sorts.includes(sortParam as S) ? (sortParam as S) : config.defaultSort;
  const dirParam = params.get('dir');
  const dir: SortDirection = dirParam === 'asc' || dirParam === 'desc' ? dirParam : config.defaultDir;
  const limitParam = Number(params.get('limit'));
  const limit = (PAGE_SIZES as readonly number[]).includes(limitParam) ? limitParam : defaultLimit(config);
  const offsetParam = Number(params.get('offset'));
  // An offset always falls on a page boundary of the current page size.
  const offset =
    Number.isInteger(offsetParam) && offsetParam > 0 ? Math.floor(offsetParam / limit) * limit : 0;
  const filters: Partial<Record<F, string>> = {};
  for (const key of config.filters ?? []) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return { q: (params.get('q') ?? '').slice(0, SEARCH_MAX), sort, dir, limit, offset, filters };
}

/**
 * Writes a list's state into search params, leaving out what equals its default so that the
 * address stays short; other parameters of the page are kept.
 */
export function writeListState<S extends string, F extends string>(
  params: URLSearchParams,
  state: ListState<S, F>,
  config: ListConfig<S, F>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  const put = (key: string, value: string, fallback: string) => {
    if (value && value !== fallback) next.set(key, value);
    else next.delete(key);
  };
  put('q', state.q.trim(), '');
  put('sort', state.sort, config.defaultSort);
  put('dir', state.dir, config.defaultDir);
  put('limit', String(state.limit), String(defaultLimit(config)));
  put('offset', String(state.offset), '0');
  for (const key of config.filters ?? []) put(key, state.filters[key] ?? '', '');
  return next;
}

export function sameListState(a: ListState, b: ListState): boolean {
  if (a.q !== b.q || a.sort !== b.sort || a.dir !== b.dir || a.limit !== b.limit || a.offset !== b.offset) {
    return false;
  }
  const keys = new Set([...Object.keys(a.filters), ...Object.keys(b.filters)]);
  for (const k of keys) {
    if (
      (a.filters as Record<string, string | undefined>)[k] !==
      (b.filters as Record<string, string | undefined>)[k]
    ) {
      return false;
    }
  }
  return true;
}

/** Changes that narrow or reorder the list go back to its first page. */
export type ListChange<S extends string, F extends string> =
  | { type: 'sort'; sort: S; dir: SortDirection }
  | { type: 'page'; offset: number }
  | { type: 'limit'; limit: number }
  | { type: 'search'; q: string }
  | { type: 'filter'; key: F; value: string }
  | { type: 'clearFilters' };

export function applyListChange<S extends string, F extends string>(
  state: ListState<S, F>,
  change: ListChange<S, F>,
): ListState<S, F> {
  switch (change.type) {
    case 'sort':
      return { ...state, sort: change.sort, dir: change.dir, offset: 0 };
    case 'page':
      return { ...state, offset: Math.max(0, change.offset) };
    case 'limit':
      // Keep the first row of the current page in view.
      return {
        ...state,
        limit: change.limit,
        offset: Math.floor(state.offset / change.limit) * change.limit,
      };
    case 'search':
      return { ...state, q: change.q.slice(0, SEARCH_MAX), offset: 0 };
    case 'filter': {
      const filters = { ...state.filters };
      if (change.value) filters[change.key] = change.value;
      else delete filters[change.key];
      return { ...state, filters, offset: 0 };
    }
    case 'clearFilters':
      return { ...state, filters: {}, offset: 0 };
  }
}
