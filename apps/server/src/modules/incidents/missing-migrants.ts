import {
  checkIncidentCounts,
  EARLIEST_INCIDENT_DATE,
  type IncidentCreateBody,
  TEXT_MAX,
  MM22_HEADERS,
  MM25_HEADERS,
  type MmLayout,
  type Vocabulary,
} from '@enlace/shared';
import { CsvError, csvRows } from './csv';
import type { VocabIndex } from './incident-state';
import { countryOfLocation, normalizeName, resolveCountryName } from './iso-countries';

/**
 * The IOM Missing Migrants Project layouts: the current 22-column download and the older
 * 25-column "Global Figures". Told apart by their headers (in any order); unknown extra columns
 * (an export's HXL additions) are ignored, and a row of HXL hashtags under the header is skipped.
 */
export { MM22_HEADERS, MM25_HEADERS, type MmLayout } from '@enlace/shared';

/** A problem with one cell (or row) of the file; `row` counts the header as row 1. */
export interface ImportIssue {
  row: number;
  column: string | null;
  code: string;
  params?: Record<string, string | number>;
}

export interface MmRecord {
  row: number;
  externalId: string;
  /** The fields the file gives, as a report (applied over any earlier import of the same incident). */
  patch: IncidentCreateBody;
  /** Verbatim values kept for a faithful export (Main ID, Region of Origin, …). */
  extra: Record<string, string>;
}

export interface MmParseResult {
  layout: MmLayout | null;
  rows: number;
  records: MmRecord[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

/** Which column of each layout a field of the report comes from (to place errors). */
export const MM_COLUMN_OF_FIELD: Record<MmLayout, Record<string, string>> = {
  'missing-migrants-22': {
    occurredOn: 'Incident Date',
    'place.countryCode': 'Location of death',
    'place.latitude': 'Coordinates',
    'place.region': 'Region',
    'route.code': 'Migration route',
    nationalities: 'Country of Origin',
  },
  'missing-migrants-25': {
    occurredOn: 'Incident Date',
    'place.countryCode': 'Country of Incident',
    'place.latitude': 'Coordinates',
    'place.region': 'Region of Incident',
    'route.code': 'Migration Route',
    nationalities: 'Country of Origin',
  },
};

const norm = (h: string) => h.trim().toLowerCase().replace(/\s+/g, ' ');

/** English month names, as the Missing Migrants layouts write them. */
export const MM_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MONTHS = MM_MONTHS.map((m) => m.toLowerCase());

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A calendar date as yyyy-mm-dd, or null when there is no such day (checked by arithmetic:
 * a Date object per row is a measurable share of a large import). */
function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (m === 2 && leap ? 29 : (DAYS_IN_MONTH[m - 1] ?? 0))) return null;
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/**
 * Dates as Missing Migrants writes them: "Thu, 01/01/2026 - 12:00" (month/day/year; the time is
 * a placeholder), and the older "January 5, 2015", "5 January 2015" or ISO "2015-01-05".
 */
export function parseMmDate(v: string): string | null {
  const s = v.trim();
  let m = /^(?:[A-Za-z]{3},?\s*)?(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s*-?\s*\d{1,2}:\d{2})?$/.exec(s);
  if (m) return isoDate(Number(m[3]), Number(m[1]), Number(m[2]));
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS.findIndex((x) => x.startsWith((m?.[1] ?? '').toLowerCase().slice(0, 3)));
    return month < 0 ? null : isoDate(Number(m[3]), month + 1, Number(m[2]));
  }
  m = /^(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS.findIndex((x) => x.startsWith((m?.[2] ?? '').toLowerCase().slice(0, 3)));
    return month < 0 ? null : isoDate(Number(m[3]), month + 1, Number(m[1]));
  }
  return null;
}

/**
 * A count: blank is unknown (null), never zero. Whole numbers only ("3" or "3.0"); negative ones
 * are IOM's adjustments of an earlier report (people reported missing later found dead).
 */
export function parseCount(v: string): number | null | 'invalid' {
  const s = v.trim().replace(/,/g, '');
  if (s === '') return null;
  if (!/^-?\d+(\.0+)?$/.test(s)) return 'invalid';
  const n = Number.parseInt(s, 10);
  return Math.abs(n) > 1_000_000 ? 'invalid' : n;
}

