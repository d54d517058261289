import {
  type FlowStats,
  INCIDENT_MEASURES,
  type IncidentStats,
  type Locale,
  type PeopleStats,
  type StatsDimension,
  type StatsFilterQuery,
} from '@enlace/shared';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { requirePermission } from '../../platform/authz/access';
import { type Ctx, withTx } from '../../platform/context';
import { t } from '../../platform/i18n';
import { neutralize, type TermNames } from '../incidents/incidents.export';
import { countryName } from '../incidents/iso-countries';
import { termNames } from '../incidents/incidents.transfer';
import { computeFlowStats, computeIncidentStats, computePeopleStats } from './stats.service';

type Value = string | number | null;

/** A table of figures as a spreadsheet shows it: readable headers, their HXL hashtags, rows. */
export interface StatsSheet {
  name: string;
  columns: { header: string; hxl: string }[];
  rows: Value[][];
}

const MEASURE_HXL: Record<(typeof INCIDENT_MEASURES)[number], string> = {
  migrants: '#affected+migrants',
  females: '#affected+f',
  males: '#affected+m',
  children: '#affected+children',
  unaccompaniedChildren: '#affected+children+unaccompanied',
  dead: '#affected+dead',
  missing: '#affected+missing',
  survivors: '#affected+survivors',
  injured: '#affected+injured',
  smugglersApprehended: '#affected+smugglers',
};

const DIMENSION_HXL: Record<StatsDimension, string> = {
  year: '#date+year',
  month: '#date+month',
  country: '#country+name',
  region: '#region+name',
  mode: '#indicator+mode',
  route: '#meta+route',
  kind: '#event+type',
};

const SUPPRESSED_HXL = '#meta+suppressed';

/** Words of the export in the reader's language. */
function words(locale: Locale) {
  const w = (key: string) => t(locale, `exports.${key}`);
  return {
    w,
    measure: (m: string) => w(`measure.${m}`),
    /** The flag column: the names of the columns withheld in this row, or nothing. */
    flag: (withheld: string[]) => withheld.map((m) => w(`measure.${m}`)).join('; ') || null,
    country: (code: string | null) => (code ? countryName(code, locale) : w('unknown')),
  };
}

/**
 * Incidents by the dashboard's dimensions. A country is written as its code and its name; a
 * withheld (small) cell is left empty and named in the last column.
 */
export function incidentSheet(stats: IncidentStats, locale: Locale, names: TermNames): StatsSheet {
  const { w, measure, flag, country } = words(locale);
  const columns: StatsSheet['columns'] = [];
  for (const d of stats.by) {
    if (d === 'country') columns.push({ header: w('dimension.countryCode'), hxl: '#country+code' });
    columns.push({ header: w(`dimension.${d}`), hxl: DIMENSION_HXL[d] });
  }
  columns.push({ header: measure('incidents'), hxl: '#indicator+incidents' });
  for (const m of INCIDENT_MEASURES) columns.push({ header: measure(m), hxl: MEASURE_HXL[m] });
  columns.push({ header: w('suppressed'), hxl: SUPPRESSED_HXL });

  const label = (d: StatsDimension, v: string | null): Value[] => {
    if (d === 'country') return [v, country(v)];
    if (v === null) return [w('unknown')];
    if (d === 'year') return [Number(v)];
    if (d === 'month') return [v];
    if (d === 'mode') return [w(`mode.${v}`)];
    if (d === 'kind') return [names('incident_kind', v)];
    return [names(d, v)];
  };
  const figures = (r: IncidentStats['rows'][number]): Value[] => [
    r.incidents,
    ...INCIDENT_MEASURES.map((m) => r.values[m]),
    flag(r.suppressed),
  ];
  const rows = stats.rows.map((r) => [...stats.by.flatMap((d) => label(d, r.key[d] ?? null)), ...figures(r)]);
  const keyWidth = columns.length - INCIDENT_MEASURES.length - 2;
  const totalLabel = new Array<Value>(keyWidth).fill(null);
  if (keyWidth > 0) totalLabel[stats.by[0] === 'country' ? 1 : 0] = w('total');
  rows.push([...totalLabel, ...figures(stats.total)]);
  return { name: measure('incidents'), columns, rows };
}

