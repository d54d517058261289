import type { StatsDimension } from '@enlace/shared';
import { type Kysely, type RawBuilder, type Selectable, sql } from 'kysely';
import type { Database } from '../../db/schema';
import type { DataInventoryTable } from '../../db/schema/cases';
import type { Actor, Tx } from '../../platform/context';
import { ALL_SLICE, COUNT_COLUMNS, GRID_LEVELS } from './rollups';

type Q = Tx | Kysely<Database>;

/** The finest map grid (0.2°): kept by year, for all nationalities together. */
export const FINEST_LEVEL = GRID_LEVELS.length - 1;
export type DataInventoryRow = Selectable<DataInventoryTable>;

/** The dashboard's filters as the rollups store them (months as yyyymm). */
export interface StatsFilter {
  fromMonth: number | null;
  toMonth: number | null;
  country?: string;
  /** One region, or the regions of a group (REGION_GROUPS). */
  regions?: readonly string[];
  mode?: string;
  route?: string;
  nationality?: string;
  /** 'enlace' or a public source. */
  source?: string;
}

function inList(col: RawBuilder<unknown>, values: readonly string[]): RawBuilder<unknown> {
  return values.length === 1
    ? sql`${col} = ${values[0]}`
    : sql`${col} IN (${sql.join(values.map((v) => sql`${v}`))})`;
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

const FIRST = 190001;
const LAST = 209912;

/**
 * The rollup rows of a period: rows of whole years (month = yyyy00) for the years it covers
 * entirely, and monthly rows for the months of the years it covers in part. Asked for monthly
 * rows only (to group by month), every month of the period.
 */
export function periodRanges(
  from: number | null,
  to: number | null,
  monthly: boolean,
): { years: number[]; months: [number, number][] } {
  const a = from ?? FIRST;
  const b = to ?? LAST;
  if (a > b) return { years: [], months: [[a, b]] };
  if (monthly) return { years: [], months: [[a, b]] };
  const fy = Math.floor(a / 100);
  const ty = Math.floor(b / 100);
  const years: number[] = [];
  const months: [number, number][] = [];
  if (fy === ty) {
    if (a % 100 === 1 && b % 100 === 12) years.push(fy * 100);
    else months.push([a, b]);
    return { years, months };
  }
  if (a % 100 === 1) years.push(fy * 100);
  else months.push([a, fy * 100 + 12]);
  for (let y = fy + 1; y < ty; y++) years.push(y * 100);
  if (b % 100 === 12) years.push(ty * 100);
  else months.push([ty * 100 + 1, b]);
  return { years, months };
}

function periodWhere(col: RawBuilder<unknown>, f: StatsFilter, monthly: boolean): RawBuilder<unknown> {
  const { years, months } = periodRanges(f.fromMonth, f.toMonth, monthly);
  // A monthly range across years would take in the year rows (yyyy00) within it.
  if (monthly)
    return sql`${col} BETWEEN ${sql.lit(months[0]?.[0] ?? FIRST)} AND ${sql.lit(months[0]?.[1] ?? LAST)} AND ${col} % 100 <> 0`;
  const parts: RawBuilder<unknown>[] = months.map(
    ([x, y]) => sql`${col} BETWEEN ${sql.lit(x)} AND ${sql.lit(y)}`,
  );
  if (years.length) parts.push(sql`${col} IN (${sql.join(years.map((y) => sql.lit(y)))})`);
  return parts.length === 1 ? (parts[0] as RawBuilder<unknown>) : sql`(${sql.join(parts, sql` OR `)})`;
}

/** WHERE clause shared by every rollup: period, place, mode and route; the slice where there is one. */
function where(
  f: StatsFilter,
  opts: { slice?: boolean; prefix?: string; monthly?: boolean } = {},
): RawBuilder<unknown> {
  const col = (c: string) => sql.ref(opts.prefix ? `${opts.prefix}.${c}` : c);
  const parts: RawBuilder<unknown>[] = [];
  if (opts.slice) parts.push(sql`${col('nat')} = ${f.nationality ?? ALL_SLICE}`);
  parts.push(periodWhere(col('month'), f, opts.monthly ?? false));
  if (f.country) parts.push(sql`${col('country')} = ${f.country}`);
  if (f.regions?.length) parts.push(inList(col('region'), f.regions));
  if (f.mode) parts.push(sql`${col('mode')} = ${f.mode}`);
  if (f.route) parts.push(sql`${col('route')} = ${f.route}`);
  if (f.source) parts.push(sql`${col('source')} = ${f.source}`);
  return parts.length ? sql.join(parts, sql` AND `) : sql`1 = 1`;
}

const dimExpr = (d: StatsDimension): RawBuilder<unknown> => (d === 'year' ? sql`month / 100` : sql.ref(d));

export interface IncidentSums {
  key: Record<string, string | number>;
  incidents: number;
  values: Record<(typeof COUNT_COLUMNS)[number], number>;
  known: Record<(typeof COUNT_COLUMNS)[number], number>;
}

/** Incidents and person counts summed by the dimensions asked for (none: one total). */
export async function sumIncidents(
  db: Q,
  f: StatsFilter,
  by: readonly StatsDimension[],
): Promise<IncidentSums[]> {
  const dims = by.map((d) => sql`${dimExpr(d)} AS ${sql.ref(`d_${d}`)}`);
  const measures = [
    sql`SUM(incidents) AS incidents`,
    ...COUNT_COLUMNS.flatMap((c) => [
      sql`SUM(${sql.ref(c)}) AS ${sql.ref(c)}`,
      sql`SUM(${sql.ref(`${c}_known`)}) AS ${sql.ref(`${c}_known`)}`,
    ]),
  ];
  const group = by.length
    ? sql` GROUP BY ${sql.join(by.map(dimExpr))} ORDER BY ${sql.join(by.map(dimExpr))}`
    : sql``;
  const { rows } = await sql<Record<string, unknown>>`SELECT ${sql.join([...dims, ...measures])}
    FROM stats_incidents WHERE ${where(f, { slice: true, monthly: by.includes('month') })}${group}`.execute(
    db,
  );
  return rows
    .filter((r) => num(r.incidents) !== 0)
    .map((r) => ({
      key: Object.fromEntries(by.map((d) => [d, r[`d_${d}`] as string | number])),
      incidents: num(r.incidents),
      values: Object.fromEntries(COUNT_COLUMNS.map((c) => [c, num(r[c])])) as IncidentSums['values'],
      known: Object.fromEntries(COUNT_COLUMNS.map((c) => [c, num(r[`${c}_known`])])) as IncidentSums['known'],
    }));
}

export interface FlowSums {
  origin: string;
  destination: string;
  incidents: number;
  migrants: number;
  migrantsKnown: number;
  dead: number;
  deadKnown: number;
  missing: number;
  missingKnown: number;
}

/** Incidents and persons by origin → destination, for the route-flow map. */
export async function sumFlows(db: Q, f: StatsFilter): Promise<FlowSums[]> {
  const { rows } = await sql<Record<string, unknown>>`SELECT origin, destination, SUM(incidents) AS incidents,
      SUM(migrants) AS migrants, SUM(migrants_known) AS migrants_known, SUM(dead) AS dead,
      SUM(dead_known) AS dead_known, SUM(missing) AS missing, SUM(missing_known) AS missing_known
    FROM stats_flows WHERE ${where(f, { slice: true })}
    GROUP BY origin, destination ORDER BY SUM(incidents) DESC, origin, destination`.execute(db);
  return rows
    .filter((r) => num(r.incidents) !== 0)
    .map((r) => ({
      origin: String(r.origin),
      destination: String(r.destination),
      incidents: num(r.incidents),
      migrants: num(r.migrants),
      migrantsKnown: num(r.migrants_known),
      dead: num(r.dead),
      deadKnown: num(r.dead_known),
      missing: num(r.missing),
      missingKnown: num(r.missing_known),
    }));
}

/** Persons by sex and age group (of one nationality when the filter names one). */
export async function sumPeopleBySexAge(
  db: Q,
  f: StatsFilter,
): Promise<{ sex: string; ageGroup: string; persons: number }[]> {
  const { rows } = await sql<Record<string, unknown>>`SELECT sex, age_group, SUM(persons) AS persons
    FROM stats_people WHERE ${where(f, { slice: true })} GROUP BY sex, age_group`.execute(db);
  return rows.map((r) => ({ sex: String(r.sex), ageGroup: String(r.age_group), persons: num(r.persons) }));
}

/** Persons by nationality ('' unknown). */
export async function sumPeopleByNationality(
  db: Q,
  f: StatsFilter,
): Promise<{ nationality: string; persons: number }[]> {
  const nat = f.nationality ? sql` AND nationality = ${f.nationality}` : sql``;
  const { rows } = await sql<Record<string, unknown>>`SELECT nationality, SUM(persons) AS persons
    FROM stats_people_nat WHERE ${where(f)}${nat} GROUP BY nationality ORDER BY SUM(persons) DESC, nationality`.execute(
    db,
  );
  return rows.map((r) => ({ nationality: String(r.nationality), persons: num(r.persons) }));
}

/** Incidents by modus operandi term. */
export async function sumModus(db: Q, f: StatsFilter): Promise<{ code: string; incidents: number }[]> {
  const { rows } = await sql<Record<string, unknown>>`SELECT code, SUM(incidents) AS incidents
    FROM stats_modus WHERE ${where(f, { slice: true })} GROUP BY code ORDER BY SUM(incidents) DESC, code`.execute(
    db,
  );
  return rows
    .filter((r) => num(r.incidents) !== 0)
    .map((r) => ({ code: String(r.code), incidents: num(r.incidents) }));
}

export interface CellSums {
  cx: number;
  cy: number;
  incidents: number;
  migrants: number;
  migrantsKnown: number;
  dead: number;
  deadKnown: number;
  missing: number;
  missingKnown: number;
}

/**
 * Located incidents by cell of a grid level (cells merged `factor` × `factor` for a coarser
 * grid), within a range of cells of that level. The sums of coordinates the rollup keeps are not
 * read: a cell of one incident would give its exact place away.
 */
export async function sumGrid(
  db: Q,
  f: StatsFilter,
  level: number,
  factor: number,
  range: { x0: number; x1: number; y0: number; y1: number } | null,
): Promise<CellSums[]> {
  const box = range
    ? sql` AND cx BETWEEN ${range.x0} AND ${range.x1} AND cy BETWEEN ${range.y0} AND ${range.y1}`
    : sql``;
  const k = sql.lit(Math.max(1, Math.trunc(factor)));
  const { rows } = await sql<
    Record<string, unknown>
  >`SELECT cx / ${k} AS cx, cy / ${k} AS cy, SUM(incidents) AS incidents,
      SUM(migrants) AS migrants, SUM(migrants_known) AS migrants_known, SUM(dead) AS dead,
      SUM(dead_known) AS dead_known, SUM(missing) AS missing, SUM(missing_known) AS missing_known
    FROM stats_grid WHERE level = ${level} AND ${where(f, { slice: true })}${box}
    GROUP BY cx / ${k}, cy / ${k}`.execute(db);
  return rows
    .filter((r) => num(r.incidents) > 0)
    .map((r) => ({
      cx: num(r.cx),
      cy: num(r.cy),
      incidents: num(r.incidents),
      migrants: num(r.migrants),
      migrantsKnown: num(r.migrants_known),
      dead: num(r.dead),
      deadKnown: num(r.dead_known),
      missing: num(r.missing),
      missingKnown: num(r.missing_known),
    }));
}

/** Conditions on the incidents table equivalent to a rollup filter. */
function incidentWhere(f: StatsFilter): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (f.fromMonth !== null) parts.push(sql`i.occurred_on >= ${monthStart(f.fromMonth)}`);
  if (f.toMonth !== null) parts.push(sql`i.occurred_on <= ${monthEnd(f.toMonth)}`);
  if (f.country) parts.push(sql`i.place_country = ${f.country}`);
  if (f.regions?.length) parts.push(inList(sql.ref('i.region'), f.regions));
  if (f.mode) parts.push(sql`i.mode = ${f.mode}`);
  if (f.route) parts.push(sql`i.route = ${f.route}`);
  if (f.source) parts.push(sql`i.source = ${f.source}`);
  if (f.nationality) parts.push(sql`i.nationality_set LIKE ${`%,${f.nationality},%`}`);
  return parts.length ? sql.join(parts, sql` AND `) : sql`1 = 1`;
}

