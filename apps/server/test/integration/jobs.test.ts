import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDb } from '../../src/db/dialect';
import type { Deps } from '../../src/platform/context';
import { type JobDefinition, nextRunAfter, Scheduler } from '../../src/platform/jobs/scheduler';
import { createTestDb, FakeClock, type TestDb, testConfig } from '../helpers';

const MINUTE = 60_000;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

let testDb: TestDb;
let second: Db;
beforeAll(async () => {
  testDb = await createTestDb();
  // A second connection pool to the same database: another application server.
  second = openDb(testDb.url);
});
afterAll(async () => {
  await second.close();
  await testDb.drop();
});

function counting(name: string, work: (at: Date) => Promise<void> = () => sleep(30)) {
  const runs: string[] = [];
  const job: JobDefinition = {
    name,
    schedule: '* * * * *',
    run: async (_ctx, at) => {
      await work(at);
      runs.push(at.toISOString());
      return { done: 1 };
    },
  };
  return { job, runs };
}

describe('scheduled jobs', () => {
  it('plan the next slot of a cron expression in UTC', () => {
    expect(nextRunAfter('0 3 * * *', new Date('2026-12-02T13:00:00Z')).toISOString()).toBe(
      '2026-12-03T03:00:00.000Z',
    );
    expect(
      () => new Scheduler({} as Deps, [{ name: 'x', schedule: 'bad', run: async () => ({}) }]),
    ).toThrow();
  });

  it('run once per slot when two servers share the database and tick at the same moment', async () => {
    const clock = new FakeClock(new Date('2026-12-02T10:00:30Z'));
    const config = testConfig();
    const { job, runs } = counting('test.twice');
    const a = new Scheduler({ db: testDb.db, config, clock }, [job], { serverId: 'a' });
    const b = new Scheduler({ db: second, config, clock }, [job], { serverId: 'b' });
    await Promise.all([a.plan(), b.plan()]);
    const winners: string[][] = [];
    for (let slot = 0; slot < 6; slot++) {
      clock.advance(MINUTE);
      const [ranA, ranB] = await Promise.all([a.tick(), b.tick()]);
      winners.push([...ranA.map(() => 'a'), ...ranB.map(() => 'b')]);
      // Either server may win a slot, never both.
      expect(ranA.length + ranB.length).toBe(1);
    }
    expect(runs).toHaveLength(6);
    expect(new Set(runs).size).toBe(6);
    const recorded = await testDb.db.kysely
      .selectFrom('job_runs')
      .select(['server_id', 'outcome'])
      .where('name', '=', 'test.twice')
      .execute();
    expect(recorded).toHaveLength(6);
    expect(recorded.every((r) => r.outcome === 'ok')).toBe(true);
    expect(recorded.map((r) => r.server_id)).toEqual(winners.flat());
  });

  it('keep their plan across a restart: a finished run is not repeated, a missed one runs once', async () => {
    const clock = new FakeClock(new Date('2026-12-02T11:00:10Z'));
    const deps = { db: testDb.db, config: testConfig(), clock };
    const { job, runs } = counting('test.restart', async () => {});
    await new Scheduler(deps, [job]).plan();
    clock.advance(MINUTE);
    expect(await new Scheduler(deps, [job]).tick()).toEqual(['test.restart']);
    // "Restarted" in the same minute: nothing is due.
    expect(await new Scheduler(deps, [job]).tick()).toEqual([]);
    // Down for an hour: the missed slots make one run, not sixty.
    clock.advance(60 * MINUTE);
    const restarted = new Scheduler(deps, [job]);
    await restarted.plan();
    expect(await restarted.tick()).toEqual(['test.restart']);
    expect(await restarted.tick()).toEqual([]);
    expect(runs).toHaveLength(2);
  });

  it('let another server take over a job whose server died, once its lease has lapsed', async () => {
    const clock = new FakeClock(new Date('2026-12-02T12:00:10Z'));
    const deps = { db: testDb.db, config: testConfig(), clock };
    const { job, runs } = counting('test.lease', async () => {});
    const leased = { ...job, leaseMs: 5 * MINUTE };
    await new Scheduler(deps, [leased]).plan();
    clock.advance(MINUTE);
    // A server took it and died before finishing: its lease holds for five minutes.
    await testDb.db.kysely
      .updateTable('job_schedule')
      .set({ lease_owner: 'dead', lease_until: new Date(clock.now().getTime() + 5 * MINUTE).toISOString() })
      .where('name', '=', 'test.lease')
      .execute();
    const alive = new Scheduler(deps, [leased], { serverId: 'alive' });
    expect(await alive.tick()).toEqual([]);
    clock.advance(6 * MINUTE);
    expect(await alive.tick()).toEqual(['test.lease']);
    expect(runs).toHaveLength(1);
    const row = await testDb.db.kysely
      .selectFrom('job_schedule')
      .selectAll()
      .where('name', '=', 'test.lease')
      .executeTakeFirstOrThrow();
    expect(row.lease_owner).toBeNull();
    expect(row.last_outcome).toBe('ok');
  });

  it('record a failure without its message and plan the next run', async () => {
    const clock = new FakeClock(new Date('2026-12-02T13:00:10Z'));
    const deps = { db: testDb.db, config: testConfig(), clock };
    const logged: string[] = [];
    const failing: JobDefinition = {
      name: 'test.failing',
      schedule: '*/5 * * * *',
      run: async () => {
        throw Object.assign(new Error('duplicate key value (email)=(ana@example.org)'), { code: '23505' });
      },
    };
    const s = new Scheduler(deps, [failing], { log: (_l, _m, f) => logged.push(JSON.stringify(f)) });
    await s.plan();
    clock.advance(5 * MINUTE);
    expect(await s.tick()).toEqual(['test.failing']);
    const row = await testDb.db.kysely
      .selectFrom('job_schedule')
      .selectAll()
      .where('name', '=', 'test.failing')
      .executeTakeFirstOrThrow();
    expect(row.last_outcome).toBe('failed');
    expect(row.next_run_at).toBe('2026-12-02T13:10:00.000Z');
    const run = await testDb.db.kysely
      .selectFrom('job_runs')
      .select('summary')
      .where('name', '=', 'test.failing')
      .executeTakeFirstOrThrow();
    expect(run.summary).toBe('{"error":"23505"}');
    expect(logged.join(' ')).not.toContain('ana@example.org');
  });

  it('make a job due now on request (`enlace jobs run`), and refuse an unknown one', async () => {
    const clock = new FakeClock(new Date('2026-12-02T14:00:10Z'));
    const deps = { db: testDb.db, config: testConfig(), clock };
    const daily = { ...counting('test.daily', async () => {}).job, schedule: '0 3 * * *' };
    const s = new Scheduler(deps, [daily]);
    await s.plan();
    expect(await s.tick()).toEqual([]);
    expect(await s.runSoon('test.daily')).toBe(true);
    expect(await s.runSoon('no.such.job')).toBe(false);
    expect(await s.tick('test.daily')).toEqual(['test.daily']);
  });
});
