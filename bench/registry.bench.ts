// `npm run bench:registry [-- --persons N --queries Q --db FILE_OR_URL]`: registers N persons
// (default 1,000,000) of the seeded registrations generator (bench/generators/registrations.ts)
// in one country — each person's first registration, written as registering writes it: names
// encrypted, blocking keys as blind hashes — into SQLite and then into a throwaway PostgreSQL
// cluster (scripts/with-postgres.mjs). Then Q returning persons (another registration of a person
// already held, with its typos, swapped dates and missing fields) go through search before create
// exactly as the API answers it (the service the route calls), one after another. Prints p50/p95
// of the search, the recall of the true person in the top 5 and the load's time. Then the nightly
// duplicate job over `--new-registrations` (default 10,000) registrations against the register.
// Target (issue 12): p95 ≤ 50 ms on both databases, recall@5 ≥ 0.99.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type IdentityInput, type PersonInput, personInputSchema } from '@enlace/shared';
import { sql } from 'kysely';
import { loadConfig } from '../apps/server/src/config';
import { type Db, openDb } from '../apps/server/src/db/dialect';
import { migrateToLatest } from '../apps/server/src/db/migrate';
import { createUser } from '../apps/server/src/modules/admin/admin.service';
import { recordScan } from '../apps/server/src/modules/registry/registry-duplicates.repository';
import { scanDuplicates } from '../apps/server/src/modules/registry/registry-duplicates.service';
import { insertPersonsInBulk } from '../apps/server/src/modules/registry/registry.repository';
import { keyWeights, personBlockingKeys } from '../apps/server/src/modules/registry/registry.match';
import { keyPostings } from '../apps/server/src/modules/registry/registry.repository';
import {
  identityOf,
  personRecord,
  rankCandidates,
  searchPersons,
} from '../apps/server/src/modules/registry/registry.service';
import { blindValues } from '../apps/server/src/platform/search/search';
import { buildActor } from '../apps/server/src/platform/authz/access';
import { systemClock } from '../apps/server/src/platform/clock';
import type { Ctx } from '../apps/server/src/platform/context';
import { uuidv7 } from '../apps/server/src/platform/ids';
import { seedReference } from '../apps/server/src/seeds/reference';
import { generateRegistrations, type Registration } from './generators/registrations';

const { values: args } = parseArgs({
  options: {
    persons: { type: 'string', default: '1000000' },
    queries: { type: 'string', default: '1000' },
    // A database kept between runs (a SQLite file or a postgres:// URL): loaded when empty.
    db: { type: 'string' },
    // New registrations for the nightly duplicate scan (0: no scan).
    'new-registrations': { type: 'string', default: '10000' },
    // Says, for each returning person not among the first five, where the search lost them.
    why: { type: 'boolean', default: false },
  },
});
const PERSONS = Number(args.persons);
const QUERIES = Number(args.queries);
const NEW_REGISTRATIONS = Number(args['new-registrations']);
const CHUNK = 5_000;
const TODAY = new Date().toISOString().slice(0, 10);
const SEED = 20_261_212;
// One key for every run, so that a kept database's blind keys stay readable.
const SECRET = Buffer.alloc(32, 12).toString('base64');

interface Measured {
  dialect: string;
  persons: number;
  keys: number;
  loadSeconds: number;
  p50: number;
  p95: number;
  max: number;
  recallAt5: number;
  recallAt1: number;
  meanCompared: number;
  queries: number;
  scan: { registrations: number; seconds: number; compared: number; queued: number; found: number } | null;
}

const SEX: Record<string, PersonInput['sex']> = { M: 'male', F: 'female' };
const precisionOf = (d: string): PersonInput['birthDatePrecision'] =>
  d.length === 4 ? 'year' : d.length === 7 ? 'year_month' : 'exact';