export function monthStart(m: number): string {
  return `${Math.floor(m / 100)}-${String(m % 100).padStart(2, '0')}-01`;
}
export function monthEnd(m: number): string {
  return `${Math.floor(m / 100)}-${String(m % 100).padStart(2, '0')}-31`;
}

export interface PointRow {
  id: string;
  latitude: number;
  longitude: number;
  kind: string;
  occurred_on: string;
  migrants: number | null;
  dead: number | null;
  missing: number | null;
}

/**
 * Incidents of the actor's scope inside a box (on the 0.1° cells of the incidents table), at most
 * `limit`, in no particular order: when there are more, the caller shows cells instead.
 */
export async function incidentPoints(
  db: Q,
  actor: Actor,
  f: StatsFilter,
  box: { west: number; south: number; east: number; north: number },
  cells: { x0: number; x1: number; y0: number; y1: number },
  limit: number,
): Promise<PointRow[]> {
  const scope = actor.scope === 'all' ? sql`1 = 1` : sql`i.country_code = ${actor.countryCode}`;
  const { rows } =
    await sql<PointRow>`SELECT i.id, i.latitude, i.longitude, i.kind, i.occurred_on, i.migrants, i.dead, i.missing
    FROM incidents i
    WHERE ${scope} AND i.cell_x BETWEEN ${cells.x0} AND ${cells.x1} AND i.cell_y BETWEEN ${cells.y0} AND ${cells.y1}
      AND i.latitude BETWEEN ${box.south} AND ${box.north} AND i.longitude BETWEEN ${box.west} AND ${box.east}
      AND ${incidentWhere(f)}
    LIMIT ${limit}`.execute(db);
  return rows.map((r) => ({
    ...r,
    latitude: Number(r.latitude),
    longitude: Number(r.longitude),
    migrants: r.migrants === null ? null : Number(r.migrants),
    dead: r.dead === null ? null : Number(r.dead),
    missing: r.missing === null ? null : Number(r.missing),
  }));
}

