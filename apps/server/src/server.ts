import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { buildApp } from './app';
import { type Config, loadConfig } from './config';
import { type Db, openDb } from './db/dialect';
import { migrateToLatest, rollupsNeedRebuild } from './db/migrate';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './seeds/demo';
import { seedReference } from './seeds/reference';
import { rebuildRollups } from './modules/incidents/incidents.service';
import { refreshCaseSearch } from './modules/cases/cases.service';
import { refreshIncidentSearch } from './modules/incidents/incidents.service';
import { systemClock } from './platform/clock';
import { Scheduler } from './platform/jobs/scheduler';
import { scheduledJobs } from './jobs';
import type { Deps } from './platform/context';
import { reindexSearch } from './db/search-ddl';

/**
 * Brings a database's schema up to date (rebuilding the rollups when a migration emptied them)
 * and loads reference data. Returns the migrations applied.
 */
export async function bringUpToDate(db: Db, config: Config): Promise<string[]> {
  const applied = await migrateToLatest(db);
  if (rollupsNeedRebuild(applied)) {
    await rebuildRollups({ db, config, clock: systemClock });
  }
  await seedReference(db);
  // Records written before search existed get their tokens once (their narratives are decrypted
  // here, which SQL in a migration cannot do).
  await refreshSearch({ db, config, clock: systemClock }, { all: false });
  return applied;
}

/** Opens the configured database, brings its schema up to date and loads reference data. */
export async function prepareDatabase(config: Config): Promise<Db> {
  const db = openDb(config.databaseUrl);
  await bringUpToDate(db, config);
  return db;
}

/**
 * The search tokens of every searchable room: those missing, or all of them (`enlace search
 * rebuild`: after the secret key changed, or a SQLite VACUUM renumbered the rows).
 */
export async function refreshSearch(deps: Deps, opts: { all: boolean }): Promise<Record<string, number>> {
  const incidents = await refreshIncidentSearch(deps, opts);
  const cases = await refreshCaseSearch(deps, opts);
  if (opts.all) {
    for (const table of ['incidents', 'cases'])
      await reindexSearch(deps.db.kysely as Kysely<unknown>, deps.db.dialect, table);
  }
  return { incidents, cases };
}

/** `enlace serve`: migrate, seed, listen, and shut down cleanly on SIGINT/SIGTERM. */
export async function serve(): Promise<FastifyInstance> {
  const config = loadConfig();
  const db = await prepareDatabase(config);
  let demoLoaded = false;
  if (config.demoMode) {
    demoLoaded = await seedDemo({ db, config, clock: systemClock, actor: null, ip: null, locale: 'es' });
  }
  const app = await buildApp({ db, config });
  const scheduler = config.jobs
    ? new Scheduler({ db, config, clock: systemClock }, scheduledJobs({ db, config, clock: systemClock }), {
        log: (level, message, fields) => app.log[level](fields, message),
      })
    : null;
  const close = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await scheduler?.stop();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  scheduler?.start();
  if (!config.webDist) app.log.warn('web app not built: run `npm run build` (npm start does it for you)');
  if (config.demoMode) {
    const lines = [
      '',
      `Enlace is running on http://localhost:${config.port} (demo mode${demoLoaded ? ', demo data loaded' : ''})`,
      `Demo accounts (password for all: ${DEMO_PASSWORD}):`,
      ...DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(40)} ${a.role} (${a.country})`),
      '',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return app;
}
