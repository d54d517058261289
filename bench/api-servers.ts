// Child process of api.bench.ts: Enlace on a fresh SQLite database and a bare Fastify route,
// side by side, so the load generator does not share its event loop with them.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config';
import { createUser } from '../apps/server/src/modules/admin/admin.service';
import { prepareDatabase } from '../apps/server/src/server';
import { systemClock } from '../apps/server/src/platform/clock';

const dir = mkdtempSync(join(tmpdir(), 'enlace-bench-'));
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
const email = `bench.${Date.now()}@example.org`;
const password = 'benchmark passphrase 2026';
await createUser(
  ctx,
  { email, displayName: 'Bench', password, role: 'liaison_officer', countryCode: 'MEX', locale: 'en' },
  { cli: true },
);

const enlace = await buildApp({ db, config, rateLimitMax: 100_000_000 });
await enlace.listen({ port: 0, host: '127.0.0.1' });

// The same payload Enlace returns, from a route that does nothing else: the ceiling.
const bare = Fastify({ logger: false });
let cached: unknown = null;
bare.get('/api/countries', async () => cached);
await bare.listen({ port: 0, host: '127.0.0.1' });

const address = (app: typeof bare) => {
  const a = app.server.address();
  return typeof a === 'object' && a ? `http://127.0.0.1:${a.port}` : '';
};

// Sign in over HTTP like a browser: pre-session CSRF token, then the password.
const enlaceUrl = address(enlace as unknown as typeof bare);
const pre = await fetch(`${enlaceUrl}/api/auth/session`);
const preCookie = pre.headers
  .getSetCookie()
  .map((c) => c.split(';')[0])
  .join('; ');
const { csrfToken } = (await pre.json()) as { csrfToken: string };
const signIn = await fetch(`${enlaceUrl}/api/auth/sign-in`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', cookie: preCookie, 'x-csrf-token': csrfToken },
  body: JSON.stringify({ email, password }),
});
const cookie = signIn.headers
  .getSetCookie()
  .map((c) => c.split(';')[0])
  .join('; ');
const sample = await fetch(`${enlaceUrl}/api/countries`, { headers: { cookie } });
if (sample.status !== 200) throw new Error(`authenticated read failed: ${sample.status}`);
cached = await sample.json();

process.send?.({
  enlace: `${enlaceUrl}/api/countries`,
  bare: `${address(bare)}/api/countries`,
  cookie,
  dialect: db.dialect,
});
process.on('disconnect', () => process.exit(0));