/** "lat, lon" (the download), or WKT "POINT (lon lat)". */
export function parseCoordinates(v: string): { lat: number; lon: number } | null | 'invalid' {
  const s = v.trim();
  if (s === '') return null;
  let lat: number;
  let lon: number;
  const wkt = /^POINT\s*\(\s*(-?[\d.]+)\s+(-?[\d.]+)\s*\)$/i.exec(s);
  const pair = /^(-?\d+(?:\.\d+)?)\s*[,;]\s*(-?\d+(?:\.\d+)?)$/.exec(s);
  if (wkt) {
    lon = Number(wkt[1]);
    lat = Number(wkt[2]);
  } else if (pair) {
    lat = Number(pair[1]);
    lon = Number(pair[2]);
  } else return 'invalid';
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180)
    return 'invalid';
  return { lat, lon };
}

const NON_VALUES = new Set([
  '',
  'unknown',
  'mixed',
  'mixed unknown',
  'n a',
  'na',
  'not known',
  'uncategorized',
]);

/** Nationalities named in "Country of Origin": "Guatemala, Honduras", "Mixed/Unknown", UN spellings. */
export function parseOrigins(v: string): { codes: string[]; unknown: string[] } {
  const codes: string[] = [];
  const unknown: string[] = [];
  const whole = resolveCountryName(v);
  const parts = whole ? [v] : v.split(/[,;/]|\band\b/).map((p) => p.trim());
  for (const part of parts) {
    if (NON_VALUES.has(normalizeName(part))) continue;
    const code = resolveCountryName(part);
    if (code) {
      if (!codes.includes(code)) codes.push(code);
    } else unknown.push(part);
  }
  return { codes, unknown };
}

/** Index of a vocabulary by the Missing Migrants names of its terms (and their English codes). */
function byMmName(vocab: VocabIndex, vocabulary: Vocabulary): Map<string, string> {
  const map = new Map<string, string>();
  for (const [code, term] of vocab.get(vocabulary) ?? []) {
    for (const name of (term.attributes.mm ?? '').split('|')) if (name) map.set(normalizeName(name), code);
    map.set(normalizeName(code), code);
  }
  return map;
}

function confidenceOf(quality: number | null): 'high' | 'medium' | 'low' | null {
  if (quality === null) return null;
  return quality >= 4 ? 'high' : quality >= 2 ? 'medium' : 'low';
}

/**
 * A Missing Migrants file read row by row: the layout from the header, then each valid row as a
 * record; problems accumulate in `errors` and `warnings` as rows are read (a CSV that cannot be
 * read stops the records with an error naming its line). Nothing is written here.
 */
export interface MmReader {
  layout: MmLayout | null;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  records(): Generator<MmRecord>;
  /** Data rows read so far (all of them once `records()` is done). */
  rows(): number;
}

export function readMissingMigrants(text: string, vocab: VocabIndex): MmReader {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const source = csvRows(text);
  let counted = 0;
  const fail = (issue: ImportIssue): MmReader => {
    errors.push(issue);
    return { layout: null, errors, warnings, records: function* () {}, rows: () => counted };
  };
  let header: string[] | undefined;
  let second: string[] | undefined;
  try {
    header = source.next().value ?? undefined;
    second = header ? (source.next().value ?? undefined) : undefined;
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    return fail({ row: err.line, column: null, code: 'import_malformed_csv' });
  }
  if (!header) return fail({ row: 1, column: null, code: 'import_empty' });
  const index = new Map(header.map((h, i) => [norm(h), i]));
  const missing = (list: readonly string[]) => list.filter((h) => !index.has(norm(h)));
  const miss22 = missing(MM22_HEADERS);
  const miss25 = missing(MM25_HEADERS);
  let layout: MmLayout;
  if (miss22.length === 0) layout = 'missing-migrants-22';
  else if (miss25.length === 0) layout = 'missing-migrants-25';
  else {
    const closest = miss22.length <= miss25.length ? miss22 : miss25;
    return fail({
      row: 1,
      column: null,
      code: 'import_unknown_layout',
      params: { missing: closest.join(', ') },
    });
  }
  // A NUL character is no text any database keeps (PostgreSQL refuses it), and a replacement
  // character is what reading bytes that are not UTF-8 left in place of the text: the rows that
  // carry one are refused, each named. Most files have neither, and are not searched cell by cell.
  const reader = new RowReader(
    layout,
    index,
    vocab,
    errors,
    warnings,
    text.includes('\u0000'),
    text.includes('\uFFFD'),
  );
  const width = header.length;
  const hxl =
    second?.every((c) => c.trim() === '' || c.trim().startsWith('#')) && second.some((c) => c.trim() !== '');
  return {
    layout,
    errors,
    warnings,
    rows: () => counted,
    records: function* () {
      let row = hxl ? 2 : 1;
      let pending = hxl ? undefined : second;
      for (;;) {
        let cells: string[] | undefined = pending;
        pending = undefined;
        if (!cells) {
          try {
            const next = source.next();
            if (next.done) return;
            cells = next.value;
          } catch (err) {
            if (!(err instanceof CsvError)) throw err;
            errors.push({ row: err.line, column: null, code: 'import_malformed_csv' });
            return;
          }
        }
        row++;
        counted++;
        const record = reader.read(cells, row, width);
        if (record) yield record;
      }
    },
  };
}

