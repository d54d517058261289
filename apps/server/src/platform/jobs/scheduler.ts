import { hostname } from 'node:os';
import { Cron } from 'croner';
import type { Ctx, Deps } from '../context';
import { uuidv7 } from '../ids';

/** What a job did, in counts (never personal data): kept in its run's row and the log. */
export type JobSummary = Record<string, number>;

export interface JobDefinition {
  /** Stable name, the row's key: `directory.staleness`. */
  name: string;
  /** Cron expression, in UTC (croner syntax: five or six fields). */
  schedule: string;
  /**
   * How long a run may last before another server may take the job over, in ms (default 10
   * minutes). A server that dies mid-run loses its lease when it lapses, so the job runs again on
   * another server: every job must be safe to run twice (each one records what it did).
   */
  leaseMs?: number;
  run(ctx: Ctx, now: Date): Promise<JobSummary>;
}

export interface SchedulerOptions {
  /** Who this server is in the lease rows (host and process by default). */
  serverId?: string;
  /** How often due jobs are looked for, in ms (default 30 s). */
  tickMs?: number;
  log?: (level: 'info' | 'error', message: string, fields: Record<string, unknown>) => void;
}

const DEFAULT_LEASE_MS = 10 * 60 * 1000;

/** The next time a schedule fires strictly after `after`. */
export function nextRunAfter(schedule: string, after: Date): Date {
  const next = new Cron(schedule, { paused: true, timezone: 'UTC' }).nextRun(after);
  if (!next) throw new Error(`The schedule ${schedule} never fires again`);
  return next;
}

/**
 * Runs scheduled jobs once across every application server that shares the database. Each job has
 * a row (`job_schedule`) with its next run time; a server takes a due job by one conditional
 * UPDATE (due, and no live lease), which exactly one server can win — the database serialises it
 * — then runs it, plans the next run and releases the lease. The plan lives in the database, so a
 * restart neither loses a due run nor repeats a finished one; a run missed while every server was
 * down happens once at the next tick.
 */
export class Scheduler {
  readonly serverId: string;
  private readonly tickMs: number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private readonly byName: Map<string, JobDefinition>;

  constructor(
    private readonly deps: Deps,
    jobs: readonly JobDefinition[],
    private readonly options: SchedulerOptions = {},
  ) {
    this.serverId = options.serverId ?? `${hostname()}:${process.pid}:${uuidv7().slice(-6)}`;
    this.tickMs = options.tickMs ?? 30_000;
    this.byName = new Map(jobs.map((j) => [j.name, j]));
    for (const j of jobs) nextRunAfter(j.schedule, new Date()); // a bad expression fails at start
  }

  /** Gives every job its row (first run at its next slot); a changed schedule is planned anew. */
  async plan(): Promise<void> {
    const db = this.deps.db.kysely;
    const now = this.deps.clock.now();
    for (const job of this.byName.values()) {
      const next = nextRunAfter(job.schedule, now).toISOString();
      await db
        .insertInto('job_schedule')
        .values({ name: job.name, schedule: job.schedule, next_run_at: next, runs: 0 })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      await db
        .updateTable('job_schedule')
        .set({ schedule: job.schedule, next_run_at: next })
        .where('name', '=', job.name)
        .where('schedule', '<>', job.schedule)
        .execute();
    }
  }

  /** Runs, one after the other, every due job (or only `only`) this server wins. Returns the names it ran. */
  async tick(only?: string): Promise<string[]> {
    const ran: string[] = [];
    const nowIso = this.deps.clock.now().toISOString();
    const due = await this.deps.db.kysely
      .selectFrom('job_schedule')
      .select('name')
      .where('next_run_at', '<=', nowIso)
      .orderBy('next_run_at')
      .execute();
    for (const { name } of due) {
      const job = this.byName.get(name);
      if (only !== undefined && name !== only) continue;
      if (job && (await this.runIfWon(job))) ran.push(name);
    }
    return ran;
  }

  /** Makes a job due now (`enlace jobs run`): the next tick of any server runs it. */
  async runSoon(name: string): Promise<boolean> {
    const res = await this.deps.db.kysely
      .updateTable('job_schedule')
      .set({ next_run_at: this.deps.clock.now().toISOString() })
      .where('name', '=', name)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  start(): void {
    if (this.timer) return;
    const loop = () => {
      this.running = this.running
        .then(() => this.tick())
        .catch((err: unknown) => this.log('error', 'scheduled jobs: tick failed', { err: errorCode(err) }));
    };
    this.running = this.plan().then(loop, (err: unknown) =>
      this.log('error', 'scheduled jobs: planning failed', { err: errorCode(err) }),
    );
    this.timer = setInterval(loop, this.tickMs);
    this.timer.unref();
  }

  /** Stops looking for jobs and waits for the one running, if any. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async runIfWon(job: JobDefinition): Promise<boolean> {
    const db = this.deps.db.kysely;
    const started = this.deps.clock.now();
    const startedIso = started.toISOString();
    const claim = await db
      .updateTable('job_schedule')
      .set({
        lease_owner: this.serverId,
        lease_until: new Date(started.getTime() + (job.leaseMs ?? DEFAULT_LEASE_MS)).toISOString(),
        last_started_at: startedIso,
      })
      .where('name', '=', job.name)
      .where('next_run_at', '<=', startedIso)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', startedIso)]))
      .executeTakeFirst();
    if (Number(claim.numUpdatedRows) !== 1) return false;

    const runId = uuidv7(started.getTime());
    await db
      .insertInto('job_runs')
      .values({ id: runId, name: job.name, server_id: this.serverId, started_at: startedIso })
      .execute();
    let outcome: 'ok' | 'failed' = 'ok';
    let summary: string;
    try {
      const result = await job.run({ ...this.deps, actor: null, ip: null, locale: 'en' }, started);
      summary = JSON.stringify(result);
      this.log('info', `scheduled job ${job.name} done`, { job: job.name, ...result });
    } catch (err) {
      outcome = 'failed';
      summary = JSON.stringify({ error: errorCode(err) });
      this.log('error', `scheduled job ${job.name} failed`, { job: job.name, err: errorCode(err) });
    }
    const finished = this.deps.clock.now();
    await db
      .updateTable('job_runs')
      .set({ finished_at: finished.toISOString(), outcome, summary })
      .where('id', '=', runId)
      .execute();
    await db
      .updateTable('job_schedule')
      .set((eb) => ({
        next_run_at: nextRunAfter(job.schedule, finished).toISOString(),
        lease_owner: null,
        lease_until: null,
        last_finished_at: finished.toISOString(),
        last_outcome: outcome,
        runs: eb('runs', '+', 1),
      }))
      .where('name', '=', job.name)
      .where('lease_owner', '=', this.serverId)
      .execute();
    return true;
  }

  private log(level: 'info' | 'error', message: string, fields: Record<string, unknown>): void {
    this.options.log?.(level, message, fields);
  }
}

/**
 * What is kept of an error: its code or class, never its message (a database's message may quote
 * the values of a row, which can be personal data).
 */
function errorCode(err: unknown): string {
  if (err && typeof err === 'object') {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    return (err as { name?: string }).name ?? 'Error';
  }
  return 'Error';
}

/** The plan of every job (for `enlace jobs list` and the operators). */
export function listJobs(db: Deps['db']['kysely']) {
  return db
    .selectFrom('job_schedule')
    .select(['name', 'schedule', 'next_run_at', 'last_outcome', 'runs'])
    .orderBy('name')
    .execute();
}
