/**
 * The statistics rollups: sums by month and by the dashboard's dimensions, kept in the same
 * transaction as every incident write (ADR 0006). Each incident contributes to a few rows of
 * each table; a change subtracts the old contribution and adds the new one.
 *
 * Every contribution is counted twice: in the row of its month and in the row of its year
 * (month = yyyy00), so that a period of whole years reads twelve times fewer rows.
 *
 * `nat` is the nationality slice: '*' holds every incident (or person), a nationality code holds
 * the incidents involving that nationality (for people: the persons of it). Any filter by
 * nationality therefore reads one slice, and no query counts an incident twice.
 * Unknown dimension values are stored as '' (NULL would defeat the unique keys).
 */

export const COUNT_COLUMNS = [
  'migrants',
  'females',
  'males',
  'children',
  'unaccompanied_children',
  'dead',
  'missing',
  'survivors',
  'injured',
  'smugglers_apprehended',
] as const;
export type CountColumn = (typeof COUNT_COLUMNS)[number];

/** `source`: 'enlace' (recorded by a country) or the public source it was imported from. */
export const FILTER_DIMS = ['month', 'country', 'region', 'mode', 'route', 'source'] as const;
export const ALL_SLICE = '*';

export interface RollupSpec {
  table:
    | 'stats_incidents'
    | 'stats_flows'
    | 'stats_people'
    | 'stats_people_nat'
    | 'stats_modus'
    | 'stats_grid';
  dims: readonly string[];
  measures: readonly string[];
}

const tracked = (c: readonly string[]) => c.flatMap((x) => [x, `${x}_known`]);

export const ROLLUPS = {
  incidents: {
    table: 'stats_incidents',
    dims: ['nat', ...FILTER_DIMS, 'kind'],
    measures: ['incidents', ...tracked(COUNT_COLUMNS)],
  },
  flows: {
    table: 'stats_flows',
    dims: ['nat', ...FILTER_DIMS, 'origin', 'destination'],
    measures: ['incidents', ...tracked(['migrants', 'dead', 'missing'])],
  },
  people: {
    table: 'stats_people',
    dims: ['nat', ...FILTER_DIMS, 'sex', 'age_group'],
    measures: ['persons'],
  },
  peopleNat: {
    table: 'stats_people_nat',
    dims: [...FILTER_DIMS, 'nationality'],
    measures: ['persons'],
  },
  modus: {
    table: 'stats_modus',
    dims: ['nat', ...FILTER_DIMS, 'code'],
    measures: ['incidents'],
  },
  grid: {
    table: 'stats_grid',
    dims: ['nat', 'level', 'cx', 'cy', ...FILTER_DIMS],
    measures: ['incidents', ...tracked(['migrants', 'dead', 'missing']), 'lat_sum', 'lon_sum'],
  },
} as const satisfies Record<string, RollupSpec>;
export type RollupName = keyof typeof ROLLUPS;

/**
 * Grid levels of the map, in degrees per cell, coarse to fine. Coarser grids are sums of these
 * (a 5° cell is 5 × 5 cells of 1°), so they cost nothing to keep.
 */
export const GRID_LEVELS = [1, 0.2] as const;

export function cellOf(level: number, lat: number, lon: number): { cx: number; cy: number } {
  const size = GRID_LEVELS[level] ?? 1;
  // Rounding guards against 0.2-degree steps landing just below an edge in binary floating point.
  return {
    cx: Math.floor(Math.round(((lon + 180) / size) * 1e6) / 1e6),
    cy: Math.floor(Math.round(((lat + 90) / size) * 1e6) / 1e6),
  };
}

/** What the statistics know of one incident: its dimensions and counts, nothing else. */
export interface Fact {
  /** yyyymm */
  month: number;
  country: string;
  region: string;
  mode: string;
  route: string;
  /** 'enlace' or the public source of an imported record. */
  source: string;
  kind: string;
  origin: string;
  destination: string;
  /** Distinct nationalities involved. */
  nationalities: readonly string[];
  counts: Readonly<Record<CountColumn, number | null>>;
  breakdown: readonly { sex: string; ageGroup: string; nationality: string; count: number }[];
  modus: readonly string[];
  lat: number | null;
  lon: number | null;
}

