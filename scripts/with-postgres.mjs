// Runs a command against a throwaway PostgreSQL cluster: initdb in a temporary folder (as the
// `postgres` user when we are root, because initdb refuses root), start on a free loopback port,
// export DATABASE_URL, run the command, stop the cluster and delete it whatever happened.
// When DATABASE_URL already points at PostgreSQL, the command simply runs against it.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './lib.mjs';

const [cmd, ...args] = process.argv.slice(2);
if (!cmd) {
  process.stderr.write('usage: node scripts/with-postgres.mjs COMMAND [ARGS…]\n');
  process.exit(64);
}

function run(command, commandArgs, env) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', env, shell: false });
  return result.status ?? 1;
}

if (process.env.DATABASE_URL?.startsWith('postgres')) process.exit(run('npx', [cmd, ...args], process.env));

function findBin() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(join(base, v, 'bin/initdb'))) return join(base, v, 'bin');
  process.stderr.write('PostgreSQL server binaries not found (set PG_BIN or install postgresql).\n');
  process.exit(1);
}

const bin = findBin();
const isRoot = process.getuid?.() === 0;
const asOwner = (tool, toolArgs) =>
  isRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...toolArgs]] : [join(bin, tool), toolArgs];

const dir = mkdtempSync(join(tmpdir(), 'enlace-pg-'));
chmodSync(dir, 0o777);
const data = join(dir, 'data');
const port = await freePort();
let status = 1;
let started = false;
try {
  const [initCmd, initArgs] = asOwner('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  execFileSync(initCmd, initArgs, { stdio: 'ignore' });
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200`;
  const [ctlCmd, ctlArgs] = asOwner('pg_ctl', [
    '-D',
    data,
    '-o',
    options,
    '-l',
    join(dir, 'server.log'),
    '-w',
    'start',
  ]);
  execFileSync(ctlCmd, ctlArgs, { stdio: 'ignore' });
  started = true;
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  process.stdout.write(`PostgreSQL ${bin.split('/').at(-2)} throwaway cluster on ${url}\n`);
  status = run('npx', [cmd, ...args], { ...process.env, DATABASE_URL: url });
} catch (err) {
  process.stderr.write(`Could not start PostgreSQL: ${err instanceof Error ? err.message : String(err)}\n`);
} finally {
  if (started) {
    const [stopCmd, stopArgs] = asOwner('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    spawnSync(stopCmd, stopArgs, { stdio: 'ignore' });
  }
  rmSync(dir, { recursive: true, force: true });
}
process.exit(status);