/** A registration as the person form would register it; null when it lacks what the form needs. */
function personOf(r: Registration): PersonInput | null {
  const parsed = personInputSchema.safeParse({
    givenNames: r.given_names,
    familyNames: r.family_names,
    sex: SEX[r.sex] ?? 'other',
    ...(r.birth_date ? { birthDate: r.birth_date } : {}),
    birthDatePrecision: r.birth_date ? precisionOf(r.birth_date) : 'estimated_age',
    ...(r.birth_date ? {} : { estimatedAge: 30 }),
    nationality: r.nationality,
    ...(r.document_number ? { documentNumber: r.document_number } : {}),
  });
  return parsed.success ? (parsed.data as PersonInput) : null;
}

/** What a returning person says at the desk: the fields of another registration, as typed there. */
function queryOf(r: Registration): IdentityInput {
  return {
    ...(r.given_names ? { givenNames: r.given_names } : {}),
    ...(r.family_names ? { familyNames: r.family_names } : {}),
    // A date the desk typed after today (a slip of the year) is left out, as the form refuses it.
    ...(/^\d{4}(-\d{2}(-\d{2})?)?$/.test(r.birth_date) && r.birth_date <= TODAY
      ? { birthDate: r.birth_date }
      : {}),
    ...(SEX[r.sex] ? { sex: SEX[r.sex] } : {}),
    ...(/^[A-Z]{3}$/.test(r.nationality) ? { nationality: r.nationality } : {}),
    ...(r.document_number ? { documentNumber: r.document_number } : {}),
  };
}

async function ctxFor(db: Db): Promise<Ctx> {
  const config = {
    ...loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: ':memory:',
      ENLACE_SECRET_KEY: SECRET,
      ENLACE_WEB_DIST: '/nonexistent',
    }),
    logLevel: 'silent',
  };
  const base: Ctx = { db, config, clock: systemClock, actor: null, ip: null, locale: 'en' };
  let user = await db.kysely
    .selectFrom('users')
    .select(['id', 'role', 'country_code', 'agency_id'])
    .where('email', '=', 'bench.registry@bench.example')
    .executeTakeFirst();
  if (!user) {
    await createUser(
      base,
      {
        email: 'bench.registry@bench.example',
        displayName: 'Registry bench',
        role: 'centre_officer',
        countryCode: 'MEX',
        agencyId: null,
        locale: 'en',
        password: randomBytes(18).toString('base64'),
      },
      { cli: true },
    );
    user = await db.kysely
      .selectFrom('users')
      .select(['id', 'role', 'country_code', 'agency_id'])
      .where('email', '=', 'bench.registry@bench.example')
      .executeTakeFirstOrThrow();
  }
  return { ...base, actor: buildActor(user, 'bench') };
}

/** The register (each person's first usable registration) and the returning persons' queries. */
function split(regs: Registration[]) {
  const first = new Map<string, Registration>();
  const later = new Map<string, Registration>();
  for (const r of regs) {
    if (!first.has(r.person_id)) {
      if (personOf(r)) first.set(r.person_id, r);
    } else if (!later.has(r.person_id)) later.set(r.person_id, r);
  }
  return { first, later };
}

async function load(ctx: Ctx, register: Map<string, Registration>): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const actor = ctx.actor as NonNullable<Ctx['actor']>;
  let batch: ReturnType<typeof personRecord>[] = [];
  let done = 0;
  const flush = async () => {
    const records = batch;
    batch = [];
    await ctx.db.kysely.transaction().execute((trx) => insertPersonsInBulk(ctx.db, trx, records));
  };
  // Ids one millisecond apart in the load's order: a kept database's ids sort as the register
  // does, so a later run maps them back to the generator's persons (random ids drawn within one
  // millisecond would not).
  const base = Date.parse('2026-01-01T00:00:00Z');
  for (const [personId, r] of register) {
    const input = personInputSchema.parse(personOf(r));
    const id = uuidv7(base + ids.size);
    ids.set(personId, id);
    const birthDate =
      input.birthDate ?? (input.estimatedAge !== undefined ? String(2026 - input.estimatedAge) : null);
    batch.push(
      personRecord(ctx, { id, countryCode: actor.countryCode, userId: actor.userId }, input, birthDate),
    );
    if (batch.length >= CHUNK) {
      await flush();
      done += CHUNK;
      if (done % 100_000 === 0) process.stderr.write(`  ${done.toLocaleString('en')} persons\n`);
    }
  }
  if (batch.length) await flush();
  return ids;
}

