// `npm run bench:stats [-- --incidents N --rounds R --import-rows K]`: loads N synthetic incidents
// (default 1,000,000) with their person counts, and a case for every twenty, into SQLite and then
// into a throwaway PostgreSQL cluster (scripts/with-postgres.mjs); runs every dashboard query
// with a rotation of filters, R rounds each, through the same service functions as the API and
// the CLI; prints p50 and p95 per query and database, and the rows per second of a Missing
// Migrants import of K rows. Target: p95 ≤ 150 ms for every query, import ≥ 20,000 rows/s.
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { caseListQuerySchema, incidentListQuerySchema, type StatsFilterQuery } from '@enlace/shared';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../apps/server/src/config';
import { type Db, openDb } from '../apps/server/src/db/dialect';
import { migrateToLatest } from '../apps/server/src/db/migrate';
import { seedReference } from '../apps/server/src/seeds/reference';
import { storeGeneratedCases } from '../apps/server/src/modules/cases/cases.service';
import { applyPatch } from '../apps/server/src/modules/incidents/incident-state';
import type { RowMeta } from '../apps/server/src/modules/incidents/incident-row';
import {
  listIncidents,
  type NewIncident,
  storeNewIncidents,
} from '../apps/server/src/modules/incidents/incidents.service';
import { listCases } from '../apps/server/src/modules/cases/cases.service';
import { importMissingMigrants } from '../apps/server/src/modules/incidents/incidents.transfer';
import { applyRollupDelta } from '../apps/server/src/modules/stats/rollup.repository';
import { ROLLUPS, RollupDelta } from '../apps/server/src/modules/stats/rollups';
import {
  caseStats,
  flowStats,
  incidentStats,
  mapStats,
  modusStats,
  peopleStats,
} from '../apps/server/src/modules/stats/stats.service';
import { buildActor } from '../apps/server/src/platform/authz/access';
import { systemClock } from '../apps/server/src/platform/clock';
import { uuidv7 } from '../apps/server/src/platform/ids';
import type { Ctx } from '../apps/server/src/platform/context';
import { missingMigrantsCsv, prng, syntheticCase, syntheticIncidents } from './generators/incidents';

const { values: args } = parseArgs({
  options: {
    incidents: { type: 'string', default: '1000000' },
    rounds: { type: 'string', default: '20' },
    'import-rows': { type: 'string', default: '100000' },
    // A database kept between runs (a SQLite file or a postgres:// URL): loaded only when it holds
    // no incident yet, never dropped; only that engine runs. Loading 1,000,000 incidents takes
    // minutes, a run of the lists seconds.
    db: { type: 'string' },
    // Only the queries whose name matches this regular expression.
    only: { type: 'string' },
  },
});
const N = Number(args.incidents);
const ROUNDS = Number(args.rounds);
const IMPORT_ROWS = Number(args['import-rows']);
const CHUNK = 10_000;
const ONLY = args.only ? new RegExp(args.only) : null;

interface Measured {
  dialect: string;
  load: {
    seconds: number;
    incidents: number;
    cases: number;
    rollupRows: Record<string, number>;
    bytes: number | null;
  };
  queries: Record<string, { p50: number; p95: number; max: number; runs: number }>;
  importRowsPerSecond: number;
  importSeconds: number;
}

function ctxFor(db: Db): Ctx {
  const config = {
    ...loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: ':memory:',
      ENLACE_SECRET_KEY: randomBytes(32).toString('base64'),
      ENLACE_WEB_DIST: '/nonexistent',
    }),
    logLevel: 'silent',
  };
  // An analyst (stats.detail: unsuppressed) of Mexico, as the dashboard's heaviest reader.
  const actor = buildActor(
    { id: randomUUID(), role: 'analyst', country_code: 'MEX', agency_id: null },
    'bench',
  );
  return { db, config, clock: systemClock, actor, ip: null, locale: 'en' };
}

