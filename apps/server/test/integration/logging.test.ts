import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import type { Config } from '../../src/config';
import { createTestDb, FakeClock, type TestDb, testConfig } from '../helpers';

/** An app whose log lines are kept in `lines`. */
async function appLogging(logFormat: Config['logFormat']) {
  const testDb = await createTestDb();
  const lines: string[] = [];
  const stream = new PassThrough();
  let pending = '';
  stream.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    lines.push(...parts.filter((l) => l !== ''));
  });
  const app = await buildApp({
    db: testDb.db,
    config: testConfig({ logLevel: 'info', logFormat }),
    clock: new FakeClock(),
    logStream: stream,
  });
  await app.ready();
  opened.push({ testDb, close: () => app.close() });
  return { app, lines };
}

const opened: { testDb: TestDb; close: () => Promise<void> }[] = [];
afterEach(async () => {
  for (const o of opened.splice(0)) {
    await o.close();
    await o.testDb.drop();
  }
});

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('request logging', () => {
  it('writes one JSON line per request: method, path without its query, status, time; no cookie or body', async () => {
    const { app, lines } = await appLogging('json');
    const res = await app.inject({
      method: 'GET',
      url: '/api/auth/session?email=ana.perez@example.org',
      cookies: { '__Host-enlace_session': 'a-session-token-value' },
    });
    expect(res.statusCode).toBe(200);
    await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in?next=/cases',
      payload: { email: 'ana.perez@example.org', password: 'a secret password 42' },
    });
    await tick();
    const logged = lines.map((l) => JSON.parse(l));
    // The POST without a CSRF token also logs that refusal; each request has one request line.
    const requests = logged.filter((l) => l.req);
    expect(requests).toHaveLength(2);
    const [get, post] = requests;
    expect(get).toMatchObject({
      level: 30,
      msg: 'request completed',
      req: { method: 'GET', path: '/api/auth/session' },
      res: { statusCode: 200 },
    });
    expect(typeof get.responseTime).toBe('number');
    expect(post).toMatchObject({
      req: { method: 'POST', path: '/api/auth/sign-in' },
      res: { statusCode: 403 },
    });
    const all = lines.join('\n');
    for (const secret of ['?', 'ana.perez', 'a-session-token-value', 'a secret password', 'next=']) {
      expect(all).not.toContain(secret);
    }
  });

  it('writes one readable line per request on a terminal (pino-pretty), with no query string', async () => {
    const { app, lines } = await appLogging('pretty');
    await app.inject({ method: 'GET', url: '/api/auth/session?q=Ana%20P%C3%A9rez' });
    await tick();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d(\.\d+)?\] INFO: GET \/api\/auth\/session 200 \d+(\.\d)? ms$/);
  });
});