/**
 * The nightly duplicate job: NEW_REGISTRATIONS persons registered since the last scan (returning
 * persons registered again, each a duplicate of someone held) scanned against the register, as
 * the job runs it. Their day is tomorrow on the bench's clock, the last scan just before it, so
 * that only they are scanned; they, their pairs and the scan are removed afterwards, so a kept
 * database stays as loaded.
 */
async function nightlyScan(
  ctx: Ctx,
  returning: [string, Registration][],
  searched: Set<string>,
  ids: Map<string, string>,
): Promise<NonNullable<Measured['scan']>> {
  const tomorrow = Date.now() + 86_400_000;
  const later: Ctx = { ...ctx, clock: { now: () => new Date(tomorrow) } };
  const actor = ctx.actor as NonNullable<Ctx['actor']>;
  const fresh = returning.filter(([p]) => !searched.has(p)).slice(0, NEW_REGISTRATIONS);
  const records: ReturnType<typeof personRecord>[] = [];
  const truth = new Map<string, string>();
  for (const [personId, r] of fresh) {
    if (!personOf(r)) continue;
    const input = personInputSchema.parse(personOf(r));
    const id = uuidv7(tomorrow + records.length);
    truth.set(id, ids.get(personId) ?? '');
    const birthDate =
      input.birthDate ?? (input.estimatedAge !== undefined ? String(2026 - input.estimatedAge) : null);
    records.push(
      personRecord(later, { id, countryCode: actor.countryCode, userId: actor.userId }, input, birthDate),
    );
  }
  const db = ctx.db.kysely;
  await recordScan(db, actor.countryCode, new Date(tomorrow - 1000).toISOString());
  for (let i = 0; i < records.length; i += CHUNK)
    await db.transaction().execute((trx) => insertPersonsInBulk(ctx.db, trx, records.slice(i, i + CHUNK)));
  process.stderr.write(
    `${ctx.db.dialect}: scanning ${records.length.toLocaleString('en')} new registrations\n`,
  );
  const started = performance.now();
  const result = await scanDuplicates(
    { ...later, clock: { now: () => new Date(tomorrow + 3_600_000) } },
    actor.countryCode,
  );
  const seconds = (performance.now() - started) / 1000;
  const newIds = [...truth.keys()];
  const queued = await db
    .selectFrom('registry_duplicate_pairs')
    .select(['person_a', 'person_b'])
    .where('country_code', '=', actor.countryCode)
    .execute();
  const pairs = new Set(queued.map((q) => `${q.person_a} ${q.person_b}`));
  let found = 0;
  for (const [id, held] of truth) {
    const [a, b] = id < held ? [id, held] : [held, id];
    if (pairs.has(`${a} ${b}`)) found++;
  }
  await db.deleteFrom('registry_duplicate_pairs').where('country_code', '=', actor.countryCode).execute();
  await db.deleteFrom('registry_duplicate_scans').where('country_code', '=', actor.countryCode).execute();
  for (let i = 0; i < newIds.length; i += 500) {
    const part = newIds.slice(i, i + 500);
    await db.deleteFrom('registry_person_keys').where('person_id', 'in', part).execute();
    await db.deleteFrom('registry_person_documents').where('person_id', 'in', part).execute();
    await db.deleteFrom('registry_persons').where('id', 'in', part).execute();
  }
  return {
    registrations: records.length,
    seconds,
    compared: result.compared,
    queued: result.queued,
    found: found / Math.max(1, records.length),
  };
}

/**
 * Where a search lost a returning person (`--why`): no blocking key shared with their record, the
 * shared keys all left out as too common, behind the candidate cap in the keys' weight, or
 * retrieved and scored below the first five (or below the floor shown to the officer).
 */
