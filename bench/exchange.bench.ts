// `npm run bench:exchange`: search and inbox of the secure exchange with 10,000 threads, on SQLite
// then on a throwaway PostgreSQL cluster (scripts/with-postgres.mjs). The threads and their
// messages go through the application's own write path (createThread, postMessage: encryption,
// blind-index tokens, participants, notifications, audit), between liaison officers of six
// countries; the reader is a liaison of Mexico who takes part in about a third of them. Each query
// runs 5 times to warm up, then `--runs` times (default 60); the figures are milliseconds.
// Options: `--threads N --runs R`. Target (issue 11): search ≤ 100 ms p95 on both databases.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { HandlingCodes, ThreadListQuery } from '@enlace/shared';
import { sql } from 'kysely';
import { loadConfig } from '../apps/server/src/config';
import { openDb } from '../apps/server/src/db/dialect';
import { createUser } from '../apps/server/src/modules/admin/admin.service';
import { createThread, listThreads, postMessage } from '../apps/server/src/modules/exchange/exchange.service';
import { buildActor } from '../apps/server/src/platform/authz/access';
import type { Ctx } from '../apps/server/src/platform/context';
import { bringUpToDate } from '../apps/server/src/server';

const { values } = parseArgs({
  options: { threads: { type: 'string', default: '10000' }, runs: { type: 'string', default: '60' } },
});
const THREADS = Number(values.threads);
const RUNS = Number(values.runs);
const COUNTRIES = ['MEX', 'GTM', 'HND', 'SLV', 'CRI', 'PAN'] as const;

