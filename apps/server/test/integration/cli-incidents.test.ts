import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = resolve(import.meta.dirname, '../../bin/enlace.mjs');
const SAMPLE = resolve(
  import.meta.dirname,
  '../../../..',
  '../shared/data/missing-migrants/MissingMigrants-Global-2026-05-06.csv',
);
const RAW = parse(readFileSync(SAMPLE, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
const sum = (rows: Record<string, string>[], col: string) =>
  rows.reduce((a, r) => a + (r[col] ? Number(r[col]) : 0), 0);

// The command line on a temporary SQLite file, whatever database the other tests use.
let dir: string;
let dbFile: string;
function enlace(args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], {
    env: {
      ...process.env,
      DATABASE_URL: dbFile,
      NODE_ENV: 'test',
      ENLACE_SECRET_KEY: Buffer.alloc(32, 5).toString('base64'),
    },
    encoding: 'utf8',
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'enlace-cli-incidents-'));
  dbFile = join(dir, 'x.db');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('enlace incidents and stats commands', () => {
  // Each step spawns the command line (a new process that loads, migrates and exits): seconds each
  // on a busy machine, so these tests get more than the default 30 s.
  it('refuses a malformed file listing its errors, and imports nothing', () => {
    const bad = join(dir, 'bad.csv');
    const lines = readFileSync(SAMPLE, 'utf8').trimEnd().split('\n');
    lines[3] = lines[3]?.replace(/,January,1,0,/, ',January,1,zero,') ?? '';
    writeFileSync(bad, `${lines.join('\n')}\n`);
    const run = enlace(['incidents', 'import', bad, '--format', 'missing-migrants', '--country', 'MEX']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Nothing imported: 1 error/);
    expect(run.stderr).toMatch(
      /row 4, column "Minimum Estimated Number of Missing": “zero” is not a whole number/,
    );
    const stats = enlace(['stats', 'incidents', '--format', 'json']);
    expect(stats.status).toBe(0);
    expect(JSON.parse(stats.stdout).total.incidents).toBe(0);
  }, 120_000);

  it('imports the real sample and prints the dashboard’s figures by year and route', () => {
    const run = enlace(['incidents', 'import', SAMPLE, '--format', 'missing-migrants', '--country', 'MEX']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(`Imported ${RAW.length} rows \\(missing-migrants-22\\) into MEX: ${RAW.length} new`),
    );
    const csv = enlace([
      'stats',
      'incidents',
      '--by',
      'year,route',
      '--region',
      'central_america',
      '--format',
      'csv',
    ]);
    expect(csv.status).toBe(0);
    const table = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    const central = RAW.filter((r) => r.Region === 'Central America');
    const total = table.find((r) => r.year === 'total');
    expect(Number(total?.incidents)).toBe(central.length);
    expect(Number(total?.dead)).toBe(sum(central, 'Number Dead'));
    const border = table.find((r) => r.route === 'us_mexico_border');
    expect(Number(border?.incidents)).toBe(
      central.filter((r) => r['Migration route'] === 'US-Mexico border crossing').length,
    );
    // The same figures as JSON, as the API gives them.
    const json = JSON.parse(enlace(['stats', 'incidents', '--by', 'year', '--format', 'json']).stdout);
    expect(json.rows[0]).toMatchObject({ key: { year: '2026' }, incidents: RAW.length });
    expect(json.total.values.missing).toBe(sum(RAW, 'Minimum Estimated Number of Missing'));
    const published = enlace([
      'stats',
      'incidents',
      '--by',
      'route',
      '--region',
      'caribbean',
      '--publication',
    ]);
    expect(published.stdout).toContain('<5');
    expect(enlace(['stats', 'incidents', '--by', 'galaxy']).stderr).toMatch(/Unknown dimension: galaxy/);
  }, 120_000);

  it('exports CSV, HXL and XLSX files, and rebuilds the rollups to the same figures', async () => {
    const csvFile = join(dir, 'out.csv');
    const run = enlace(['incidents', 'export', '--format', 'csv', '--out', csvFile]);
    expect(run.stdout).toMatch(new RegExp(`Exported ${RAW.length} incidents`));
    expect((parse(readFileSync(csvFile, 'utf8'), { columns: true }) as unknown[]).length).toBe(RAW.length);
    const hxlFile = join(dir, 'out-hxl.csv');
    enlace(['incidents', 'export', '--format', 'hxl', '--out', hxlFile]);
    expect((parse(readFileSync(hxlFile, 'utf8')) as string[][])[1]).toContain('#affected+dead');
    const xlsxFile = join(dir, 'out.xlsx');
    enlace(['incidents', 'export', '--format', 'xlsx', '--layout', 'enlace', '--out', xlsxFile]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsxFile);
    expect(book.worksheets[0]?.rowCount).toBe(RAW.length + 1);
    const before = enlace(['stats', 'incidents', '--by', 'region']).stdout;
    expect(enlace(['stats', 'rebuild']).stdout).toMatch(
      new RegExp(`Rollups rebuilt from ${RAW.length} incidents`),
    );
    expect(enlace(['stats', 'incidents', '--by', 'region']).stdout).toBe(before);
  }, 120_000);
});
