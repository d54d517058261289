import { PassThrough, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { IncidentState, Locale } from '@enlace/shared';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { t } from '../../platform/i18n';
import type { IncidentRow } from './incidents.repository';
import { countryName } from './iso-countries';
import { MM_MONTHS, MM22_HEADERS } from './missing-migrants';

export type ExportFormat = 'csv' | 'xlsx' | 'hxl';
export type ExportLayout = 'missing-migrants' | 'enlace';

/** One incident as exports see it (never its narrative). */
export interface ExportRecord {
  row: IncidentRow;
  state: IncidentState;
  extra: Record<string, string>;
}

/** Names of vocabulary terms for exports (Missing Migrants' names, or the reader's language). */
export type TermNames = (
  vocabulary: 'region' | 'route' | 'incident_kind' | 'modus_operandi' | 'maritime_zone',
  code: string,
) => string;

interface Column {
  header: string;
  hxl: string;
  value: (r: ExportRecord) => string | number | null;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
/** "Thu, 01/01/2026 - 12:00", as the Missing Migrants download writes dates. */
export function mmDate(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  const [y, m, day] = iso.split('-');
  return `${WEEKDAYS[d.getUTCDay()]}, ${m}/${day}/${y} - 12:00`;
}

const n = (v: number | null) => v;
const coords = (s: IncidentState) =>
  s.place.latitude === null || s.place.longitude === null
    ? null
    : `${s.place.latitude}, ${s.place.longitude}`;
const nationalityNames = (s: IncidentState) => {
  const all = [
    ...new Set([...s.nationalities, ...s.breakdown.flatMap((b) => (b.nationality ? [b.nationality] : []))]),
  ];
  return all.length ? all.map((c) => countryName(c, 'en')).join(', ') : null;
};

function mmColumns(names: TermNames): Column[] {
  const byHeader: Record<(typeof MM22_HEADERS)[number], Omit<Column, 'header'>> = {
    'Main ID': {
      hxl: '#event+id+main',
      value: (r) => r.extra.mainId ?? r.row.external_id ?? r.row.reference,
    },
    'Incident ID': { hxl: '#event+id', value: (r) => r.row.external_id ?? r.row.reference },
    Region: {
      hxl: '#region+name',
      value: (r) =>
        r.state.place.region ? names('region', r.state.place.region) : (r.extra.regionText ?? null),
    },
    'Incident Date': { hxl: '#date+occurred', value: (r) => mmDate(r.state.occurredOn) },
    Year: { hxl: '#date+year', value: (r) => Number(r.state.occurredOn.slice(0, 4)) },
    'Reported Month': {
      hxl: '#date+month',
      value: (r) => MM_MONTHS[Number(r.state.occurredOn.slice(5, 7)) - 1] ?? null,
    },
    'Number Dead': { hxl: '#affected+dead', value: (r) => n(r.state.people.dead) },
    'Minimum Estimated Number of Missing': {
      hxl: '#affected+missing',
      value: (r) => n(r.state.people.missing),
    },
    'Number of Survivors': { hxl: '#affected+survivors', value: (r) => n(r.state.people.survivors) },
    'Number of Females': { hxl: '#affected+f', value: (r) => n(r.state.people.females) },
    'Number of Males': { hxl: '#affected+m', value: (r) => n(r.state.people.males) },
    'Number of Children': { hxl: '#affected+children', value: (r) => n(r.state.people.children) },
    'Region of Origin': { hxl: '#region+name+origin', value: (r) => r.extra.regionOfOrigin ?? null },
    'Cause of Death': { hxl: '#description+cause', value: (r) => r.state.causeOfDeath },
    'Country of Origin': {
      hxl: '#country+name+origin',
      value: (r) => r.extra.countryOfOrigin ?? nationalityNames(r.state) ?? 'Unknown',
    },
    'Location of death': { hxl: '#loc+name', value: (r) => r.state.place.name },
    'Information Source': { hxl: '#meta+source', value: (r) => r.state.source.name },
    Coordinates: { hxl: '#geo+coord', value: (r) => coords(r.state) },
    'Migration route': {
      hxl: '#meta+route',
      value: (r) => (r.state.route.code ? names('route', r.state.route.code) : (r.extra.routeText ?? null)),
    },
    URL: { hxl: '#meta+url', value: (r) => r.state.source.url ?? r.extra.urlText ?? null },
    'UNSD Geographical Grouping': { hxl: '#region+unsd', value: (r) => r.extra.unsd ?? null },
    'Source Quality': { hxl: '#meta+quality', value: (r) => n(r.state.source.quality) },
  };
  return MM22_HEADERS.map((header) => ({ header, ...byHeader[header] }));
}

/**
 * The Enlace layout in the reader's language: headers, names of terms, countries and modes. (The
 * Missing Migrants layout keeps IOM's English headers and names, so that it imports back.)
 */
function enlaceColumns(names: TermNames, locale: Locale): Column[] {
  const h = (key: string) => t(locale, `exports.incident.${key}`);
  const word = (key: string) => t(locale, `exports.${key}`);
  const p = (f: keyof IncidentState['people']) => (r: ExportRecord) => r.state.people[f];
  return [
    { header: h('reference'), hxl: '#event+id', value: (r) => r.row.reference },
    { header: h('reportingCountry'), hxl: '#country+code+reporting', value: (r) => r.row.country_code },
    {
      header: h('source'),
      hxl: '#meta+source+type',
      value: (r) => word(`source.${r.row.source}`),
    },
    { header: h('externalId'), hxl: '#event+id+external', value: (r) => r.row.external_id },
    { header: h('kind'), hxl: '#event+type', value: (r) => names('incident_kind', r.state.kind) },
    { header: h('mode'), hxl: '#indicator+mode', value: (r) => word(`mode.${r.state.mode}`) },
    { header: h('date'), hxl: '#date+occurred', value: (r) => r.state.occurredOn },
    { header: h('time'), hxl: '#date+utc', value: (r) => r.state.occurredAt },
    { header: h('timeZone'), hxl: '#date+tz', value: (r) => r.state.timeZone },
    { header: h('place'), hxl: '#loc+name', value: (r) => r.state.place.name },
    { header: h('latitude'), hxl: '#geo+lat', value: (r) => r.state.place.latitude },
    { header: h('longitude'), hxl: '#geo+lon', value: (r) => r.state.place.longitude },
    { header: h('countryCode'), hxl: '#country+code', value: (r) => r.state.place.countryCode },
    {
      header: h('country'),
      hxl: '#country+name',
      value: (r) => (r.state.place.countryCode ? countryName(r.state.place.countryCode, locale) : null),
    },
    {
      header: h('region'),
      hxl: '#region+name',
      value: (r) => (r.state.place.region ? names('region', r.state.place.region) : null),
    },
    {
      header: h('maritimeZone'),
      hxl: '#loc+zone',
      value: (r) => (r.state.place.maritimeZone ? names('maritime_zone', r.state.place.maritimeZone) : null),
    },
    { header: h('conveyance'), hxl: '#meta+conveyance+type', value: (r) => r.state.conveyance?.type ?? null },
    {
      header: h('conveyanceName'),
      hxl: '#meta+conveyance+name',
      value: (r) => r.state.conveyance?.name ?? null,
    },
    {
      header: h('registration'),
      hxl: '#meta+conveyance+id',
      value: (r) => r.state.conveyance?.registration ?? null,
    },
    {
      header: h('flagState'),
      hxl: '#country+code+flag',
      value: (r) => r.state.conveyance?.flagState ?? null,
    },
    {
      header: h('stateless'),
      hxl: '#meta+stateless',
      value: (r) =>
        r.state.conveyance?.stateless == null ? null : word(r.state.conveyance.stateless ? 'yes' : 'no'),
    },
    {
      header: h('confidence'),
      hxl: '#meta+confidence',
      value: (r) => (r.state.confidence ? word(`confidence.${r.state.confidence}`) : null),
    },
    {
      header: h('route'),
      hxl: '#meta+route',
      value: (r) => (r.state.route.code ? names('route', r.state.route.code) : null),
    },
    { header: h('origin'), hxl: '#country+code+origin', value: (r) => r.state.route.origin },
    {
      header: h('transit'),
      hxl: '#country+code+transit',
      value: (r) => r.state.route.transit.join(' ') || null,
    },
    { header: h('destination'), hxl: '#country+code+destination', value: (r) => r.state.route.destination },
    { header: h('migrants'), hxl: '#affected+migrants', value: p('migrants') },
    { header: h('females'), hxl: '#affected+f', value: p('females') },
    { header: h('males'), hxl: '#affected+m', value: p('males') },
    { header: h('children'), hxl: '#affected+children', value: p('children') },
    {
      header: h('unaccompaniedChildren'),
      hxl: '#affected+children+unaccompanied',
      value: p('unaccompaniedChildren'),
    },
    { header: h('dead'), hxl: '#affected+dead', value: p('dead') },
    { header: h('missing'), hxl: '#affected+missing', value: p('missing') },
    { header: h('survivors'), hxl: '#affected+survivors', value: p('survivors') },
    { header: h('injured'), hxl: '#affected+injured', value: p('injured') },
    { header: h('smugglersApprehended'), hxl: '#affected+smugglers', value: p('smugglersApprehended') },
    {
      header: h('nationalities'),
      hxl: '#country+code+nationality',
      value: (r) =>
        [
          ...new Set([
            ...r.state.nationalities,
            ...r.state.breakdown.flatMap((b) => (b.nationality ? [b.nationality] : [])),
          ]),
        ]
          .sort()
          .join(' ') || null,
    },
    {
      header: h('modusOperandi'),
      hxl: '#meta+modus',
      value: (r) => r.state.modusOperandi.map((c) => names('modus_operandi', c)).join('; ') || null,
    },
    { header: h('causeOfDeath'), hxl: '#description+cause', value: (r) => r.state.causeOfDeath },
    { header: h('informationSource'), hxl: '#meta+source', value: (r) => r.state.source.name },
    { header: h('url'), hxl: '#meta+url', value: (r) => r.state.source.url },
    { header: h('sourceQuality'), hxl: '#meta+quality', value: (r) => r.state.source.quality },
    { header: h('version'), hxl: '#meta+version', value: (r) => Number(r.row.version) },
    { header: h('updatedAt'), hxl: '#date+updated', value: (r) => r.row.updated_at },
  ];
}

/** HXL exports of the Missing Migrants layout add the coordinates split and the country. */
const HXL_EXTRA: Column[] = [
  { header: 'Latitude', hxl: '#geo+lat', value: (r) => r.state.place.latitude },
  { header: 'Longitude', hxl: '#geo+lon', value: (r) => r.state.place.longitude },
  {
    header: 'Country of Incident',
    hxl: '#country+name',
    value: (r) => (r.state.place.countryCode ? countryName(r.state.place.countryCode) : null),
  },
  { header: 'Country Code', hxl: '#country+code', value: (r) => r.state.place.countryCode },
];

export function exportColumns(
  format: ExportFormat,
  layout: ExportLayout,
  names: TermNames,
  locale: Locale = 'en',
): Column[] {
  if (layout === 'enlace') return enlaceColumns(names, locale);
  return format === 'hxl' ? [...mmColumns(names), ...HXL_EXTRA] : mmColumns(names);
}

/**
 * Writes incidents to `out` as CSV, HXL-tagged CSV (a second row of hashtags) or XLSX, streaming
 * page by page so that a large export does not sit in memory.
 */
export async function writeIncidents(
  records: AsyncIterable<ExportRecord[]>,
  format: ExportFormat,
  layout: ExportLayout,
  names: TermNames,
  out: Writable,
  locale: Locale = 'en',
): Promise<number> {
  const columns = exportColumns(format, layout, names, locale);
  let count = 0;
  if (format === 'xlsx') {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
    const sheet = workbook.addWorksheet('Incidents');
    sheet.columns = columns.map((c, i) => ({
      header: c.header,
      key: String(i),
      width: Math.min(40, c.header.length + 4),
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for await (const page of records) {
      for (const r of page) {
        sheet.addRow(columns.map((c) => c.value(r) ?? null)).commit();
        count++;
      }
    }
    sheet.commit();
    await workbook.commit();
    return count;
  }
  const csv = stringify();
  const done = pipeline(csv, out);
  const write = (cells: (string | number | null)[]) =>
    new Promise<void>((resolve) => {
      if (csv.write(cells.map((v) => (v === null ? '' : v)))) resolve();
      else csv.once('drain', resolve);
    });
  await write(columns.map((c) => c.header));
  if (format === 'hxl') await write(columns.map((c) => c.hxl));
  for await (const page of records) {
    for (const r of page) {
      await write(columns.map((c) => neutralize(c.value(r))));
      count++;
    }
  }
  csv.end();
  await done;
  return count;
}

/**
 * Text that a spreadsheet would run as a formula (=, +, @, or - not followed by a digit) gets a
 * leading apostrophe (OWASP "CSV injection"). Numbers and coordinates are left alone.
 */
export function neutralize(value: string | number | null): string | number | null {
  if (typeof value !== 'string') return value;
  return /^[=+@\t\r]/.test(value) || /^-(?![\d.])/.test(value) ? `'${value}` : value;
}

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  hxl: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A stream the API can send while the export is written into it. */
export function exportStream(): PassThrough {
  return new PassThrough();
}
