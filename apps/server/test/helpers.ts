import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@enlace/shared';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import pg from 'pg';
import { buildApp } from '../src/app';
import { type Config, loadConfig } from '../src/config';
import { type Db, isPostgresUrl, openDb } from '../src/db/dialect';
import { migrateToLatest } from '../src/db/migrate';
import { seedReference } from '../src/seeds/reference';
import { createUser } from '../src/modules/admin/admin.service';
import type { Clock } from '../src/platform/clock';
import type { Ctx } from '../src/platform/context';

/** A clock the test moves by hand. */
export class FakeClock implements Clock {
  constructor(private current = new Date('2026-11-23T12:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface TestDb {
  db: Db;
  url: string;
  /** The SQLite file, for tests that open a raw copy; null on PostgreSQL. */
  file: string | null;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database with reference data: a new PostgreSQL database when DATABASE_URL
 * names a server (scripts/with-postgres.mjs starts one), else a new SQLite file.
 */
export async function createTestDb(): Promise<TestDb> {
  const base = process.env.DATABASE_URL;
  if (base && isPostgresUrl(base)) {
    const name = `enlace_test_${randomUUID().replaceAll('-', '')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    const db = openDb(url.toString());
    await migrateToLatest(db);
    await seedReference(db);
    return {
      db,
      url: url.toString(),
      file: null,
      drop: async () => {
        await db.close();
        const c = new pg.Client({ connectionString: base });
        await c.connect();
        // The pool's end resolves before the server has seen its connections close; forcing the
        // drop while one is still closing would make that client report an error nobody awaits.
        for (let waited = 0; waited < 5000; waited += 20) {
          const { rows } = await c.query('SELECT COUNT(*) AS n FROM pg_stat_activity WHERE datname = $1', [
            name,
          ]);
          if (Number(rows[0]?.n) === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'enlace-test-'));
  const file = join(dir, 'enlace.db');
  const db = openDb(file);
  await migrateToLatest(db);
  await seedReference(db);
  return {
    db,
    url: file,
    file,
    drop: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: ':memory:',
      ENLACE_SECRET_KEY: randomBytes(32).toString('base64'),
      ENLACE_WEB_DIST: '/nonexistent',
    }),
    demoMode: false,
    ...overrides,
  };
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  testDb: TestDb;
  clock: FakeClock;
  config: Config;
  ctx: Ctx;
  close(): Promise<void>;
}

export async function buildTestApp(
  opts: { config?: Partial<Config>; rateLimitMax?: number } = {},
): Promise<TestApp> {
  const testDb = await createTestDb();
  const clock = new FakeClock();
  const config = testConfig(opts.config);
  const app = await buildApp({ db: testDb.db, config, clock, rateLimitMax: opts.rateLimitMax ?? 10_000 });
  await app.ready();
  return {
    app,
    db: testDb.db,
    testDb,
    clock,
    config,
    ctx: { db: testDb.db, config, clock, actor: null, ip: null, locale: 'en' },
    close: async () => {
      await app.close();
      await testDb.drop();
    },
  };
}

export const TEST_PASSWORD = 'correct horse battery staple 42';

let counter = 0;
/** Factory: an active account (created as the CLI would), with the test password. */
export async function buildUser(
  t: TestApp,
  overrides: { role?: Role; countryCode?: string; email?: string; locale?: 'es' | 'en' | 'fr' } = {},
) {
  counter += 1;
  return createUser(
    t.ctx,
    {
      email: overrides.email ?? `user${counter}.${randomUUID().slice(0, 8)}@example.org`,
      displayName: `Test User ${counter}`,
      password: TEST_PASSWORD,
      role: overrides.role ?? 'liaison_officer',
      countryCode: overrides.countryCode ?? 'MEX',
      locale: overrides.locale ?? 'en',
    },
    { cli: true },
  );
}

/** A cookie jar and CSRF token, like a browser tab. */
export class Browser {
  cookies = new Map<string, string>();
  csrf = '';
  /** Each browser comes from its own address, as users do (throttles are per address). */
  readonly address = `10.${(counter >> 8) & 255}.${counter++ & 255}.${1 + Math.floor(Math.random() * 250)}`;
  constructor(
    private t: TestApp,
    private headers: Record<string, string> = {},
  ) {}

  async request(opts: InjectOptions & { method: string; url: string }): Promise<LightMyRequestResponse> {
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(opts.method.toUpperCase());
    const res = await this.t.app.inject({
      remoteAddress: this.address,
      ...opts,
      headers: {
        ...this.headers,
        ...(unsafe && this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        ...(opts.headers ?? {}),
      },
      cookies: Object.fromEntries(this.cookies),
    });
    // A user's next request comes after the last-seen write; with the test clock it could overtake it.
    await this.t.app.sessionTouchesSettled();
    for (const c of res.cookies) {
      if (c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0)) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const body = res.headers['content-type']?.toString().includes('json') ? res.json() : null;
    if (body && typeof body === 'object' && typeof body.csrfToken === 'string') this.csrf = body.csrfToken;
    return res;
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }
  post(url: string, payload?: object) {
    return this.request({ method: 'POST', url, payload: payload ?? {} });
  }
  patch(url: string, payload: object) {
    return this.request({ method: 'PATCH', url, payload });
  }
  delete(url: string) {
    return this.request({ method: 'DELETE', url });
  }

  /** Gets the anonymous CSRF token, then signs in with a password. */
  async signIn(email: string, password = TEST_PASSWORD) {
    await this.get('/api/auth/session');
    return this.post('/api/auth/sign-in', { email, password });
  }
}

/** Signs a new account in fully (MFA not required outside production): a ready browser. */
export async function signedIn(t: TestApp, overrides: Parameters<typeof buildUser>[1] = {}) {
  const user = await buildUser(t, overrides);
  const browser = new Browser(t);
  const res = await browser.signIn(user.email);
  if (res.statusCode !== 200 || res.json().stage !== 'signed_in') {
    throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  }
  return { user, browser };
}

/** The current TOTP code for a secret at the fake clock's time. */
export function totpAt(secret: string, clock: Clock, offsetSteps = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) + offsetSteps * 30 });
}
