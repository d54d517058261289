import { useCallback, useEffect, useState } from 'react';
import { useNavigationType, useSearchParams } from 'react-router';

type Filters<K extends string> = Partial<Record<K, string>>;

function read<K extends string>(params: URLSearchParams, keys: readonly K[]): Filters<K> {
  const out: Filters<K> = {};
  for (const k of keys) {
    const v = params.get(k);
    if (v) out[k] = v;
  }
  return out;
}

/**
 * Filters kept in the address (so that a view can be bookmarked or shared). React state is the
 * source of truth while the screen is open — the router's setter does not queue updates, and two
 * quick changes would lose one — and the address follows it; a link or the back button that
 * changes the address changes the filters.
 */
export function useUrlFilters<K extends string>(
  keys: readonly K[],
): [Filters<K>, (key: K, value: string) => void, () => void] {
  const [params, setParams] = useSearchParams();
  const navigationType = useNavigationType();
  const [filters, setFilters] = useState<Filters<K>>(() => read(params, keys));

  useEffect(() => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const k of keys) {
          const v = filters[k];
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );
  }, [filters, keys, setParams]);

  // Our own writes replace the entry; a link followed (push) or the back button (pop) is the user's.
  const search = params.toString();
  useEffect(() => {
    if (navigationType === 'REPLACE') return;
    setFilters(read(new URLSearchParams(search), keys));
  }, [search, navigationType, keys]);

  const set = useCallback((key: K, value: string) => {
    setFilters((prev) => {
      const next = { ...prev };
      if (value) next[key] = value;
      else delete next[key];
      return next;
    });
  }, []);
  const clear = useCallback(() => setFilters({}), []);
  return [filters, set, clear];
}