async function load(ctx: Ctx): Promise<Measured['load']> {
  const started = performance.now();
  const at = new Date().toISOString();
  const r = prng(99);
  let batch: NewIncident[] = [];
  let cases = 0;
  let n = 0;
  // One transaction per 100,000 incidents, as an import would do it: incidents stored in chunks of
  // 10,000, their cases, and the rollups written once at the end of the transaction (the same
  // months and places recur, so each rollup row is written once per transaction).
  const store = async () => {
    const delta = new RollupDelta();
    await ctx.db.kysely.transaction().execute(async (trx) => {
      for (let i = 0; i < batch.length; i += CHUNK) {
        const chunk = batch.slice(i, i + CHUNK);
        const generated = chunk
          .filter(() => r() < 0.05)
          .map((item) => ({
            ...syntheticCase(r, item.meta.countryCode, item.state.occurredOn, ++cases),
            incidentIds: [item.meta.id],
          }));
        await storeNewIncidents(ctx, trx, chunk, delta, { flush: false });
        await storeGeneratedCases(ctx, trx, generated, { demo: true, at });
      }
      await applyRollupDelta(ctx.db, trx, delta);
    });
    batch = [];
  };
  for (const g of syntheticIncidents(N, 1)) {
    n++;
    const { state } = applyPatch(g.state, {}, g.owner);
    const meta: RowMeta = {
      id: uuidv7(),
      countryCode: g.owner,
      reference: `${g.owner}-${state.occurredOn.replaceAll('-', '')}-B${n}`,
      source: 'enlace',
      externalId: null,
      sourceExtra: null,
      version: 1,
      isDemo: true,
      createdAt: at,
      createdBy: null,
      updatedAt: at,
      updatedBy: null,
    };
    batch.push({ state, meta });
    if (batch.length >= 10 * CHUNK) {
      await store();
      process.stderr.write(`  ${ctx.db.dialect}: ${n.toLocaleString('en')} incidents loaded\n`);
    }
  }
  if (batch.length) await store();
  if (ctx.db.dialect === 'postgres') await sql`VACUUM ANALYZE`.execute(ctx.db.kysely);
  else await sql`ANALYZE`.execute(ctx.db.kysely);
  const seconds = (performance.now() - started) / 1000;
  const rollupRows: Record<string, number> = {};
  for (const spec of Object.values(ROLLUPS)) {
    const { rows } = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM ${sql.table(spec.table)}`.execute(
      ctx.db.kysely,
    );
    rollupRows[spec.table] = Number(rows[0]?.n ?? 0);
  }
  return { seconds, incidents: n, cases, rollupRows, bytes: null };
}

/** The filters a dashboard user switches between; each query runs with every one in turn. */
const FILTERS: StatsFilterQuery[] = [
  {},
  { from: '2025-11', to: '2026-10' },
  { country: 'MEX' },
  { mode: 'sea' },
  { route: 'darien', from: '2023-01', to: '2024-12' },
  { nationality: 'HND' },
  { country: 'GTM', nationality: 'SLV', from: '2020-01', to: '2026-10' },
  { region: 'caribbean', mode: 'sea', from: '2024-01' },
];

const QUERIES: Record<string, (ctx: Ctx, f: StatsFilterQuery) => Promise<unknown>> = {
  'summary (totals)': (ctx, f) => incidentStats(ctx, { ...f, by: '' }),
  'incidents over time (by month)': (ctx, f) => incidentStats(ctx, { ...f, by: 'month' }),
  'by year and route (CLI)': (ctx, f) => incidentStats(ctx, { ...f, by: 'year,route' }),
  'by country': (ctx, f) => incidentStats(ctx, { ...f, by: 'country' }),
  'by kind and mode': (ctx, f) => incidentStats(ctx, { ...f, by: 'kind,mode' }),
  'people by sex, age, nationality': (ctx, f) => peopleStats(ctx, f),
  'route flows': (ctx, f) => flowStats(ctx, f),
  'modus operandi': (ctx, f) => modusStats(ctx, f),
  'cases: stages, convictions, delays, assets': (ctx, f) => caseStats(ctx, f),
  'map, region (zoom 3)': (ctx, f) => mapStats(ctx, { ...f, zoom: 3 }),
  'map, zoom 5': (ctx, f) => mapStats(ctx, { ...f, zoom: 5, bbox: '-105,10,-80,25' }),
  'map, zoom 7': (ctx, f) => mapStats(ctx, { ...f, zoom: 7, bbox: '-93.5,14,-90,16.5' }),
  'map, zoom 11 (points)': (ctx, f) => mapStats(ctx, { ...f, zoom: 11, bbox: '-92.4,14.8,-92.1,15.0' }),
  // The lists (target ≤ 50 ms p95): the same filters, as the incident list takes them.
  'list: incidents, first page': (ctx, f) => listIncidents(ctx, listQuery(f, {})),
  'list: incidents sorted by dead': (ctx, f) => listIncidents(ctx, listQuery(f, { sort: 'dead' })),
  'list: incidents, page 5 by reference': (ctx, f) =>
    listIncidents(ctx, listQuery(f, { sort: 'reference', dir: 'asc', offset: 100 })),
  'search: incidents, common word': (ctx, f) => listIncidents(ctx, listQuery(f, { q: 'tamaulipas' })),
  'search: incidents, prefix': (ctx, f) => listIncidents(ctx, listQuery(f, { q: 'tapa' })),
  'search: incidents, rare word': (ctx, f) => listIncidents(ctx, listQuery(f, { q: 'zzqx' })),
  'list: cases, first page': (ctx) => listCases(ctx, caseListQuerySchema.parse({})),
  'search: cases': (ctx) => listCases(ctx, caseListQuerySchema.parse({ q: 'demo' })),
};

/** Target p95 of a query, in ms: the lists and searches 50, the dashboards 150. */
const targetOf = (name: string) => (name.startsWith('list:') || name.startsWith('search:') ? 50 : 150);

/** The incident list's query for a dashboard filter (months → days; nationality has no list filter). */
function listQuery(f: StatsFilterQuery, extra: Record<string, unknown>) {
  return incidentListQuerySchema.parse({
    from: f.from ? `${f.from}-01` : undefined,
    to: f.to ? `${f.to}-28` : undefined,
    country: f.country,
    mode: f.mode,
    route: f.route,
    region: f.region,
    ...extra,
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
}

async function measureQueries(ctx: Ctx): Promise<Measured['queries']> {
  const out: Measured['queries'] = {};
  for (const [name, run] of Object.entries(QUERIES)) {
    if (ONLY && !ONLY.test(name)) continue;
    for (const f of FILTERS) await run(ctx, f); // warm-up: statement caches, pages in memory
    const times: number[] = [];
    const byFilter = FILTERS.map(() => [] as number[]);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, f] of FILTERS.entries()) {
        const t0 = performance.now();
        await run(ctx, f);
        const ms = performance.now() - t0;
        times.push(ms);
        byFilter[i]?.push(ms);
      }
    }
    if (process.env.BENCH_VERBOSE) {
      const slowest = byFilter
        .map((t, i) => `${JSON.stringify(FILTERS[i])} ${Math.max(...t).toFixed(0)}`)
        .join('; ');
      process.stderr.write(`  ${ctx.db.dialect} ${name}: max by filter: ${slowest}\n`);
    }
    times.sort((a, b) => a - b);
    out[name] = {
      p50: percentile(times, 0.5),
      p95: percentile(times, 0.95),
      max: times[times.length - 1] ?? 0,
      runs: times.length,
    };
  }
  return out;
}

/**
 * Imports a Missing Migrants file of IMPORT_ROWS rows into an empty database through the CLI's
 * path, three times (a fresh database each), before anything else runs in this process; the
 * median run is reported. Like `enlace incidents import`, it reads the file from disk (the text
 * generated here is written out first, so the import does not start on a heap full of the
 * generator's garbage).
 */
async function measureImport(
  open: (run: number) => Promise<Db>,
  dir: string,
): Promise<{ rowsPerSecond: number; seconds: number }> {
  const file = join(dir, 'missing-migrants.csv');
  writeFileSync(file, missingMigrantsCsv(IMPORT_ROWS));
  const text = readFileSync(file, 'utf8');
  const runs: number[] = [];
  for (let run = 0; run < 3; run++) {
    const db = await open(run);
    try {
      const ctx = ctxFor(db);
      const t0 = performance.now();
      const outcome = await importMissingMigrants(ctx, text, { country: 'MEX', cli: true });
      runs.push((performance.now() - t0) / 1000);
      if (!outcome.ok) throw new Error(`import failed: ${JSON.stringify(outcome.errors.slice(0, 3))}`);
      if (outcome.created !== IMPORT_ROWS) throw new Error(`imported ${outcome.created} of ${IMPORT_ROWS}`);
    } finally {
      await db.close();
    }
  }
  process.stderr.write(`  ${runs.length} import runs: ${runs.map((r) => `${r.toFixed(2)} s`).join(', ')}\n`);
  const seconds = [...runs].sort((a, b) => a - b)[1] ?? 0;
  return { rowsPerSecond: IMPORT_ROWS / seconds, seconds };
}

async function prepared(url: string): Promise<Db> {
  const db = openDb(url);
  await migrateToLatest(db);
  await seedReference(db);
  return db;
}

async function runSqlite(): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), 'enlace-bench-stats-'));
  try {
    const imported = await measureImport((run) => prepared(join(dir, `import-${run}.db`)), dir);
    const file = join(dir, 'enlace.db');
    const db = await prepared(file);
    const ctx = ctxFor(db);
    process.stderr.write(`SQLite: loading ${N.toLocaleString('en')} incidents into ${file}\n`);
    const loaded = await load(ctx);
    loaded.bytes = statSync(file).size;
    process.stderr.write(`SQLite: loaded in ${loaded.seconds.toFixed(0)} s; running queries\n`);
    const queries = await measureQueries(ctx);
    await db.close();
    return {
      dialect: 'SQLite',
      load: loaded,
      queries,
      importRowsPerSecond: imported.rowsPerSecond,
      importSeconds: imported.seconds,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function freshPgDatabase(base: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function runPostgres(base: string): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), 'enlace-bench-import-'));
  const imported = await measureImport(
    // One name: each run drops the previous run's database, so that autovacuum does not work on
    // its 100,000 new rows during the next run.
    async () => prepared(await freshPgDatabase(base, 'enlace_bench_import')),
    dir,
  ).finally(() => rmSync(dir, { recursive: true, force: true }));
  const db = await prepared(await freshPgDatabase(base, 'enlace_bench'));
  const ctx = ctxFor(db);
  process.stderr.write(`PostgreSQL: loading ${N.toLocaleString('en')} incidents\n`);
  const loaded = await load(ctx);
  const { rows } = await sql<{ size: string }>`SELECT pg_database_size(current_database()) AS size`.execute(
    db.kysely,
  );
  loaded.bytes = Number(rows[0]?.size ?? 0);
  process.stderr.write(`PostgreSQL: loaded in ${loaded.seconds.toFixed(0)} s; running queries\n`);
  const queries = await measureQueries(ctx);
  await db.close();
  return {
    dialect: 'PostgreSQL',
    load: loaded,
    queries,
    importRowsPerSecond: imported.rowsPerSecond,
    importSeconds: imported.seconds,
  };
}

function report(results: Measured[]): void {
  const ms = (v: number | undefined) => (v === undefined ? '—' : v.toFixed(1));
  const ok = (name: string, v: number | undefined) => (v !== undefined && v <= targetOf(name) ? '' : ' ✗');
  const lines: string[] = [];
  lines.push(
    `\nDashboard and list queries, ${N.toLocaleString('en')} incidents, ${ROUNDS} rounds × ${FILTERS.length} filters each (ms)`,
  );
  const head = ['query', ...results.flatMap((r) => [`${r.dialect} p50`, `${r.dialect} p95`])];
  lines.push(`| ${head.join(' | ')} |`);
  lines.push(`|${head.map(() => '---').join('|')}|`);
  for (const name of Object.keys(QUERIES)) {
    if (ONLY && !ONLY.test(name)) continue;
    const cells = results.flatMap((r) => [
      ms(r.queries[name]?.p50),
      `${ms(r.queries[name]?.p95)}${ok(name, r.queries[name]?.p95)}`,
    ]);
    lines.push(`| ${name} | ${cells.join(' | ')} |`);
  }
  lines.push('');
  for (const r of results) {
    const mb = r.load.bytes === null ? '?' : (r.load.bytes / 1024 / 1024).toFixed(0);
    const rollups = Object.entries(r.load.rollupRows)
      .map(([t, n]) => `${t} ${n.toLocaleString('en')}`)
      .join(', ');
    if (r.load.seconds > 0)
      lines.push(
        `${r.dialect}: loaded ${r.load.incidents.toLocaleString('en')} incidents and ${r.load.cases.toLocaleString('en')} cases in ` +
          `${r.load.seconds.toFixed(0)} s (${Math.round(r.load.incidents / r.load.seconds).toLocaleString('en')} incidents/s), ` +
          `database ${mb} MB; rollup rows: ${rollups}`,
      );
    if (r.importSeconds > 0)
      lines.push(
        `${r.dialect}: Missing Migrants import of ${IMPORT_ROWS.toLocaleString('en')} rows (median of 3) in ${r.importSeconds.toFixed(2)} s = ` +
          `${Math.round(r.importRowsPerSecond).toLocaleString('en')} rows/s${r.importRowsPerSecond >= 20_000 ? '' : ' ✗ (target 20,000)'}`,
      );
  }
  const worstOf = (list: boolean) =>
    Math.max(
      ...results.flatMap((r) =>
        Object.entries(r.queries)
          .filter(([name]) => (targetOf(name) === 50) === list)
          .map(([, q]) => q.p95),
      ),
    );
  // -Infinity: that kind of query was not run (--only).
  const worst = (list: boolean) =>
    Number.isFinite(worstOf(list)) ? `${worstOf(list).toFixed(1)} ms` : 'not run';
  lines.push(
    `\nSlowest p95: dashboards ${worst(false)} (target ≤ 150 ms), lists and searches ${worst(true)} (target ≤ 50 ms)\n`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** `--db`: the kept database, loaded if it holds no incident; its figures alone. */
async function runKept(url: string): Promise<Measured> {
  const db = await prepared(url);
  const ctx = ctxFor(db);
  const { rows } = await sql<{ n: number | string }>`SELECT count(*) AS n FROM incidents`.execute(db.kysely);
  let loaded: Measured['load'] = {
    seconds: 0,
    incidents: Number(rows[0]?.n ?? 0),
    cases: 0,
    rollupRows: {},
    bytes: null,
  };
  if (loaded.incidents === 0) {
    process.stderr.write(`${db.dialect}: loading ${N.toLocaleString('en')} incidents into ${url}\n`);
    loaded = await load(ctx);
  } else
    process.stderr.write(
      `${db.dialect}: ${loaded.incidents.toLocaleString('en')} incidents already in ${url}\n`,
    );
  const queries = await measureQueries(ctx);
  await db.close();
  const dialect = db.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite';
  return { dialect, load: loaded, queries, importRowsPerSecond: 0, importSeconds: 0 };
}

const resultFile = process.env.BENCH_RESULT_FILE;
if (args.db) {
  report([await runKept(args.db)]);
} else if (process.env.DATABASE_URL?.startsWith('postgres')) {
  const result = await runPostgres(process.env.DATABASE_URL);
  if (resultFile) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(resultFile, JSON.stringify(result));
  } else report([result]);
} else {
  const sqlite = await runSqlite();
  const dir = mkdtempSync(join(tmpdir(), 'enlace-bench-result-'));
  const file = join(dir, 'pg.json');
  const root = resolve(import.meta.dirname, '..');
  const child = spawnSync(
    process.execPath,
    [
      join(root, 'scripts/with-postgres.mjs'),
      'tsx',
      join(root, 'bench/stats.bench.ts'),
      '--incidents',
      String(N),
      '--rounds',
      String(ROUNDS),
      '--import-rows',
      String(IMPORT_ROWS),
    ],
    { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, BENCH_RESULT_FILE: file }, cwd: root },
  );
  const results = [sqlite];
  try {
    results.push(JSON.parse(readFileSync(file, 'utf8')) as Measured);
  } catch {
    process.stderr.write(`PostgreSQL run failed (exit ${child.status}); SQLite figures only.\n`);
  }
  rmSync(dir, { recursive: true, force: true });
  report(results);
}
