// Child process of import-load.bench.ts: Enlace on a fresh database (SQLite file, or the
// PostgreSQL named by DATABASE_URL), with two analysts of different countries and a few hundred
// incidents of the reader's country, serving HTTP as `enlace serve` does. The import under test
// runs in this process, through the HTTP route, as it would in production.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config';
import { createUser } from '../apps/server/src/modules/admin/admin.service';
import { importMissingMigrants } from '../apps/server/src/modules/incidents/incidents.transfer';
import { systemClock } from '../apps/server/src/platform/clock';
import { prepareDatabase } from '../apps/server/src/server';

const SAMPLE = resolve(
  import.meta.dirname,
  '..',
  '../shared/data/missing-migrants/MissingMigrants-Global-2026-05-06.csv',
);

const dir = mkdtempSync(join(tmpdir(), 'enlace-bench-load-'));
const config = {
  ...loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: process.env.DATABASE_URL ?? join(dir, 'enlace.db'),
    ENLACE_SECRET_KEY: randomBytes(32).toString('base64'),
    ENLACE_WEB_DIST: '/nonexistent',
  }),
  logLevel: 'silent',
};
const db = await prepareDatabase(config);
const ctx = { db, config, clock: systemClock, actor: null, ip: null, locale: 'en' as const };
const password = 'benchmark passphrase 2026';
const users = { importer: `importer.${Date.now()}@example.org`, reader: `reader.${Date.now()}@example.org` };
await createUser(
  ctx,
  {
    email: users.importer,
    displayName: 'Importer',
    password,
    role: 'analyst',
    countryCode: 'GTM',
    locale: 'en',
  },
  { cli: true },
);
await createUser(
  ctx,
  { email: users.reader, displayName: 'Reader', password, role: 'analyst', countryCode: 'MEX', locale: 'en' },
  { cli: true },
);
// The reader's country holds the real sample's incidents, so its list and dashboard have rows.
const seeded = await importMissingMigrants(ctx, readFileSync(SAMPLE, 'utf8'), { country: 'MEX', cli: true });
if (!seeded.ok) throw new Error('seeding the sample failed');

const app = await buildApp({ db, config, rateLimitMax: 100_000_000 });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const url = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
process.send?.({ url, users, password, dialect: db.dialect });
process.on('disconnect', () => {
  void app.close().finally(() => db.close().finally(() => process.exit(0)));
});
