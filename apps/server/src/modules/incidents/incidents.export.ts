import { PassThrough, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { IncidentState } from '@enlace/shared';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
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

/** Names of vocabulary terms for exports: Missing Migrants' own name when it has one, else English. */
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

function enlaceColumns(names: TermNames): Column[] {
  const p = (f: keyof IncidentState['people']) => (r: ExportRecord) => r.state.people[f];
  return [
    { header: 'Reference', hxl: '#event+id', value: (r) => r.row.reference },
    { header: 'Reporting country', hxl: '#country+code+reporting', value: (r) => r.row.country_code },
    { header: 'Source', hxl: '#meta+source+type', value: (r) => r.row.source },
    { header: 'External ID', hxl: '#event+id+external', value: (r) => r.row.external_id },
    { header: 'Kind', hxl: '#event+type', value: (r) => names('incident_kind', r.state.kind) },
    { header: 'Mode', hxl: '#indicator+mode', value: (r) => r.state.mode },
    { header: 'Date (local)', hxl: '#date+occurred', value: (r) => r.state.occurredOn },
    { header: 'Time (UTC)', hxl: '#date+utc', value: (r) => r.state.occurredAt },
    { header: 'Time zone', hxl: '#date+tz', value: (r) => r.state.timeZone },
    { header: 'Place', hxl: '#loc+name', value: (r) => r.state.place.name },
    { header: 'Latitude', hxl: '#geo+lat', value: (r) => r.state.place.latitude },
    { header: 'Longitude', hxl: '#geo+lon', value: (r) => r.state.place.longitude },
    { header: 'Country code', hxl: '#country+code', value: (r) => r.state.place.countryCode },
    {
      header: 'Country',
      hxl: '#country+name',
      value: (r) => (r.state.place.countryCode ? countryName(r.state.place.countryCode) : null),
    },
    {
      header: 'Region',
      hxl: '#region+name',
      value: (r) => (r.state.place.region ? names('region', r.state.place.region) : null),
    },
    {
      header: 'Maritime zone',
      hxl: '#loc+zone',
      value: (r) => (r.state.place.maritimeZone ? names('maritime_zone', r.state.place.maritimeZone) : null),
    },
    { header: 'Conveyance', hxl: '#meta+conveyance+type', value: (r) => r.state.conveyance?.type ?? null },
    {
      header: 'Conveyance name',
      hxl: '#meta+conveyance+name',
      value: (r) => r.state.conveyance?.name ?? null,
    },
    {
      header: 'Registration',
      hxl: '#meta+conveyance+id',
      value: (r) => r.state.conveyance?.registration ?? null,
    },
    { header: 'Flag State', hxl: '#country+code+flag', value: (r) => r.state.conveyance?.flagState ?? null },
    {
      header: 'Stateless vessel',
      hxl: '#meta+stateless',
      value: (r) =>
        r.state.conveyance?.stateless == null ? null : r.state.conveyance.stateless ? 'yes' : 'no',
    },
    { header: 'Confidence', hxl: '#meta+confidence', value: (r) => r.state.confidence },
    {
      header: 'Route',
      hxl: '#meta+route',
      value: (r) => (r.state.route.code ? names('route', r.state.route.code) : null),
    },
    { header: 'Origin', hxl: '#country+code+origin', value: (r) => r.state.route.origin },
    {
      header: 'Transit',
      hxl: '#country+code+transit',
      value: (r) => r.state.route.transit.join(' ') || null,
    },
    { header: 'Destination', hxl: '#country+code+destination', value: (r) => r.state.route.destination },
    { header: 'Migrants', hxl: '#affected+migrants', value: p('migrants') },
    { header: 'Females', hxl: '#affected+f', value: p('females') },
    { header: 'Males', hxl: '#affected+m', value: p('males') },
    { header: 'Children', hxl: '#affected+children', value: p('children') },
    {
      header: 'Unaccompanied children',
      hxl: '#affected+children+unaccompanied',
      value: p('unaccompaniedChildren'),
    },
    { header: 'Dead', hxl: '#affected+dead', value: p('dead') },
    { header: 'Missing', hxl: '#affected+missing', value: p('missing') },
    { header: 'Survivors', hxl: '#affected+survivors', value: p('survivors') },
    { header: 'Injured', hxl: '#affected+injured', value: p('injured') },
    { header: 'Smugglers apprehended', hxl: '#affected+smugglers', value: p('smugglersApprehended') },
    {
      header: 'Nationalities',
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
      header: 'Modus operandi',
      hxl: '#meta+modus',
      value: (r) => r.state.modusOperandi.map((c) => names('modus_operandi', c)).join('; ') || null,
    },
    { header: 'Cause of death', hxl: '#description+cause', value: (r) => r.state.causeOfDeath },
    { header: 'Information source', hxl: '#meta+source', value: (r) => r.state.source.name },
    { header: 'URL', hxl: '#meta+url', value: (r) => r.state.source.url },
    { header: 'Source quality', hxl: '#meta+quality', value: (r) => r.state.source.quality },
    { header: 'Version', hxl: '#meta+version', value: (r) => Number(r.row.version) },
    { header: 'Updated at', hxl: '#date+updated', value: (r) => r.row.updated_at },
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

export function exportColumns(format: ExportFormat, layout: ExportLayout, names: TermNames): Column[] {
  if (layout === 'enlace') return enlaceColumns(names);
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
): Promise<number> {
  const columns = exportColumns(format, layout, names);
  let count = 0;
  if (format === 'xlsx') {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
    const sheet = workbook.addWorksheet('Incidents');
    sheet.columns = columns.map((c) => ({
      header: c.header,
      key: c.header,
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