/** Persons by sex, by age group and by nationality, one block after the other. */
export function peopleSheet(p: PeopleStats, locale: Locale): StatsSheet {
  const { w, measure, country } = words(locale);
  const columns = [
    { header: w('people.breakdown'), hxl: '#meta+breakdown' },
    { header: w('dimension.countryCode'), hxl: '#country+code+nationality' },
    { header: w('people.value'), hxl: '#group+name' },
    { header: measure('persons'), hxl: '#affected+persons' },
    { header: w('suppressed'), hxl: SUPPRESSED_HXL },
  ];
  const line = (
    kind: string,
    code: string | null,
    name: string,
    c: { persons: number | null; suppressed: boolean },
  ) => [w(`people.${kind}`), code, name, c.persons, c.suppressed ? measure('persons') : null];
  return {
    name: measure('persons'),
    columns,
    rows: [
      ...p.bySex.map((r) => line('sex', null, w(`sex.${r.sex}`), r)),
      ...p.byAgeGroup.map((r) => line('ageGroup', null, w(`ageGroup.${r.ageGroup}`), r)),
      ...p.byNationality.map((r) => line('nationality', r.nationality, country(r.nationality), r)),
      line('total', null, w('total'), p.detailed),
    ],
  };
}

/** Route flows: origin and destination (code and name), incidents and persons. */
export function flowSheet(f: FlowStats, locale: Locale): StatsSheet {
  const { w, measure, flag, country } = words(locale);
  const columns = [
    { header: w('flow.originCode'), hxl: '#country+code+origin' },
    { header: w('flow.origin'), hxl: '#country+name+origin' },
    { header: w('flow.destinationCode'), hxl: '#country+code+destination' },
    { header: w('flow.destination'), hxl: '#country+name+destination' },
    { header: measure('incidents'), hxl: '#indicator+incidents' },
    { header: measure('migrants'), hxl: MEASURE_HXL.migrants },
    { header: measure('dead'), hxl: MEASURE_HXL.dead },
    { header: measure('missing'), hxl: MEASURE_HXL.missing },
    { header: w('suppressed'), hxl: SUPPRESSED_HXL },
  ];
  return {
    name: w('dimension.route'),
    columns,
    rows: f.flows.map((r) => [
      r.origin,
      country(r.origin),
      r.destination,
      country(r.destination),
      r.incidents,
      r.migrants,
      r.dead,
      r.missing,
      flag(r.suppressed),
    ]),
  };
}

/**
 * A sheet as CSV (numbers unquoted, empty cells for unknown or withheld figures), as HXL-tagged
 * CSV (a second header row of hashtags) or as XLSX (numbers in numeric cells).
 */
export async function writeSheet(
  sheet: StatsSheet,
  format: 'csv' | 'hxl' | 'xlsx',
): Promise<Buffer | string> {
  if (format !== 'xlsx') {
    const head = [sheet.columns.map((c) => c.header)];
    if (format === 'hxl') head.push(sheet.columns.map((c) => c.hxl));
    return stringify([...head, ...sheet.rows.map((r) => r.map((v) => (v === null ? '' : neutralize(v))))]);
  }
  const workbook = new ExcelJS.Workbook();
  // Sheet names: at most 31 characters, none of : \ / ? * [ ].
  const ws = workbook.addWorksheet(sheet.name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31));
  ws.addRow(sheet.columns.map((c) => c.header)).font = { bold: true };
  for (const r of sheet.rows) ws.addRow(r.map((v) => (typeof v === 'string' ? neutralize(v) : v)));
  ws.columns.forEach((col, i) => {
    col.width = Math.min(40, Math.max(10, (sheet.columns[i]?.header.length ?? 8) + 2));
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  hxl: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
} as const;

/**
 * The dashboard's tables for publication, in the reader's language: small cells always
 * suppressed, whoever asks.
 */
export async function publicationExport(
  ctx: Ctx,
  q: StatsFilterQuery & {
    by: string;
    table: 'incidents' | 'people' | 'flows';
    format: 'csv' | 'xlsx' | 'json' | 'hxl';
  },
): Promise<{ contentType: string; filename: string; body: Buffer | string }> {
  await requirePermission(ctx, 'stats.read');
  const query = { ...q, publication: 'true' as const };
  const locale = ctx.locale;
  let data: IncidentStats | PeopleStats | FlowStats;
  let sheet: StatsSheet;
  if (q.table === 'people') {
    const p = await computePeopleStats(ctx.db, query, true);
    data = p;
    sheet = peopleSheet(p, locale);
  } else if (q.table === 'flows') {
    const fl = await computeFlowStats(ctx.db, query, true);
    data = fl;
    sheet = flowSheet(fl, locale);
  } else {
    const s = await computeIncidentStats(ctx.db, query, true);
    data = s;
    sheet = incidentSheet(s, locale, await termNames(ctx, locale));
  }
  await withTx(ctx, async (_trx, audit) => {
    await audit({
      action: 'stats.exported',
      objectType: 'stats',
      objectId: q.table,
      details: { format: q.format, by: q.by },
    });
  });
  const extension = q.format === 'hxl' ? 'csv' : q.format;
  const filename = `enlace-${q.table}-statistics${q.format === 'hxl' ? '-hxl' : ''}.${extension}`;
  const body = q.format === 'json' ? JSON.stringify(data) : await writeSheet(sheet, q.format);
  return { contentType: CONTENT_TYPES[q.format], filename, body };
}