// ——— cases ———

function caseWhere(f: StatsFilter, table: string): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (f.fromMonth !== null) parts.push(sql`${sql.ref(`${table}.month`)} >= ${f.fromMonth}`);
  if (f.toMonth !== null) parts.push(sql`${sql.ref(`${table}.month`)} <= ${f.toMonth}`);
  if (f.country) parts.push(sql`${sql.ref(`${table}.country_code`)} = ${f.country}`);
  return parts.length ? sql.join(parts, sql` AND `) : sql`1 = 1`;
}

export async function countCasesByStage(db: Q, f: StatsFilter): Promise<{ stage: string; cases: number }[]> {
  const { rows } = await sql<Record<string, unknown>>`SELECT stage, COUNT(*) AS cases FROM cases
    WHERE ${caseWhere(f, 'cases')} GROUP BY stage`.execute(db);
  return rows.map((r) => ({ stage: String(r.stage), cases: num(r.cases) }));
}

export async function countDefendantsByOutcome(
  db: Q,
  f: StatsFilter,
): Promise<{ outcome: string; persons: number }[]> {
  const { rows } = await sql<Record<string, unknown>>`SELECT outcome, COUNT(*) AS persons FROM case_suspects
    WHERE defendant = 1 AND ${caseWhere(f, 'case_suspects')} GROUP BY outcome`.execute(db);
  return rows.map((r) => ({ outcome: String(r.outcome), persons: num(r.persons) }));
}

