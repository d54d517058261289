// `npm run bench:import-load [-- --rows N --rate R]`: while one analyst imports a ~50 MB Missing
// Migrants file (N rows of the seeded generator of bench:stats) through the HTTP route, an analyst
// of another country reads a one-row incident list and the dashboard at a steady rate (R requests
// per second, half each). Prints p50/p95/p99/max of those reads before and during the import,
// and the import's duration, on SQLite and then on a throwaway PostgreSQL cluster
// (scripts/with-postgres.mjs). The server runs in a child process, as `enlace serve` would: the
// import shares that process with the requests measured. Target: p99 ≤ 200 ms during the import.
import { type ChildProcess, fork, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { missingMigrantsCsv } from './generators/incidents';

const args = parseArgs({
  options: {
    rows: { type: 'string', default: '155000' },
    rate: { type: 'string', default: '40' },
  },
}).values;
const ROWS = Number(args.rows);
const RATE = Number(args.rate);
const root = resolve(import.meta.dirname, '..');

interface Server {
  url: string;
  users: { importer: string; reader: string };
  password: string;
  dialect: string;
}

function startServer(): Promise<{ child: ChildProcess; server: Server }> {
  const child = fork(join(root, 'bench/import-load-server.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((ok, fail) => {
    child.once('message', (m) => ok({ child, server: m as Server }));
    child.once('exit', (code) => fail(new Error(`server exited with ${code}`)));
  });
}

/** Signs in over HTTP like a browser; returns the cookie header and the CSRF token. */
async function signIn(url: string, email: string, password: string) {
  const pre = await fetch(`${url}/api/auth/session`);
  const preCookie = pre.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await pre.json()) as { csrfToken: string };
  const res = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: preCookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ email, password }),
  });
  const body = (await res.json()) as { stage?: string; csrfToken?: string };
  if (res.status !== 200 || body.stage !== 'signed_in') throw new Error(`sign-in failed: ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const session = await fetch(`${url}/api/auth/session`, { headers: { cookie } });
  const { csrfToken: token } = (await session.json()) as { csrfToken: string };
  return { cookie, csrf: token };
}

const pct = (sorted: number[], p: number) =>
  sorted.length ? (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0) : 0;

interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  failed: number;
}

function summarize(samples: number[], failed: number): Summary {
  const s = [...samples].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: pct(s, 50),
    p95: pct(s, 95),
    p99: pct(s, 99),
    max: s[s.length - 1] ?? 0,
    failed,
  };
}

/** Fires the reader's requests at RATE per second until `stop` resolves; latencies in ms. */
async function load(url: string, cookie: string, stop: Promise<unknown>) {
  const paths = ['/api/incidents?limit=1', '/api/stats/incidents?by=month'];
  const samples: number[] = [];
  let failed = 0;
  const inflight: Promise<void>[] = [];
  let done = false;
  void stop.then(() => {
    done = true;
  });
  const interval = 1000 / RATE;
  const start = performance.now();
  for (let i = 0; !done; i++) {
    const at = start + i * interval;
    const wait = at - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (done) break;
    const path = paths[i % paths.length] as string;
    inflight.push(
      (async () => {
        // Latency from when the request was due: a stalled server also delays the sending.
        const res = await fetch(`${url}${path}`, { headers: { cookie } });
        await res.arrayBuffer();
        if (res.status === 200) samples.push(performance.now() - at);
        else failed++;
      })(),
    );
  }
  await Promise.all(inflight);
  return summarize(samples, failed);
}

interface Result {
  dialect: string;
  rows: number;
  megabytes: number;
  baseline: Summary;
  during: Summary;
  importSeconds: number;
  uploadSeconds: number;
  created: number;
}

async function run(file: string): Promise<Result> {
  const { child, server } = await startServer();
  try {
    const importer = await signIn(server.url, server.users.importer, server.password);
    const reader = await signIn(server.url, server.users.reader, server.password);
    const text = readFileSync(file);
    // Warm-up (the first requests compile statements and schemas), then a baseline.
    await load(server.url, reader.cookie, new Promise((r) => setTimeout(r, 2000)));
    const baseline = await load(server.url, reader.cookie, new Promise((r) => setTimeout(r, 5000)));

    let uploadSeconds = 0;
    const begin = performance.now();
    const imported = (async () => {
      const res = await fetch(`${server.url}/api/incidents/imports?format=missing-migrants`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', cookie: importer.cookie, 'x-csrf-token': importer.csrf },
        body: text,
      });
      uploadSeconds = (performance.now() - begin) / 1000;
      if (res.status !== 202) throw new Error(`import refused: ${res.status} ${await res.text()}`);
      const { id } = (await res.json()) as { id: string };
      for (;;) {
        await new Promise((r) => setTimeout(r, 250));
        const job = (await (
          await fetch(`${server.url}/api/incidents/imports/${id}`, { headers: { cookie: importer.cookie } })
        ).json()) as { state: string; result: { created: number } | null; failure: unknown };
        if (job.state === 'done') return job.result?.created ?? 0;
        if (job.state === 'failed')
          throw new Error(`import failed: ${JSON.stringify(job.failure).slice(0, 300)}`);
      }
    })();
    const during = await load(server.url, reader.cookie, imported);
    const created = await imported;
    const importSeconds = (performance.now() - begin) / 1000;
    return {
      dialect: server.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL',
      rows: ROWS,
      megabytes: text.length / 1e6,
      baseline,
      during,
      importSeconds,
      uploadSeconds,
      created,
    };
  } finally {
    child.disconnect();
  }
}

function report(results: Result[]): void {
  const f = (v: number) => v.toFixed(1);
  const lines = [
    '',
    `Reads of another country while a ${results[0]?.megabytes.toFixed(1)} MB import (${ROWS.toLocaleString('en')} rows) runs; ${RATE} requests/s (one-row incident list and dashboard by month, alternately), ms`,
    '| database | phase | requests | p50 | p95 | p99 | max | import |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const ok = r.during.p99 <= 200 ? '✓' : '✗';
    lines.push(
      `| ${r.dialect} | before | ${r.baseline.n} | ${f(r.baseline.p50)} | ${f(r.baseline.p95)} | ${f(r.baseline.p99)} | ${f(r.baseline.max)} | |`,
    );
    lines.push(
      `| ${r.dialect} | during | ${r.during.n}${r.during.failed ? ` (${r.during.failed} failed)` : ''} | ${f(r.during.p50)} | ${f(r.during.p95)} | ${f(r.during.p99)} ${ok} | ${f(r.during.max)} | ${r.importSeconds.toFixed(1)} s (upload ${r.uploadSeconds.toFixed(1)} s), ${Math.round(r.created / r.importSeconds).toLocaleString('en')} rows/s |`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

const dir = mkdtempSync(join(tmpdir(), 'enlace-bench-import-load-'));
try {
  const file = join(dir, 'missing-migrants.csv');
  writeFileSync(file, missingMigrantsCsv(ROWS));
  const resultFile = process.env.BENCH_RESULT_FILE;
  if (process.env.DATABASE_URL?.startsWith('postgres')) {
    const result = await run(file);
    if (resultFile) writeFileSync(resultFile, JSON.stringify(result));
    else report([result]);
  } else {
    process.stderr.write(`SQLite: importing ${ROWS.toLocaleString('en')} rows under load\n`);
    const sqlite = await run(file);
    process.stderr.write('PostgreSQL: the same, on a throwaway cluster\n');
    const pgFile = join(dir, 'pg.json');
    spawnSync(
      process.execPath,
      [
        join(root, 'scripts/with-postgres.mjs'),
        'tsx',
        join(root, 'bench/import-load.bench.ts'),
        '--rows',
        String(ROWS),
        '--rate',
        String(RATE),
      ],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, BENCH_RESULT_FILE: pgFile },
        cwd: root,
      },
    );
    const results = [sqlite];
    try {
      results.push(JSON.parse(readFileSync(pgFile, 'utf8')) as Result);
    } catch {
      process.stderr.write('PostgreSQL run failed; SQLite figures only.\n');
    }
    report(results);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
