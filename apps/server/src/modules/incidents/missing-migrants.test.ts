import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { REFERENCE_VOCABULARIES } from '../../seeds/reference/vocabularies';
import { vocabIndexOf } from './incident-state';
import { countryOfLocation, resolveCountryName } from './iso-countries';
import {
  MM22_HEADERS,
  MM25_HEADERS,
  parseCoordinates,
  parseCount,
  parseMissingMigrants,
  parseMmDate,
  parseOrigins,
} from './missing-migrants';

const SAMPLE = resolve(
  import.meta.dirname,
  '../../../../..',
  '../shared/data/missing-migrants/MissingMigrants-Global-2026-05-06.csv',
);
const vocab = vocabIndexOf(REFERENCE_VOCABULARIES);

describe('Missing Migrants cells', () => {
  it('reads the dates of both layouts as local calendar dates', () => {
    expect(parseMmDate('Thu, 01/01/2026 - 12:00')).toBe('2026-01-01');
    expect(parseMmDate('Sat, 12/31/2016 - 12:00')).toBe('2016-12-31');
    expect(parseMmDate('01/13/2015')).toBe('2015-01-13');
    expect(parseMmDate('January 5, 2015')).toBe('2015-01-05');
    expect(parseMmDate('5 Jan 2015')).toBe('2015-01-05');
    expect(parseMmDate('2019-02-28')).toBe('2019-02-28');
    expect(parseMmDate('Thu, 02/30/2026 - 12:00')).toBeNull();
    expect(parseMmDate('02/29/2024')).toBe('2024-02-29');
    expect(parseMmDate('02/29/2100')).toBeNull();
    expect(parseMmDate('02/29/2000')).toBe('2000-02-29');
    expect(parseMmDate('04/31/2020')).toBeNull();
    expect(parseMmDate('2020-00-10')).toBeNull();
    expect(parseMmDate('0099-01-10')).toBeNull();
    expect(parseMmDate('13/01/2015')).toBeNull();
    expect(parseMmDate('yesterday')).toBeNull();
  });

  it('keeps a blank count unknown, never zero, and refuses what is not a whole number', () => {
    expect(parseCount('')).toBeNull();
    expect(parseCount('  ')).toBeNull();
    expect(parseCount('0')).toBe(0);
    expect(parseCount('12')).toBe(12);
    expect(parseCount('3.0')).toBe(3);
    expect(parseCount('1,204')).toBe(1204);
    expect(parseCount('-5')).toBe(-5);
    expect(parseCount('2.5')).toBe('invalid');
    expect(parseCount('about 10')).toBe('invalid');
  });

  it('reads coordinates as "lat, lon" or WKT points, within range', () => {
    expect(parseCoordinates('37.34265178, 42.99259985')).toEqual({ lat: 37.34265178, lon: 42.99259985 });
    expect(parseCoordinates('POINT (-5.3 35.8)')).toEqual({ lat: 35.8, lon: -5.3 });
    expect(parseCoordinates('')).toBeNull();
    expect(parseCoordinates('95, 10')).toBe('invalid');
    expect(parseCoordinates('somewhere')).toBe('invalid');
  });

  it('resolves country names in three languages and UN spellings', () => {
    expect(resolveCountryName('Venezuela (Bolivarian Republic of)')).toBe('VEN');
    expect(resolveCountryName('México')).toBe('MEX');
    expect(resolveCountryName('Haïti')).toBe('HTI');
    expect(resolveCountryName('Syrian Arab Republic')).toBe('SYR');
    expect(resolveCountryName("Lao People's Democratic Republic")).toBe('LAO');
    expect(resolveCountryName('Türkiye')).toBe('TUR');
    expect(resolveCountryName('Atlantis')).toBeNull();
    expect(parseOrigins('Guatemala, Honduras')).toEqual({ codes: ['GTM', 'HND'], unknown: [] });
    expect(parseOrigins('Mixed/Unknown')).toEqual({ codes: [], unknown: [] });
    expect(countryOfLocation('Rio Bravo close to Paseo del Río, Piedras Negras, Coahuila, Mexico')).toBe(
      'MEX',
    );
    expect(countryOfLocation('Near the breakwater, Ceuta, Spain')).toBe('ESP');
    expect(countryOfLocation('Bodies found, Morocco - missing during Ceuta crossing since 29 Dec')).toBe(
      'MAR',
    );
  });
});