/** Days from opening to judgment, as a histogram (exact median and percentiles without moving every row). */
export async function judgmentDelays(db: Q, f: StatsFilter): Promise<{ days: number; cases: number }[]> {
  const { rows } = await sql<
    Record<string, unknown>
  >`SELECT days_to_judgment AS days, COUNT(*) AS cases FROM cases
    WHERE days_to_judgment IS NOT NULL AND ${caseWhere(f, 'cases')}
    GROUP BY days_to_judgment ORDER BY days_to_judgment`.execute(db);
  return rows.map((r) => ({ days: num(r.days), cases: num(r.cases) }));
}

export async function sumAssets(
  db: Q,
  f: StatsFilter,
): Promise<{ status: string; currency: string; items: number; valueMinor: number }[]> {
  const { rows } = await sql<Record<string, unknown>>`SELECT status, currency, COUNT(*) AS items,
      SUM(value_minor) AS value_minor FROM case_assets
    WHERE currency IS NOT NULL AND value_minor IS NOT NULL AND ${caseWhere(f, 'case_assets')}
    GROUP BY status, currency ORDER BY status, currency`.execute(db);
  return rows.map((r) => ({
    status: String(r.status),
    currency: String(r.currency),
    items: num(r.items),
    valueMinor: num(r.value_minor),
  }));
}

// ——— database inventory ———

export function listInventory(db: Q, country?: string): Promise<DataInventoryRow[]> {
  let qb = db.selectFrom('data_inventory').selectAll();
  if (country) qb = qb.where('country_code', '=', country);
  return qb.orderBy('country_code').orderBy('name').execute();
}