async function whyMissed(ctx: Ctx, q: IdentityInput, truth: string): Promise<string> {
  const db = ctx.db.kysely;
  const country = (ctx.actor as NonNullable<Ctx['actor']>).countryCode;
  const query = identityOf(ctx, q);
  const keys = blindValues(ctx.config.secretKey, personBlockingKeys(query));
  const weights = keyWeights(await keyPostings(db, country, keys));
  const held = new Set(
    (await db.selectFrom('registry_person_keys').select('key').where('person_id', '=', truth).execute()).map(
      (r) => r.key,
    ),
  );
  const shared = keys.filter((k) => held.has(k));
  if (shared.length === 0) return 'no key shared';
  if (!shared.some((k) => weights.has(k))) return 'shared keys all too common';
  const { ranked } = await rankCandidates(ctx, db, country, query);
  const i = ranked.findIndex((s) => s.candidate.row.id === truth);
  if (i < 0) return 'behind the candidate cap';
  if (i < 5) return 'below the floor';
  return 'scored below the first five';
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

async function run(db: Db): Promise<Measured> {
  await migrateToLatest(db);
  await seedReference(db);
  const ctx = await ctxFor(db);
  process.stderr.write(
    `${db.dialect}: generating the registrations of ${PERSONS.toLocaleString('en')} persons\n`,
  );
  const { first, later } = split(generateRegistrations({ persons: PERSONS, seed: SEED }));
  const held = Number(
    (await sql<{ n: number }>`SELECT count(*) AS n FROM registry_persons`.execute(db.kysely)).rows[0]?.n ?? 0,
  );
  let loadSeconds = 0;
  let ids: Map<string, string>;
  if (held === 0) {
    process.stderr.write(`${db.dialect}: registering ${first.size.toLocaleString('en')} persons\n`);
    const started = performance.now();
    ids = await load(ctx, first);
    loadSeconds = (performance.now() - started) / 1000;
    await sql`ANALYZE`.execute(db.kysely);
  } else {
    // A kept database: the ids follow the load's order, which the seed makes the same every run.
    process.stderr.write(`${db.dialect}: ${held.toLocaleString('en')} persons already registered\n`);
    const rows = await db.kysely.selectFrom('registry_persons').select('id').orderBy('id').execute();
    ids = new Map([...first.keys()].map((p, i) => [p, rows[i]?.id ?? '']));
  }
  const keys = Number(
    (await sql<{ n: number }>`SELECT count(*) AS n FROM registry_person_keys`.execute(db.kysely)).rows[0]
      ?.n ?? 0,
  );

  // Returning persons, spread over the register; a few warm-up searches first.
  const returning = [...later.entries()].filter(([p]) => ids.has(p));
  const step = Math.max(1, Math.floor(returning.length / QUERIES));
  const chosen = returning.filter((_, i) => i % step === 0).slice(0, QUERIES);
  for (const [, r] of chosen.slice(0, 20)) await searchPersons(ctx, queryOf(r));
  const times: number[] = [];
  let top5 = 0;
  let top1 = 0;
  let compared = 0;
  const misses = new Map<string, number>();
  const examples: string[] = [];
  for (const [personId, r] of chosen) {
    const q = queryOf(r);
    if (!q.givenNames && !q.familyNames && !q.documentNumber) continue;
    const started = performance.now();
    const result = await searchPersons(ctx, q);
    times.push(performance.now() - started);
    compared += result.compared;
    const truth = ids.get(personId);
    const rank = result.candidates.findIndex((c) => c.person.id === truth);
    if (rank >= 0 && rank < 5) top5++;
    if (rank === 0) top1++;
    if (args.why && (rank < 0 || rank >= 5)) {
      const cause = await whyMissed(ctx, q, truth ?? '');
      misses.set(cause, (misses.get(cause) ?? 0) + 1);
      if (cause !== 'no key shared' && examples.length < 12)
        examples.push(
          `${cause}: ${JSON.stringify(q)} ← rank ${rank}, first ${JSON.stringify(result.candidates[0]?.person ?? null)}`,
        );
    }
  }
  if (args.why) {
    console.log(
      `\nWhere the ${[...misses.values()].reduce((a, b) => a + b, 0)} misses of ${times.length} searches were lost:`,
    );
    for (const [cause, n] of [...misses].sort((a, b) => b[1] - a[1])) console.log(`- ${cause}: ${n}`);
    for (const e of examples) console.log(`  ${e}`);
  }
  times.sort((a, b) => a - b);
  const chosenIds = new Set(chosen.map(([p]) => p));
  const scan = NEW_REGISTRATIONS > 0 ? await nightlyScan(ctx, returning, chosenIds, ids) : null;
  await db.close();
  return {
    dialect: db.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite',
    persons: ids.size,
    keys,
    loadSeconds,
    p50: pct(times, 0.5),
    p95: pct(times, 0.95),
    max: times.at(-1) ?? 0,
    recallAt5: top5 / times.length,
    recallAt1: top1 / times.length,
    meanCompared: compared / times.length,
    queries: times.length,
    scan,
  };
}

function report(results: Measured[]) {
  const f = (v: number) => v.toFixed(1);
  console.log(
    `\nSearch before create over ${PERSONS.toLocaleString('en')} generated persons (${QUERIES} returning persons)\n`,
  );
  console.log(
    '| database | persons | keys | load (s) | p50 (ms) | p95 (ms) | max (ms) | recall@1 | recall@5 | compared |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results)
    console.log(
      `| ${r.dialect} | ${r.persons.toLocaleString('en')} | ${r.keys.toLocaleString('en')} | ${r.loadSeconds ? f(r.loadSeconds) : 'kept'} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.max)} | ${r.recallAt1.toFixed(3)} | ${r.recallAt5.toFixed(3)} | ${f(r.meanCompared)} |`,
    );
  const ok = results.every((r) => r.p95 <= 50 && r.recallAt5 >= 0.99);
  console.log(`\nTarget p95 ≤ 50 ms and recall@5 ≥ 0.99 on every database: ${ok ? 'met' : 'NOT met'}`);
  const scans = results.filter((r) => r.scan);
  if (scans.length === 0) return;
  console.log(
    '\nNightly duplicate scan of new registrations against the register (each a returning person)\n',
  );
  console.log('| database | new registrations | seconds | compared | pairs queued | duplicates found |');
  console.log('|---|---|---|---|---|---|');
  for (const { dialect, scan } of scans)
    if (scan)
      console.log(
        `| ${dialect} | ${scan.registrations.toLocaleString('en')} | ${f(scan.seconds)} | ${scan.compared.toLocaleString('en')} | ${scan.queued.toLocaleString('en')} | ${scan.found.toFixed(3)} |`,
      );
  const scanOk = scans.every((r) => (r.scan?.seconds ?? Number.POSITIVE_INFINITY) <= 60);
  console.log(`\nTarget: the scan in ≤ 60 s on every database: ${scanOk ? 'met' : 'NOT met'}`);
}

const resultFile = process.env.BENCH_RESULT_FILE;
if (args.db) {
  report([await run(openDb(args.db))]);
} else if (process.env.DATABASE_URL?.startsWith('postgres')) {
  const result = await run(openDb(process.env.DATABASE_URL));
  if (resultFile) writeFileSync(resultFile, JSON.stringify(result));
  else report([result]);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'enlace-bench-registry-'));
  const sqlite = await run(openDb(join(dir, 'registry.db')));
  const file = join(dir, 'pg.json');
  const root = resolve(import.meta.dirname, '..');
  const child = spawnSync(
    process.execPath,
    [
      join(root, 'scripts/with-postgres.mjs'),
      'tsx',
      join(root, 'bench/registry.bench.ts'),
      '--persons',
      String(PERSONS),
      '--queries',
      String(QUERIES),
      '--new-registrations',
      String(NEW_REGISTRATIONS),
    ],
    { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, BENCH_RESULT_FILE: file }, cwd: root },
  );
  const results = [sqlite];
  try {
    results.push(JSON.parse(readFileSync(file, 'utf8')) as Measured);
  } catch {
    process.stderr.write(`PostgreSQL run failed (exit ${child.status}); SQLite figures only.\n`);
  }
  rmSync(dir, { recursive: true, force: true });
  report(results);
}
