#!/usr/bin/env node
// Browser tests end to end: build the web app if needed, start the server on a free port with a
// fresh SQLite database and demo data, wait until it is ready, run the Playwright specs (vitest,
// e2e/vitest.config.ts), then stop the server whatever happened and exit with the tests' code.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureWebBuilt, freePort, root, webDist } from './lib.mjs';

const dist = webDist;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitReady(url, server, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null)
      throw new Error('the server exited while starting');
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`the server was not ready within ${timeoutMs / 1000} s`);
}

/** Stops the server's whole process group (npx → tsx → node): SIGTERM, then SIGKILL. */
async function stop(server) {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    return;
  }
  const done = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
  if (!done) {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await exited;
  }
}

ensureWebBuilt();

const work = mkdtempSync(join(tmpdir(), 'enlace-e2e-'));
const logFile = join(work, 'server.log');
const port = await freePort();
const baseUrl = `http://localhost:${port}`;
let server;
let code = 1;

const onSignal = async (signal) => {
  await stop(server);
  rmSync(work, { recursive: true, force: true });
  process.exit(signal === 'SIGINT' ? 130 : 143);
};
process.once('SIGINT', onSignal);
process.once('SIGTERM', onSignal);

try {
  const log = createWriteStream(logFile);
  server = spawn('npx', ['tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    detached: true, // its own process group, so that stop() ends npx, tsx and node together
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(work, 'enlace.db')}`,
      ENLACE_SECRET_KEY: randomBytes(32).toString('base64'),
      ENLACE_WEB_DIST: dist,
      LOG_LEVEL: 'warn',
    },
  });
  server.stdout.pipe(log);
  server.stderr.pipe(log);
  await waitReady(`http://127.0.0.1:${port}/readyz`, server, 60_000);
  console.log(`e2e: server ready at ${baseUrl} (database and log in ${work})`);

  const tests = spawnSync(
    'npx',
    ['vitest', 'run', '--config', 'e2e/vitest.config.ts', ...process.argv.slice(2)],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, E2E_BASE_URL: baseUrl },
    },
  );
  code = tests.status ?? 1;
} catch (err) {
  console.error(`e2e: ${err instanceof Error ? err.message : String(err)}`);
  code = 1;
} finally {
  await stop(server);
  if (code !== 0 && existsSync(logFile)) {
    const text = readFileSync(logFile, 'utf8');
    if (text.trim())
      console.error(`e2e: server log (last lines):\n${text.split('\n').slice(-40).join('\n')}`);
  }
  if (!process.env.E2E_KEEP) rmSync(work, { recursive: true, force: true });
}
process.exit(code);