export function findInventoryEntry(db: Q, id: string): Promise<DataInventoryRow | undefined> {
  return db.selectFrom('data_inventory').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertInventoryEntry(db: Q, row: DataInventoryRow): Promise<void> {
  await db.insertInto('data_inventory').values(row).execute();
}

export async function updateInventoryEntry(db: Q, row: DataInventoryRow): Promise<void> {
  const { id, ...rest } = row;
  await db.updateTable('data_inventory').set(rest).where('id', '=', id).execute();
}

export async function deleteInventoryEntry(db: Q, id: string): Promise<void> {
  await db.deleteFrom('data_inventory').where('id', '=', id).execute();
}

// ——— exchange response times ———

/** Whose exchanges: a country's (owner or named participant), in a period of creation. */
export interface ExchangeScope {
  country: string;
  /** Prosecutors count the prosecutors' channel too; no one else learns it has threads. */
  prosecutors: boolean;
  /** ISO instants: created at or after `from`, before `until`. */
  from: string | null;
  until: string | null;
}

/**
 * The ids of the threads a country takes part in: it opened them, or a current participant names
 * it (the country, one of its agencies or one of its users). A broadcast to the network alone does
 * not make a country a participant here: it expects no answer from any one country.
 */
function threadsOfCountry(db: Q, s: ExchangeScope) {
  let qb = db
    .selectFrom('exchange_threads as t')
    .select('t.id')
    .where((eb) =>
      eb.or([
        eb('t.owner_country', '=', s.country),
        eb.exists(
          eb
            .selectFrom('exchange_participants as p')
            .select(sql<number>`1`.as('one'))
            .whereRef('p.thread_id', '=', 't.id')
            .where('p.removed_at', 'is', null)
            .where((pe) =>
              pe.or([
                pe.and([pe('p.kind', '=', 'country'), pe('p.ref', '=', s.country)]),
                pe.and([
                  pe('p.kind', '=', 'user'),
                  pe(
                    'p.ref',
                    'in',
                    pe.selectFrom('users').select('id').where('country_code', '=', s.country),
                  ),
                ]),
                pe.and([
                  pe('p.kind', '=', 'agency'),
                  pe(
                    'p.ref',
                    'in',
                    pe.selectFrom('agencies').select('id').where('country_code', '=', s.country),
                  ),
                ]),
              ]),
            ),
        ),
      ]),
    );
  if (!s.prosecutors) qb = qb.where('t.channel', '=', 'network');
  if (s.from) qb = qb.where('t.created_at', '>=', s.from);
  if (s.until) qb = qb.where('t.created_at', '<', s.until);
  return qb;
}

/**
 * What response times are computed from, for the threads of a country: each thread's priority,
 * creation and deadline; every named participant row (removed ones too: a country's clock starts
 * when it was first added) with the country it reaches; the receipts per country.
 */
export async function exchangeResponseSources(db: Q, s: ExchangeScope) {
  const ids = threadsOfCountry(db, s);
  const [threads, participants, receipts] = await Promise.all([
    db
      .selectFrom('exchange_threads')
      .select(['id', 'owner_country', 'priority', 'created_at', 'reply_by'])
      .where('id', 'in', ids)
      .execute(),
    db
      .selectFrom('exchange_participants as p')
      .leftJoin('users as u', (j) => j.onRef('u.id', '=', 'p.ref').on('p.kind', '=', 'user'))
      .leftJoin('agencies as a', (j) => j.onRef('a.id', '=', 'p.ref').on('p.kind', '=', 'agency'))
      .select([
        'p.thread_id',
        'p.kind',
        'p.ref',
        'p.added_at',
        'p.removed_at',
        'u.country_code as user_country',
        'a.country_code as agency_country',
      ])
      .where('p.kind', 'in', ['user', 'agency', 'country'])
      .where('p.thread_id', 'in', ids)
      .execute(),
    db
      .selectFrom('exchange_receipts')
      .select(['thread_id', 'country_code', 'acknowledged_at', 'replied_at'])
      .where('thread_id', 'in', ids)
      .execute(),
  ]);
  return {
    threads,
    participants: participants.map((p) => ({
      threadId: p.thread_id,
      country: p.kind === 'country' ? p.ref : p.kind === 'user' ? p.user_country : p.agency_country,
      addedAt: p.added_at,
      current: p.removed_at === null,
    })),
    receipts,
  };
}