type Dim = string | number;

// Keys are compact strings, one UTF-16 unit per dimension: text values are interned to small
// numbers (there are a few hundred distinct ones), months counted from 1800. An import touches
// hundreds of thousands of rollup rows; short keys keep merging them cheap.
const strings: string[] = [];
const ids = new Map<string, number>();
function sid(value: string): number {
  let id = ids.get(value);
  if (id === undefined) {
    id = strings.length;
    if (id > 0xffff) throw new Error('too many distinct rollup values');
    strings.push(value);
    ids.set(value, id);
  }
  return id;
}
const INT_DIMS = new Set(['level', 'cx', 'cy']);
const encodeMonth = (m: number) => (Math.floor(m / 100) - 1800) * 12 + (m % 100) - 1;
const YEAR_CODE = 0xc000;
const encodeYear = (m: number) => YEAR_CODE + Math.floor(m / 100) - 1800;
const FINEST = GRID_LEVELS.length - 1;
const decodeMonth = (c: number) =>
  c >= YEAR_CODE ? (c - YEAR_CODE + 1800) * 100 : (Math.floor(c / 12) + 1800) * 100 + (c % 12) + 1;
const chars = String.fromCharCode;

/** Pending changes to the rollups, merged by key so each row is written once. */
export class RollupDelta {
  readonly tables = new Map<RollupName, Map<string, number[]>>(
    (Object.keys(ROLLUPS) as RollupName[]).map((name) => [name, new Map()]),
  );
  facts = 0;

  private bump(name: RollupName, key: string, measures: readonly number[]): void {
    const table = this.tables.get(name) as Map<string, number[]>;
    const entry = table.get(key);
    if (!entry) table.set(key, measures.slice());
    else for (let i = 0; i < measures.length; i++) entry[i] = (entry[i] ?? 0) + (measures[i] ?? 0);
  }

  /** Adds (sign 1) or withdraws (sign −1) an incident's contribution. */
  add(f: Fact, sign: 1 | -1 = 1): void {
    this.facts += sign;
    const place = chars(sid(f.country), sid(f.region), sid(f.mode), sid(f.route), sid(f.source));
    const counts: number[] = [sign];
    for (const c of COUNT_COLUMNS) {
      const v = f.counts[c];
      counts.push(v === null ? 0 : sign * v, v === null ? 0 : sign);
    }
    const { migrants, dead, missing } = f.counts;
    const flow = [
      sign,
      migrants === null ? 0 : sign * migrants,
      migrants === null ? 0 : sign,
      dead === null ? 0 : sign * dead,
      dead === null ? 0 : sign,
      missing === null ? 0 : sign * missing,
      missing === null ? 0 : sign,
    ];
    const lat = f.lat;
    const lon = f.lon;
    const cells =
      lat !== null && lon !== null
        ? GRID_LEVELS.map((_, level) => {
            const { cx, cy } = cellOf(level, lat, lon);
            return chars(level, cx, cy);
          })
        : [];
    const [coarse, fine] = cells;
    const gridMeasures = lat !== null && lon !== null ? [...flow, sign * lat, sign * lon] : [];
    const kind = chars(sid(f.kind));
    const flowKey = chars(sid(f.origin), sid(f.destination));
    const modus = f.modus.map((code) => chars(sid(code)));
    const one = [sign];
    const slices = [ALL_SLICE, ...f.nationalities].map((s) => chars(sid(s)));
    const all = slices[0] as string;
    const people = f.breakdown.map((e) => ({
      persons: [sign * e.count],
      sexAge: chars(sid(e.sex), sid(e.ageGroup)),
      nationality: chars(sid(e.nationality)),
      sliced: e.nationality !== '',
    }));
    // Contributions go to the row of their month; the rows of their year are added when the
    // delta is written (see pending), from the merged month rows, which are far fewer.
    const base = chars(encodeMonth(f.month)) + place;
    // The finest map grid is kept by year, for all nationalities together: it serves zoomed-in
    // views of whole years; filtered by a nationality or a part of a year, they use the 1° grid.
    // (By month it would hold about one row per incident.)
    if (fine) this.bump('grid', all + fine + chars(encodeYear(f.month)) + place, gridMeasures);
    for (const head of slices) {
      this.bump('incidents', head + base + kind, counts);
      this.bump('flows', head + base + flowKey, flow);
      for (const m of modus) this.bump('modus', head + base + m, one);
      if (coarse) this.bump('grid', head + coarse + base, gridMeasures);
    }
    for (const p of people) {
      this.bump('people', all + base + p.sexAge, p.persons);
      if (p.sliced) this.bump('people', p.nationality + base + p.sexAge, p.persons);
      this.bump('peopleNat', base + p.nationality, p.persons);
    }
  }