describe('Missing Migrants files', () => {
  it('imports the real 22-column sample with its totals, blanks as unknown', () => {
    const text = readFileSync(SAMPLE, 'utf8');
    const result = parseMissingMigrants(text, vocab);
    expect(result.errors).toEqual([]);
    expect(result.layout).toBe('missing-migrants-22');
    const raw = parse(text, { columns: true, bom: true }) as Record<string, string>[];
    expect(result.records.length).toBe(raw.length);
    const total = (col: string) => raw.reduce((s, r) => s + (r[col] ? Number(r[col]) : 0), 0);
    const blanks = (col: string) => raw.filter((r) => r[col] === '').length;
    const dead = result.records.reduce((s, r) => s + (r.patch.people?.dead ?? 0), 0);
    const missing = result.records.reduce((s, r) => s + (r.patch.people?.missing ?? 0), 0);
    expect(dead).toBe(total('Number Dead'));
    expect(missing).toBe(total('Minimum Estimated Number of Missing'));
    expect(result.records.filter((r) => r.patch.people?.dead === null).length).toBe(blanks('Number Dead'));
    const centralAmerica = result.records.filter((r) => r.patch.place?.region === 'central_america');
    expect(centralAmerica.length).toBe(raw.filter((r) => r.Region === 'Central America').length);
    expect(centralAmerica.every((r) => r.patch.place?.countryCode === 'MEX')).toBe(true);
    const darien = result.records.find((r) => r.patch.route?.code === 'darien');
    expect(darien?.patch.place?.countryCode).toBe('PAN');
  });

  it('recognises the older 25-column layout by its header', () => {
    const row = [
      '2015.MMP001',
      '2015.MMP001',
      'Incident',
      'US-Mexico Border',
      'January 5, 2015',
      '2015',
      'Jan',
      '2',
      '',
      '2',
      '',
      '1',
      '1',
      '',
      'Guatemala',
      'Central America',
      'Drowning',
      'United States of America',
      'US-Mexico border crossing',
      'Rio Grande near Eagle Pass, Texas',
      '28.70, -100.50',
      'Northern America',
      'US Border Patrol',
      'https://example.org/a',
      '4',
    ];
    const text = `${MM25_HEADERS.join(',')}\n${row.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')}\n`;
    const result = parseMissingMigrants(text, vocab);
    expect(result.errors).toEqual([]);
    expect(result.layout).toBe('missing-migrants-25');
    const patch = result.records[0]?.patch;
    expect(patch?.occurredOn).toBe('2015-01-05');
    expect(patch?.people).toMatchObject({ dead: 2, missing: null, survivors: null, females: 1, males: 1 });
    expect(patch?.place).toMatchObject({ countryCode: 'USA', region: 'us_mexico_border', latitude: 28.7 });
    expect(patch?.route).toMatchObject({ code: 'us_mexico_border', origin: 'GTM', destination: 'USA' });
    expect(patch?.mode).toBe('land');
    expect(patch?.confidence).toBe('high');
  });

  it('lists every bad cell with its row and column, and keeps nothing from a bad file', () => {
    const good = (id: string) =>
      [
        id,
        id,
        'Caribbean',
        '"Thu, 01/01/2026 - 12:00"',
        '2026',
        'January',
        '1',
        '0',
        '',
        '',
        '',
        '',
        '',
        'Drowning',
        'Haiti',
        'Off Haiti',
        'Src',
        '"18.5, -72.3"',
        '',
        '',
        '',
        '3',
      ].join(',');
    const bad = [
      'X2',
      'X2',
      'Caribbean',
      '31/12/2026',
      '2026',
      'January',
      'two',
      '0',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '"91, 0"',
      '',
      '',
      '',
      '9',
    ].join(',');
    const text = [MM22_HEADERS.join(','), good('X1'), bad, good('X1'), 'a,b'].join('\n');
    const result = parseMissingMigrants(text, vocab);
    expect(result.errors).toEqual([
      { row: 3, column: 'Incident Date', code: 'import_invalid_date', params: { value: '31/12/2026' } },
      { row: 3, column: 'Number Dead', code: 'import_invalid_count', params: { value: 'two' } },
      { row: 3, column: 'Coordinates', code: 'import_invalid_coordinates', params: { value: '91, 0' } },
      { row: 3, column: 'Source Quality', code: 'import_invalid_quality', params: { value: '9' } },
      { row: 4, column: 'Incident ID', code: 'import_duplicate_id', params: { other: 2 } },
      { row: 5, column: null, code: 'import_column_count', params: { count: 2, expected: 22 } },
    ]);
    // A NUL character cannot be stored (PostgreSQL refuses it): the row is refused, naming the cell.
    const nul = good('X2').replace('Caribbean', 'Carib\u0000bean');
    const withNul = parseMissingMigrants([MM22_HEADERS.join(','), good('X1'), nul].join('\n'), vocab);
    expect(withNul.errors).toEqual([{ row: 3, column: 'Region', code: 'import_invalid_character' }]);
  });

  it('refuses over-long cells, dates before 1990 and text that was not UTF-8 as row errors, cutting nothing', () => {
    const row = (id: string, date: string, location: string, dead = '1', missing = '0') =>
      [
        id,
        id,
        'Caribbean',
        `"${date}"`,
        '2026',
        'January',
        dead,
        missing,
        '',
        '',
        '',
        '',
        '',
        'Drowning',
        'Haiti',
        `"${location}"`,
        'Src',
        '"18.5, -72.3"',
        '',
        '',
        '',
        '3',
      ].join(',');
    const long = `Off Haiti ${'x'.repeat(300)}`;
    const text = [
      MM22_HEADERS.join(','),
      row('A1', 'Thu, 01/01/2026 - 12:00', long),
      row('A2', 'Mon, 01/01/1900 - 12:00', 'Off Haiti'),
      row('A3', 'Thu, 01/01/2026 - 12:00', 'Off Ha\uFFFDti'),
      // IOM's adjustments (a negative number of missing) are no inconsistency.
      row('A4', 'Thu, 01/01/2026 - 12:00', 'Off Haiti', '5', '-3'),
    ].join('\n');
    const result = parseMissingMigrants(text, vocab);
    expect(result.errors).toEqual([
      {
        row: 2,
        column: 'Location of death',
        code: 'import_too_long',
        params: { length: long.length, max: 300 },
      },
      {
        row: 3,
        column: 'Incident Date',
        code: 'import_date_out_of_range',
        params: { date: '1900-01-01', min: '1990-01-01' },
      },
      { row: 4, column: 'Location of death', code: 'import_invalid_encoding' },
    ]);
    expect(result.records.map((r) => r.externalId)).toEqual(['A4']);
    expect(result.warnings.map((w) => w.code)).toContain('import_adjustment');
  });

  it('refuses a file of another layout, naming the missing columns', () => {
    const result = parseMissingMigrants('Main ID,Incident ID,Something\n1,2,3\n', vocab);
    expect(result.errors[0]?.code).toBe('import_unknown_layout');
    expect(String(result.errors[0]?.params?.missing)).toContain('Incident Date');
  });
});