/** A seeded generator, so both databases hold the same threads. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const VOCAB = (
  'lancha embarcación camión autobús frontera migrantes personas menores traficante coyote red ruta ' +
  'Tapachula Ocós Tecún Umán Quetzaltenango Chiapas Tabasco Petén Copán Choluteca Darién Colón ' +
  'capitán conductor placas matrícula documentos pasaportes falsos pago transferencia remesa depósito ' +
  'teléfono WhatsApp alerta urgente solicitud información patrulla decomiso detención rescate ' +
  'nacionalidad haitianos venezolanos cubanos ecuatorianos hondureños guatemaltecos salvadoreños ' +
  'hotel bodega casa seguridad vehículo rojo blanco azul noche madrugada semana pasada próxima salida ' +
  'vessel truck border smugglers network route payment transfer phone alert request information'
).split(' ');

function sentence(next: () => number, words: number): string {
  const out: string[] = [];
  // Zipf-like: a few words are very common, most are rare.
  for (let i = 0; i < words; i++) out.push(VOCAB[Math.floor(VOCAB.length * next() ** 2.2)] as string);
  return out.join(' ');
}

const H0: HandlingCodes = { handling: 'H0', reliability: 'B', accuracy: '2' };

interface Measured {
  dialect: string;
  loadSeconds: number;
  queries: Record<string, { p50: number; p95: number; max: number; total: number }>;
}

async function run(url: string): Promise<Measured> {
  const config = {
    ...loadConfig({ ...process.env, DATABASE_URL: url, NODE_ENV: 'test' }),
    logLevel: 'silent',
  };
  const db = openDb(url);
  await bringUpToDate(db, config);
  const base: Ctx = { db, config, clock: { now: () => new Date() }, actor: null, ip: null, locale: 'es' };
  const users: Awaited<ReturnType<typeof createUser>>[] = [];
  for (const c of COUNTRIES) {
    users.push(
      await createUser(
        base,
        {
          email: `bench.${c.toLowerCase()}@example.org`,
          displayName: `Enlace ${c}`,
          password: 'bench password 2026 enlace',
          role: 'liaison_officer',
          countryCode: c,
          locale: 'es',
        },
        { cli: true },
      ),
    );
  }
  const ctxOf = (i: number): Ctx => {
    const u = users[i] as (typeof users)[number];
    return {
      ...base,
      actor: buildActor(
        { id: u.id, role: 'liaison_officer', country_code: u.countryCode, agency_id: null },
        'bench',
      ),
    };
  };
  const next = rng(2026);
  const started = performance.now();
  let rareId = '';
  for (let i = 0; i < THREADS; i++) {
    const rare = i === Math.floor(THREADS / 2);
    // The thread with the rare word is Mexico's, so the reader finds exactly one.
    const owner = rare ? 0 : Math.floor(next() * COUNTRIES.length);
    const other = (owner + 1 + Math.floor(next() * (COUNTRIES.length - 1))) % COUNTRIES.length;
    const thread = await createThread(ctxOf(owner), {
      subject: sentence(next, 6),
      type: next() < 0.3 ? 'formal_request' : 'informal',
      priority: next() < 0.2 ? 'urgent' : 'normal',
      participants: [{ kind: 'country', ref: COUNTRIES[other] }],
      message: { body: `${sentence(next, 40)}${rare ? ' zafiro' : ''}`, codes: H0 },
    });
    if (rare) rareId = thread.id;
    if (next() < 0.5) await postMessage(ctxOf(other), thread.id, { body: sentence(next, 30), codes: H0 });
    if ((i + 1) % 1000 === 0) process.stderr.write(`  ${db.dialect}: ${i + 1} threads\n`);
  }
  const loadSeconds = (performance.now() - started) / 1000;
  if (db.dialect === 'postgres') await sql`VACUUM ANALYZE`.execute(db.kysely);

  const reader = ctxOf(0); // Mexico
  const page = { sort: 'lastMessageAt', dir: 'desc', limit: 25, offset: 0 } as const;
  const queries: Record<string, Partial<ThreadListQuery>> = {
    'inbox, first page': {},
    'inbox, unread only': { unread: '1' },
    'search: common word (migrantes)': { q: 'migrantes' },
    'search: two words (lancha Tapachula)': { q: 'lancha tapachula' },
    'search: accented, other case (OCOS)': { q: 'OCOS' },
    'search: rare word (zafiro)': { q: 'zafiro' },
    'search: reference prefix': { q: 'ex-mex' },
  };
  const out: Measured['queries'] = {};
  for (const [name, q] of Object.entries(queries)) {
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < RUNS + 5; i++) {
      const t0 = performance.now();
      const res = await listThreads(reader, { ...page, ...q } as ThreadListQuery);
      const ms = performance.now() - t0;
      if (i >= 5) times.push(ms);
      total = res.total;
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)] ?? 0;
    out[name] = { p50: at(0.5), p95: at(0.95), max: times[times.length - 1] ?? 0, total };
  }
  if (rareId && out['search: rare word (zafiro)']?.total !== 1) {
    process.stderr.write('warning: the rare word was expected in exactly one thread the reader sees\n');
  }
  await db.close();
  return { dialect: db.dialect, loadSeconds, queries: out };
}

function report(results: Measured[]) {
  const names = Object.keys(results[0]?.queries ?? {});
  const lines = [
    `\nSecure exchange, ${THREADS.toLocaleString('en')} threads, reader: a liaison of Mexico, ${RUNS} runs each (ms)`,
    `| query | ${results.map((r) => `${r.dialect} p50 | ${r.dialect} p95 | matches`).join(' | ')} |`,
    `|---|${results.map(() => '---|---|---|').join('')}`,
  ];
  for (const n of names) {
    lines.push(
      `| ${n} | ${results
        .map((r) => {
          const q = r.queries[n];
          return q
            ? `${q.p50.toFixed(1)} | ${q.p95.toFixed(1)}${q.p95 <= 100 ? ' ✓' : ' ✗'} | ${q.total}`
            : '— | — | —';
        })
        .join(' | ')} |`,
    );
  }
  lines.push(
    `\nLoad through the write path: ${results.map((r) => `${r.dialect} ${r.loadSeconds.toFixed(0)} s`).join(', ')}`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

const resultFile = process.env.BENCH_RESULT_FILE;
if (process.env.DATABASE_URL?.startsWith('postgres')) {
  const result = await run(process.env.DATABASE_URL);
  if (resultFile) writeFileSync(resultFile, JSON.stringify(result));
  else report([result]);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'enlace-bench-exchange-'));
  const sqlite = await run(join(dir, 'enlace.db'));
  const file = join(dir, 'pg.json');
  const root = resolve(import.meta.dirname, '..');
  spawnSync(
    process.execPath,
    [
      join(root, 'scripts/with-postgres.mjs'),
      'tsx',
      join(root, 'bench/exchange.bench.ts'),
      '--threads',
      String(THREADS),
      '--runs',
      String(RUNS),
    ],
    { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, BENCH_RESULT_FILE: file }, cwd: root },
  );
  const results = [sqlite];
  try {
    results.push(JSON.parse(readFileSync(file, 'utf8')) as Measured);
  } catch {
    process.stderr.write('PostgreSQL run failed; SQLite figures only.\n');
  }
  rmSync(dir, { recursive: true, force: true });
  report(results);
}
