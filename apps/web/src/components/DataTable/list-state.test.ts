import { INCIDENT_SORTS } from '@enlace/shared';
import { describe, expect, it } from 'vitest';
import { applyListChange, type ListConfig, readListState, sameListState, writeListState } from './list-state';

type Sort = (typeof INCIDENT_SORTS)[number];
type Filter = 'country' | 'mode' | 'from';
const config: ListConfig<Sort, Filter> = {
  sorts: INCIDENT_SORTS,
  defaultSort: 'occurredOn',
  defaultDir: 'desc',
  defaultLimit: 25,
  filters: ['country', 'mode', 'from'],
};

const read = (s: string) => readListState(new URLSearchParams(s), config);

describe('list state in the address', () => {
  it('reads the defaults from an empty address', () => {
    expect(read('')).toEqual({ q: '', sort: 'occurredOn', dir: 'desc', limit: 25, offset: 0, filters: {} });
  });

  it('reads sort, direction, page size, offset, search and filters', () => {
    expect(
      read('sort=dead&dir=asc&limit=50&offset=100&q=lancha&country=MEX&mode=sea&from=2024-01-01'),
    ).toEqual({
      q: 'lancha',
      sort: 'dead',
      dir: 'asc',
      limit: 50,
      offset: 100,
      filters: { country: 'MEX', mode: 'sea', from: '2024-01-01' },
    });
  });

  it('falls back to the default for what the list does not offer', () => {
    const s = read('sort=narrative&dir=up&limit=33&offset=-5&route=x');
    expect(s.sort).toBe('occurredOn');
    expect(s.dir).toBe('desc');
    expect(s.limit).toBe(25);
    expect(s.offset).toBe(0);
    expect(s.filters).toEqual({});
  });

  it('puts an offset on a page boundary of the page size', () => {
    expect(read('limit=10&offset=37').offset).toBe(30);
    expect(read('offset=abc').offset).toBe(0);
  });

  it('writes only what differs from the defaults and keeps other parameters', () => {
    const state = { ...read(''), sort: 'reference' as const, dir: 'asc' as const, filters: { mode: 'sea' } };
    const out = writeListState(new URLSearchParams('tab=2&offset=50'), state, config);
    expect(out.toString()).toBe('tab=2&sort=reference&dir=asc&mode=sea');
  });

  it('round-trips', () => {
    const s = 'q=a+b&sort=migrants&dir=asc&limit=100&offset=200&country=GTM';
    const state = read(s);
    expect(read(writeListState(new URLSearchParams(), state, config).toString())).toEqual(state);
  });

  it('removes a filter that is cleared', () => {
    const state = applyListChange<Sort, Filter>(read('country=MEX&mode=sea'), {
      type: 'filter',
      key: 'country',
      value: '',
    });
    expect(writeListState(new URLSearchParams('country=MEX&mode=sea'), state, config).toString()).toBe(
      'mode=sea',
    );
  });
});

describe('list changes', () => {
  const onPage3 = read('limit=25&offset=50');

  it('sorting, searching and filtering go back to the first page', () => {
    expect(applyListChange<Sort, Filter>(onPage3, { type: 'sort', sort: 'dead', dir: 'desc' }).offset).toBe(
      0,
    );
    expect(applyListChange<Sort, Filter>(onPage3, { type: 'search', q: 'x' }).offset).toBe(0);
    expect(applyListChange<Sort, Filter>(onPage3, { type: 'filter', key: 'mode', value: 'air' }).offset).toBe(
      0,
    );
    expect(applyListChange<Sort, Filter>(onPage3, { type: 'clearFilters' }).offset).toBe(0);
  });

  it('a new page size keeps the first row of the page in view', () => {
    expect(applyListChange<Sort, Filter>(onPage3, { type: 'limit', limit: 10 })).toMatchObject({
      limit: 10,
      offset: 50,
    });
    expect(applyListChange<Sort, Filter>(onPage3, { type: 'limit', limit: 100 })).toMatchObject({
      limit: 100,
      offset: 0,
    });
  });

  it('paging keeps sort and filters', () => {
    const s = read('sort=dead&country=MEX');
    expect(applyListChange<Sort, Filter>(s, { type: 'page', offset: 25 })).toMatchObject({
      sort: 'dead',
      offset: 25,
      filters: { country: 'MEX' },
    });
  });

  it('compares states by value', () => {
    expect(sameListState(read('country=MEX'), read('country=MEX'))).toBe(true);
    expect(sameListState(read('country=MEX'), read('country=GTM'))).toBe(false);
    expect(sameListState(read(''), read('q=x'))).toBe(false);
  });
});
