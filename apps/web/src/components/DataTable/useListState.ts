import type { SortDirection } from '@enlace/shared';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigationType, useSearchParams } from 'react-router';
import {
  applyListChange,
  type ListChange,
  type ListConfig,
  type ListState,
  readListState,
  sameListState,
  writeListState,
} from './list-state';

export interface ListControls<S extends string = string, F extends string = string> {
  state: ListState<S, F>;
  config: ListConfig<S, F>;
  setSort: (sort: S, dir: SortDirection) => void;
  setOffset: (offset: number) => void;
  setLimit: (limit: number) => void;
  setSearch: (q: string) => void;
  setFilter: (key: F, value: string) => void;
  clearFilters: () => void;
}

/**
 * A list's sort, page, page size, search and filters, kept in the address (`?q=&sort=&dir=&limit=
 * &offset=` and the filters) so that a view can be bookmarked, shared or linked to (the dashboard
 * opens `/incidents?country=MEX&mode=sea`). React state is the source of truth while the screen is
 * open — the router's setter does not queue updates, and two quick changes would lose one — and the
 * address follows it with `replace`; a link followed or the back button changes the state.
 *
 * `inUrl: false` keeps the same state in memory only: for a table inside a page that has several
 * (a case's suspects, assets and evidence), where they would fight over the same parameters.
 */
export function useListState<S extends string, F extends string = never>(
  config: ListConfig<S, F>,
  { inUrl = true }: { inUrl?: boolean } = {},
): ListControls<S, F> {
  const [params, setParams] = useSearchParams();
  const navigationType = useNavigationType();
  // The config is usually a module constant; a fresh object each render must not loop the effects.
  const configRef = useRef(config);
  configRef.current = config;
  const [state, setState] = useState<ListState<S, F>>(() =>
    readListState(inUrl ? params : new URLSearchParams(), config),
  );

  useEffect(() => {
    if (!inUrl) return;
    setParams(
      (prev) => {
        const next = writeListState(prev, state, configRef.current);
        return next.toString() === prev.toString() ? prev : next;
      },
      { replace: true },
    );
  }, [state, inUrl, setParams]);

  // Our own writes replace the entry; a link followed (push) or the back button (pop) is the user's.
  const search = params.toString();
  useEffect(() => {
    if (!inUrl || navigationType === 'REPLACE') return;
    const fromUrl = readListState(new URLSearchParams(search), configRef.current);
    setState((prev) => (sameListState(prev, fromUrl) ? prev : fromUrl));
  }, [search, navigationType, inUrl]);

  const change = useCallback((c: ListChange<S, F>) => setState((prev) => applyListChange(prev, c)), []);
  return useMemo(
    () => ({
      state,
      config,
      setSort: (sort, dir) => change({ type: 'sort', sort, dir }),
      setOffset: (offset) => change({ type: 'page', offset }),
      setLimit: (limit) => change({ type: 'limit', limit }),
      setSearch: (q) => change({ type: 'search', q }),
      setFilter: (key, value) => change({ type: 'filter', key, value }),
      clearFilters: () => change({ type: 'clearFilters' }),
    }),
    [state, config, change],
  );
}