  /**
   * A table's month rows and, derived from them, the rows of their years (month = yyyy00), so
   * that a period of whole years reads twelve times fewer rows. (The finest map grid holds
   * year rows only, written as such.)
   */
  private withYears(name: RollupName): Map<string, number[]> {
    const table = this.tables.get(name) as Map<string, number[]>;
    const dims: readonly string[] = ROLLUPS[name].dims;
    const at = dims.indexOf('month');
    const level = dims.indexOf('level');
    const out = new Map(table);
    for (const [key, measures] of table) {
      if (level >= 0 && key.charCodeAt(level) === FINEST) continue;
      const year = chars(YEAR_CODE + Math.floor(key.charCodeAt(at) / 12));
      const yearKey = key.slice(0, at) + year + key.slice(at + 1);
      const entry = out.get(yearKey);
      if (!entry) out.set(yearKey, measures.slice());
      else for (let i = 0; i < measures.length; i++) entry[i] = (entry[i] ?? 0) + (measures[i] ?? 0);
    }
    return out;
  }

  /**
   * The rows of a table to write, in key order, without those that net to zero: `fill(i, out)`
   * decodes row i (dims then measures) into `out`.
   */
  pending(name: RollupName): { length: number; fill: (i: number, out: unknown[]) => void } {
    const table = this.withYears(name);
    const dims = ROLLUPS[name].dims;
    const kinds = dims.map((d) => (d === 'month' ? 2 : INT_DIMS.has(d) ? 1 : 0));
    const keys: string[] = [];
    for (const [key, measures] of table) if (measures.some((m) => m !== 0)) keys.push(key);
    keys.sort();
    return {
      length: keys.length,
      fill: (i, out) => {
        const key = keys[i] as string;
        for (let d = 0; d < kinds.length; d++) {
          const c = key.charCodeAt(d);
          const kind = kinds[d];
          out[d] = kind === 2 ? decodeMonth(c) : kind === 1 ? c : (strings[c] ?? '');
        }
        const measures = table.get(key) as number[];
        for (let m = 0; m < measures.length; m++) out[kinds.length + m] = measures[m];
      },
    };
  }

  /** Rows of a table, decoded, as arrays of dims then measures. */
  tableRows(name: RollupName): (string | number)[][] {
    const rows = this.pending(name);
    return Array.from({ length: rows.length }, (_, i) => {
      const out: unknown[] = [];
      rows.fill(i, out);
      return out as (string | number)[];
    });
  }

  /** Every pending row, decoded (tests, diagnostics). */
  *rows(): Generator<{ name: RollupName; dims: Dim[]; measures: number[] }> {
    for (const name of this.tables.keys()) {
      const n = ROLLUPS[name].dims.length;
      for (const row of this.tableRows(name)) {
        yield { name, dims: row.slice(0, n), measures: row.slice(n) as number[] };
      }
    }
  }

  get size(): number {
    let n = 0;
    for (const t of this.tables.values()) n += t.size;
    return n;
  }

  clear(): void {
    for (const table of this.tables.values()) table.clear();
    this.facts = 0;
  }
}