/** Reads and checks a whole file at once (tests, tools); nothing is written here. */
export function parseMissingMigrants(text: string, vocab: VocabIndex): MmParseResult {
  const reader = readMissingMigrants(text, vocab);
  const records = [...reader.records()];
  return {
    layout: reader.layout,
    rows: reader.rows(),
    records,
    errors: reader.errors,
    warnings: reader.warnings,
  };
}

/** The same few region, route and origin texts recur on every row: each is resolved once. */
class Memo<T> {
  private readonly cache = new Map<string, T>();
  constructor(private readonly f: (text: string) => T) {}
  get(text: string): T {
    let v = this.cache.get(text);
    if (v === undefined) {
      v = this.f(text);
      this.cache.set(text, v);
    }
    return v;
  }
}

/**
 * Reads one row into a report, or records its errors. Column positions are resolved once and
 * no function is created per row: a file can have a hundred thousand rows.
 */
class RowReader {
  private readonly is22: boolean;
  private readonly col: Record<string, number> = {};
  private readonly names: { region: string; dead: string; route: string; location: string };
  private readonly regions: Memo<string | null>;
  private readonly routes: Memo<string | null>;
  private readonly origins = new Memo(parseOrigins);
  private readonly countries = new Memo(resolveCountryName);
  private readonly nonValue = new Memo((text: string) => NON_VALUES.has(normalizeName(text)));
  private readonly routeTerms: ReadonlyMap<string, { attributes: Record<string, string> }> | undefined;
  private readonly seen = new Map<string, number>();
  /** The column of each count, to name it in a row error. */
  private readonly countColumn: Record<string, string>;

  constructor(
    layout: MmLayout,
    index: Map<string, number>,
    vocab: VocabIndex,
    private readonly errors: ImportIssue[],
    private readonly warnings: ImportIssue[],
    private readonly hasNul: boolean,
    private readonly hasReplacement: boolean,
  ) {
    this.is22 = layout === 'missing-migrants-22';
    this.names = {
      region: this.is22 ? 'Region' : 'Region of Incident',
      dead: this.is22 ? 'Number Dead' : 'Number of Dead',
      route: this.is22 ? 'Migration route' : 'Migration Route',
      location: this.is22 ? 'Location of death' : 'Location of Incident',
    };
    for (const h of this.is22 ? MM22_HEADERS : MM25_HEADERS) this.col[h] = index.get(norm(h)) ?? -1;
    this.countColumn = {
      dead: this.names.dead,
      missing: 'Minimum Estimated Number of Missing',
      survivors: 'Number of Survivors',
      females: 'Number of Females',
      males: 'Number of Males',
      children: 'Number of Children',
    };
    const regions = byMmName(vocab, 'region');
    const routes = byMmName(vocab, 'route');
    this.regions = new Memo((text) => regions.get(normalizeName(text)) ?? null);
    this.routes = new Memo((text) => routes.get(normalizeName(text)) ?? null);
    this.routeTerms = vocab.get('route');
  }

  private cell(cells: string[], h: string): string {
    return cells[this.col[h] ?? -1] ?? '';
  }

  private count(cells: string[], h: string, row: number): number | null {
    const raw = this.cell(cells, h);
    const v = parseCount(raw);
    if (v === 'invalid') {
      this.errors.push({ row, column: h, code: 'import_invalid_count', params: { value: raw.slice(0, 40) } });
      return null;
    }
    if (v !== null && v < 0)
      this.warnings.push({ row, column: h, code: 'import_adjustment', params: { value: v } });
    return v;
  }

  /** A text cell: blank is unknown; longer than its field takes is a row error, never cut. */
  private text(value: string, max: number, row: number, column: string): string | null {
    const s = value.trim();
    if (s === '') return null;
    if (s.length <= max) return s;
    this.errors.push({ row, column, code: 'import_too_long', params: { length: s.length, max } });
    return null;
  }

  read(cells: string[], row: number, width: number): MmRecord | null {
    const { errors, warnings, names } = this;
    if (cells.length !== width) {
      errors.push({
        row,
        column: null,
        code: 'import_column_count',
        params: { count: cells.length, expected: width },
      });
      return null;
    }
    const before = errors.length;
    for (const [present, char, code] of [
      [this.hasNul, '\u0000', 'import_invalid_character'],
      [this.hasReplacement, '\uFFFD', 'import_invalid_encoding'],
    ] as const) {
      if (!present) continue;
      const at = cells.findIndex((c) => c.includes(char));
      if (at >= 0) {
        const column = Object.keys(this.col).find((h) => this.col[h] === at) ?? null;
        errors.push({ row, column, code });
        return null;
      }
    }
    const externalId = this.cell(cells, 'Incident ID').trim();
    if (!externalId) errors.push({ row, column: 'Incident ID', code: 'import_required' });
    else if (this.seen.has(externalId)) {
      errors.push({
        row,
        column: 'Incident ID',
        code: 'import_duplicate_id',
        params: { other: this.seen.get(externalId) ?? 0 },
      });
    } else this.seen.set(externalId, row);

    const rawDate = this.cell(cells, 'Incident Date');
    const occurredOn = rawDate.trim() ? parseMmDate(rawDate) : null;
    if (!rawDate.trim()) errors.push({ row, column: 'Incident Date', code: 'import_required' });
    else if (!occurredOn) {
      errors.push({
        row,
        column: 'Incident Date',
        code: 'import_invalid_date',
        params: { value: rawDate.slice(0, 40) },
      });
    } else if (occurredOn < EARLIEST_INCIDENT_DATE) {
      // A date after today is refused with the rules of every report (it needs the clock).
      errors.push({
        row,
        column: 'Incident Date',
        code: 'import_date_out_of_range',
        params: { date: occurredOn, min: EARLIEST_INCIDENT_DATE },
      });
    }

    const dead = this.count(cells, names.dead, row);
    const missing = this.count(cells, 'Minimum Estimated Number of Missing', row);
    const survivors = this.count(cells, 'Number of Survivors', row);
    const females = this.count(cells, 'Number of Females', row);
    const males = this.count(cells, 'Number of Males', row);
    const children = this.count(cells, 'Number of Children', row);
    if (!this.is22) {
      const total = this.count(cells, 'Total Number of Dead and Missing', row);
      if (total !== null && dead !== null && missing !== null && total !== dead + missing) {
        warnings.push({
          row,
          column: 'Total Number of Dead and Missing',
          code: 'import_total_mismatch',
          params: { total },
        });
      }
    }

    const rawCoordinates = this.cell(cells, 'Coordinates');
    const coords = parseCoordinates(rawCoordinates);
    if (coords === 'invalid') {
      errors.push({
        row,
        column: 'Coordinates',
        code: 'import_invalid_coordinates',
        params: { value: rawCoordinates.slice(0, 60) },
      });
    }
    const rawQuality = this.cell(cells, 'Source Quality').trim();
    let quality: number | null = null;
    if (rawQuality) {
      quality = /^[1-5](\.0+)?$/.test(rawQuality) ? Number.parseInt(rawQuality, 10) : null;
      if (quality === null) {
        errors.push({
          row,
          column: 'Source Quality',
          code: 'import_invalid_quality',
          params: { value: rawQuality.slice(0, 20) },
        });
      }
    }
    // The one set of consistency rules of every incident's counts (those that need the number of
    // migrants do not apply: the Missing Migrants layouts have no such column).
    const people = { dead, missing, survivors, females, males, children };
    for (const issue of checkIncidentCounts(people)) {
      const field = issue.path.replace(/^people\./, '') as keyof typeof people;
      errors.push({ row, column: this.countColumn[field] ?? null, code: issue.code, params: issue.params });
    }
    if (errors.length > before) return null;

    const regionText = this.cell(cells, names.region).trim();
    const region = regionText ? this.regions.get(regionText) : null;
    if (regionText && !region) {
      warnings.push({
        row,
        column: names.region,
        code: 'import_unknown_region',
        params: { value: regionText.slice(0, 60) },
      });
    }
    const routeText = this.cell(cells, names.route).trim();
    const route = routeText ? this.routes.get(routeText) : null;
    if (routeText && !route) {
      warnings.push({
        row,
        column: names.route,
        code: 'import_unknown_route',
        params: { value: routeText.slice(0, 80) },
      });
    }
    const routeAttrs: Record<string, string> = route ? (this.routeTerms?.get(route)?.attributes ?? {}) : {};
    const originText = this.cell(cells, 'Country of Origin');
    const origins = this.origins.get(originText);
    for (const u of origins.unknown) {
      warnings.push({
        row,
        column: 'Country of Origin',
        code: 'import_unknown_country_name',
        params: { value: u.slice(0, 60) },
      });
    }
    const location = this.cell(cells, names.location);
    let placeCountry: string | null = null;
    if (!this.is22) {
      const text = this.cell(cells, 'Country of Incident').trim();
      placeCountry = text ? this.countries.get(text) : null;
      if (text && !placeCountry && !this.nonValue.get(text)) {
        warnings.push({
          row,
          column: 'Country of Incident',
          code: 'import_unknown_country_name',
          params: { value: text.slice(0, 60) },
        });
      }
    } else placeCountry = location.trim() ? countryOfLocation(location) : null;

    const urlText = this.cell(cells, 'URL').trim();
    const url = /^https?:\/\//i.test(urlText) ? this.text(urlText, TEXT_MAX.url, row, 'URL') : null;
    const placeName = this.text(location, TEXT_MAX.placeName, row, names.location);
    const sourceName = this.text(
      this.cell(cells, 'Information Source'),
      TEXT_MAX.sourceName,
      row,
      'Information Source',
    );
    const causeOfDeath = this.text(
      this.cell(cells, 'Cause of Death'),
      TEXT_MAX.causeOfDeath,
      row,
      'Cause of Death',
    );
    if (errors.length > before) return null;
    const mode =
      routeAttrs.mode === 'land' || routeAttrs.mode === 'sea' || routeAttrs.mode === 'air'
        ? routeAttrs.mode
        : null;

    const extra: Record<string, string> = {};
    const keep: [string, string][] = [
      ['mainId', this.cell(cells, 'Main ID')],
      ['regionOfOrigin', this.cell(cells, 'Region of Origin')],
      ['countryOfOrigin', originText],
      ['unsd', this.cell(cells, 'UNSD Geographical Grouping')],
      ['regionText', regionText],
      ['routeText', routeText],
      ['urlText', url ? '' : urlText],
      ['incidentType', this.is22 ? '' : this.cell(cells, 'Incident Type')],
    ];
    for (const [key, value] of keep) {
      const v = value.trim();
      if (v) extra[key] = v;
    }

    return {
      row,
      externalId,
      extra,
      patch: {
        kind: 'death_disappearance',
        mode,
        occurredOn: occurredOn ?? undefined,
        place: {
          name: placeName,
          latitude: coords && coords !== 'invalid' ? coords.lat : null,
          longitude: coords && coords !== 'invalid' ? coords.lon : null,
          countryCode: placeCountry,
          ...(region ? { region } : {}),
        },
        source: {
          name: sourceName,
          url,
          quality,
        },
        confidence: confidenceOf(quality),
        people: { dead, missing, survivors, females, males, children },
        nationalities: origins.codes,
        route: {
          code: route,
          origin: origins.codes.length === 1 ? (origins.codes[0] ?? null) : (routeAttrs.origin ?? null),
          destination: routeAttrs.destination ?? null,
        },
        causeOfDeath,
      },
    };
  }
}
