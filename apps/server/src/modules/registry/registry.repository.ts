import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';
import { bulkWrite } from '../../db/bulk';
import type { Db } from '../../db/dialect';
import type { Database } from '../../db/schema';
import type {
  RegistryCentresTable,
  RegistryPersonsTable,
  RegistryReleaseChecksTable,
  RegistryStaysTable,
  RegistryTransfersTable,
} from '../../db/schema/registry';
import type { Tx } from '../../platform/context';
import { KEY_POSTINGS_MAX, KEY_ROWS_BUDGET } from './registry.match';

export type Q = Tx | Kysely<Database>;
export type CentreRow = Selectable<RegistryCentresTable>;
export type PersonRow = Selectable<RegistryPersonsTable>;
export type StayRow = Selectable<RegistryStaysTable>;
export type CheckRow = Selectable<RegistryReleaseChecksTable>;

// ---- centres

export function insertCentre(db: Q, row: Insertable<RegistryCentresTable>) {
  return db.insertInto('registry_centres').values(row).execute();
}

export function findCentre(db: Q, id: string): Promise<CentreRow | undefined> {
  return db.selectFrom('registry_centres').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function centreCodeTaken(db: Q, countryCode: string, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('registry_centres')
    .select('id')
    .where('country_code', '=', countryCode)
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

export function centresOfCountry(db: Q, countryCode: string): Promise<CentreRow[]> {
  return db
    .selectFrom('registry_centres')
    .selectAll()
    .where('country_code', '=', countryCode)
    .orderBy('code')
    .limit(5000)
    .execute();
}

// ---- persons and their blocking keys

export async function insertPerson(
  db: Q,
  row: Insertable<RegistryPersonsTable>,
  keys: readonly string[],
): Promise<void> {
  await db.insertInto('registry_persons').values(row).execute();
  if (keys.length > 0)
    await db
      .insertInto('registry_person_keys')
      .values(
        keys.map((key) => ({ person_id: row.id, key, country_code: row.country_code, owner_id: row.id })),
      )
      .execute();
}

export function findPerson(db: Q, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('registry_persons').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * How many persons of a country hold each key, counted up to KEY_POSTINGS_MAX + 1 (from the key
 * index alone).
 */
export async function keyPostings(
  db: Q,
  countryCode: string,
  keys: readonly string[],
): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const counts = keys.map(
    (key) =>
      sql<{
        key: string;
        n: number;
      }>`SELECT CAST(${key} AS text) AS key, (SELECT count(*) FROM (SELECT 1 FROM registry_person_keys
        WHERE country_code = ${countryCode} AND key = ${key} LIMIT ${KEY_POSTINGS_MAX + 1}) AS m) AS n`,
  );
  const { rows } = await sql<{
    key: string;
    n: number | string;
  }>`${sql.join(counts, sql` UNION ALL `)}`.execute(db);
  return new Map(rows.map((r) => [r.key, Number(r.n)]));
}

/**
 * The persons of a country holding the most weight of a query's blocking keys, at most `limit`,
 * best first: candidate retrieval in the database (the key index), so every server answers
 * alike. A key weighs more the fewer persons hold it (`weights`, see rankCandidates); the
 * aggregation reads the key index alone. A person merged into another counts for the kept one
 * (`owner_id`), and is never retrieved on their own.
 */
export async function candidatesByKeys(
  db: Q,
  countryCode: string,
  weights: ReadonlyMap<string, number>,
  limit: number,
): Promise<(PersonRow & { key_score: number })[]> {
  if (weights.size === 0) return [];
  const postings = [...weights].map(
    ([key, w]) =>
      // Cut: a key held by more persons than the budget is read only when no key is rarer.
      sql`SELECT * FROM (SELECT owner_id, CAST(${w} AS double precision) AS w FROM registry_person_keys
        WHERE country_code = ${countryCode} AND key = ${key} LIMIT ${KEY_ROWS_BUDGET}) AS p`,
  );
  const { rows: top } = await sql<{ owner_id: string; s: number | string }>`SELECT owner_id, sum(w) AS s
    FROM (${sql.join(postings, sql` UNION ALL `)}) AS k
    GROUP BY owner_id ORDER BY s DESC, owner_id DESC LIMIT ${limit}`.execute(db);
  if (top.length === 0) return [];
  const rank = new Map(top.map((r, i) => [r.owner_id, i]));
  const rows = await db
    .selectFrom('registry_persons')
    .selectAll()
    .where('id', 'in', [...rank.keys()])
    .where('country_code', '=', countryCode)
    .where('merged_into', 'is', null)
    .execute();
  const keyScore = new Map(top.map((r) => [r.owner_id, Number(r.s)]));
  return rows
    .sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0))
    .map((row) => ({ ...row, key_score: keyScore.get(row.id) ?? 0 }));
}

/** The persons merged into these (a merge keeps every record: they are read with the kept one). */
export function personsMergedInto(db: Q, keptIds: readonly string[]): Promise<PersonRow[]> {
  if (keptIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('registry_persons')
    .selectAll()
    .where('merged_into', 'in', keptIds)
    .orderBy('id')
    .execute();
}

/** Which of these persons are in a centre now. */
export async function personsInCentre(db: Q, personIds: readonly string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('registry_stays')
    .select('person_id')
    .where('person_id', 'in', personIds)
    .where('status', '=', 'open')
    .execute();
  return new Set(rows.map((r) => r.person_id));
}

export type StayOfPerson = StayRow & { centre_names: string; pending_checks: number };

export function staysOfPerson(db: Q, personId: string): Promise<StayOfPerson[]> {
  return (
    db
      .selectFrom('registry_stays as s')
      .innerJoin('registry_centres as c', 'c.id', 's.centre_id')
      .selectAll('s')
      .select([
        'c.names as centre_names',
        (eb) =>
          eb
            .selectFrom('registry_release_checks as rc')
            .select(sql<number>`count(*)`.as('n'))
            .whereRef('rc.stay_id', '=', 's.id')
            .where('rc.status', '=', 'pending')
            .as('pending_checks'),
      ])
      // A person's stays and those of the persons merged into them: stays stay where they were.
      .where((eb) =>
        eb.or([
          eb('s.person_id', '=', personId),
          eb(
            's.person_id',
            'in',
            eb.selectFrom('registry_persons').select('id').where('merged_into', '=', personId),
          ),
        ]),
      )
      .orderBy('s.admitted_at', 'desc')
      .limit(500)
      .execute() as Promise<StayOfPerson[]>
  );
}

// ---- stays, transfers, release checks

export function insertStay(db: Q, row: Insertable<RegistryStaysTable>) {
  return db.insertInto('registry_stays').values(row).execute();
}

export function findStay(db: Q, id: string): Promise<StayRow | undefined> {
  return db.selectFrom('registry_stays').selectAll().where('id', '=', id).executeTakeFirst();
}

export function openStayOfPerson(db: Q, personId: string): Promise<StayRow | undefined> {
  return db
    .selectFrom('registry_stays')
    .selectAll()
    .where('person_id', '=', personId)
    .where('status', '=', 'open')
    .executeTakeFirst();
}

/** Changes an open stay only: false when it was released in the meantime. */
export async function updateOpenStay(
  db: Q,
  id: string,
  set: Updateable<RegistryStaysTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('registry_stays')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function insertTransfer(db: Q, row: Insertable<RegistryTransfersTable>) {
  return db.insertInto('registry_transfers').values(row).execute();
}

export function transfersOfStay(db: Q, stayId: string) {
  return db
    .selectFrom('registry_transfers as t')
    .leftJoin('users as u', 'u.id', 't.by_user')
    .select(['t.from_centre_id', 't.to_centre_id', 't.at', 'u.display_name as by_name'])
    .where('t.stay_id', '=', stayId)
    .orderBy('t.at')
    .orderBy('t.id')
    .execute();
}

export function insertReleaseCheck(db: Q, row: Insertable<RegistryReleaseChecksTable>) {
  return db.insertInto('registry_release_checks').values(row).execute();
}

export function pendingCheckOfStay(db: Q, stayId: string): Promise<CheckRow | undefined> {
  return db
    .selectFrom('registry_release_checks')
    .selectAll()
    .where('stay_id', '=', stayId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

export function latestCheckOfStay(db: Q, stayId: string): Promise<CheckRow | undefined> {
  return db
    .selectFrom('registry_release_checks')
    .selectAll()
    .where('stay_id', '=', stayId)
    .orderBy('attempted_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** Resolves a pending check only: false when another supervisor resolved it first. */
export async function resolveCheck(
  db: Q,
  id: string,
  set: Pick<CheckRow, 'status' | 'resolved_by' | 'resolved_at' | 'resolution_note_enc'>,
): Promise<boolean> {
  const r = await db
    .updateTable('registry_release_checks')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function incidentCountry(db: Q, id: string) {
  return db.selectFrom('incidents').select('country_code').where('id', '=', id).executeTakeFirst();
}

/** The reference of the incident a stay names (the admission checked it is of the stay's country). */
export function incidentReference(db: Q, id: string) {
  return db.selectFrom('incidents').select(['id', 'reference']).where('id', '=', id).executeTakeFirst();
}

// ---- occupancy

export async function occupiedByUnit(db: Q, centreId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('registry_stays')
    .select(['unit', sql<number>`count(*)`.as('n')])
    .where('centre_id', '=', centreId)
    .where('status', '=', 'open')
    .groupBy('unit')
    .execute();
  return new Map(rows.map((r) => [r.unit, Number(r.n)]));
}

/** Counts per UTC day (the first ten characters of an ISO instant), from..to inclusive. */
async function perDay(
  db: Q,
  table: 'registry_stays' | 'registry_transfers',
  column: 'admitted_at' | 'released_at' | 'at',
  centreColumn: 'admitted_centre_id' | 'centre_id' | 'from_centre_id' | 'to_centre_id',
  centreId: string,
  from: string,
  toExclusive: string,
): Promise<{ day: string; n: number }[]> {
  const day = sql<string>`substr(${sql.ref(column)}, 1, 10)`;
  const rows = await db
    .selectFrom(table)
    .select([day.as('day'), sql<number>`count(*)`.as('n')])
    .where(sql.ref(centreColumn), '=', centreId)
    .where(sql.ref(column), '>=', from)
    .where(sql.ref(column), '<', toExclusive)
    .groupBy(day)
    .execute();
  return rows.map((r) => ({ day: String(r.day), n: Number(r.n) }));
}

export async function movementsPerDay(db: Q, centreId: string, from: string, toExclusive: string) {
  const [admitted, released, transferredIn, transferredOut] = await Promise.all([
    perDay(db, 'registry_stays', 'admitted_at', 'admitted_centre_id', centreId, from, toExclusive),
    perDay(db, 'registry_stays', 'released_at', 'centre_id', centreId, from, toExclusive),
    perDay(db, 'registry_transfers', 'at', 'to_centre_id', centreId, from, toExclusive),
    perDay(db, 'registry_transfers', 'at', 'from_centre_id', centreId, from, toExclusive),
  ]);
  return { admitted, released, transferredIn, transferredOut };
}

/** Admission and release instants of the stays released from a centre in a range. */
export function releasedStays(db: Q, centreId: string, from: string, toExclusive: string) {
  return db
    .selectFrom('registry_stays')
    .select(['admitted_at', 'released_at'])
    .where('centre_id', '=', centreId)
    .where('status', '=', 'released')
    .where('released_at', '>=', from)
    .where('released_at', '<', toExclusive)
    .limit(100_000)
    .execute();
}

export function openStaysOfCentre(db: Q, centreId: string) {
  return db
    .selectFrom('registry_stays')
    .innerJoin('registry_persons', 'registry_persons.id', 'registry_stays.person_id')
    .select([
      'registry_stays.admitted_at',
      'registry_persons.sex',
      'registry_persons.birth_date',
      'registry_persons.nationality',
    ])
    .where('registry_stays.centre_id', '=', centreId)
    .where('registry_stays.status', '=', 'open')
    .limit(100_000)
    .execute();
}

/** Everyone in a centre now, in every country: what the regional aggregates count (no names). */
export function residentsOfRegion(db: Q) {
  return db
    .selectFrom('registry_stays')
    .innerJoin('registry_persons', 'registry_persons.id', 'registry_stays.person_id')
    .select([
      'registry_stays.country_code',
      'registry_persons.sex',
      'registry_persons.birth_date',
      'registry_persons.nationality',
    ])
    .where('registry_stays.status', '=', 'open')
    .execute();
}

export type CentreResourcesRow = Selectable<Database['registry_centre_resources']>;

export async function insertCentreResources(db: Q, row: CentreResourcesRow): Promise<void> {
  await db.insertInto('registry_centre_resources').values(row).execute();
}

/** Every declaration of a centre's resources, the latest first (by its day, then when declared). */
export function centreResourcesOf(db: Q, centreId: string): Promise<CentreResourcesRow[]> {
  return db
    .selectFrom('registry_centre_resources')
    .selectAll()
    .where('centre_id', '=', centreId)
    .orderBy('as_of', 'desc')
    .orderBy('declared_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1000)
    .execute();
}

// ---- lists a centre works from

export type ResidentRow = PersonRow & {
  stay_id: string;
  unit: string;
  admitted_at: string;
  pending_checks: number;
};

/** The residents of a centre now (its open stays), newest admission first, one page of them. */
export function residentsOfCentre(db: Q, centreId: string, limit: number, offset: number) {
  return db
    .selectFrom('registry_stays as s')
    .innerJoin('registry_persons as p', 'p.id', 's.person_id')
    .selectAll('p')
    .select([
      's.id as stay_id',
      's.unit',
      's.admitted_at',
      (eb) =>
        eb
          .selectFrom('registry_release_checks as rc')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('rc.stay_id', '=', 's.id')
          .where('rc.status', '=', 'pending')
          .as('pending_checks'),
    ])
    .where('s.centre_id', '=', centreId)
    .where('s.status', '=', 'open')
    .orderBy('s.admitted_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute() as Promise<ResidentRow[]>;
}

export async function countResidents(db: Q, centreId: string): Promise<number> {
  const r = await db
    .selectFrom('registry_stays')
    .select(sql<number>`count(*)`.as('n'))
    .where('centre_id', '=', centreId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export type PendingCheckRow = CheckRow &
  Pick<PersonRow, 'given_names_enc' | 'family_names_enc'> & {
    person_id: string;
    centre_id: string;
    centre_names: string;
    attempted_by_name: string | null;
  };

/** The identity checks of a country's releases that wait for a supervisor, oldest first. */
export function pendingChecksOfCountry(db: Q, countryCode: string): Promise<PendingCheckRow[]> {
  return db
    .selectFrom('registry_release_checks as rc')
    .innerJoin('registry_stays as s', 's.id', 'rc.stay_id')
    .innerJoin('registry_persons as p', 'p.id', 's.person_id')
    .innerJoin('registry_centres as c', 'c.id', 's.centre_id')
    .leftJoin('users as u', 'u.id', 'rc.attempted_by')
    .selectAll('rc')
    .select([
      'p.given_names_enc',
      'p.family_names_enc',
      's.person_id',
      's.centre_id',
      'c.names as centre_names',
      'u.display_name as attempted_by_name',
    ])
    .where('rc.country_code', '=', countryCode)
    .where('rc.status', '=', 'pending')
    .orderBy('rc.attempted_at')
    .limit(500)
    .execute();
}

// ---- bulk loading (the registry's benchmark)

const PERSON_COLUMNS = [
  'id',
  'country_code',
  'given_names_enc',
  'family_names_enc',
  'document_given_names_enc',
  'document_family_names_enc',
  'aliases_enc',
  'sex',
  'birth_date',
  'birth_date_precision',
  'nationality',
  'other_nationalities',
  'languages',
  'document_number_enc',
  'merged_into',
  'created_by',
  'created_at',
] as const satisfies readonly (keyof PersonRow)[];

/** Many persons and their keys at once (one COPY or one prepared statement per table). */
export async function insertPersonsInBulk(
  db: Db,
  trx: Q,
  records: readonly { row: PersonRow; keys: readonly string[] }[],
): Promise<void> {
  await bulkWrite(
    db,
    trx as Kysely<unknown>,
    'registry_persons',
    PERSON_COLUMNS.map((name) => ({ name, type: 'text' as const })),
    records.length,
    (i) => PERSON_COLUMNS.map((c) => (records[i] as { row: PersonRow }).row[c]),
  );
  const keys = records.flatMap(({ row, keys }) =>
    keys.map((key) => [row.id, key, row.country_code, row.merged_into ?? row.id] as const),
  );
  await bulkWrite(
    db,
    trx as Kysely<unknown>,
    'registry_person_keys',
    [
      { name: 'person_id', type: 'text' },
      { name: 'key', type: 'text' },
      { name: 'country_code', type: 'text' },
      { name: 'owner_id', type: 'text' },
    ],
    keys.length,
    (i) => keys[i] as readonly unknown[],
  );
  // The registration's document, as registering one person writes it (insertRegistrationDocument).
  const documents = records.map(({ row }) => row).filter((row) => row.document_number_enc !== null);
  await bulkWrite(
    db,
    trx as Kysely<unknown>,
    'registry_person_documents',
    DOCUMENT_COLUMNS.map((name) => ({ name, type: 'text' as const })),
    documents.length,
    (i) => {
      const row = documents[i] as PersonRow;
      return [
        row.id,
        row.id,
        row.country_code,
        'unspecified',
        row.document_number_enc,
        'current',
        row.created_by,
        row.created_at,
      ];
    },
  );
}

const DOCUMENT_COLUMNS = [
  'id',
  'person_id',
  'country_code',
  'kind',
  'number_enc',
  'status',
  'added_by',
  'added_at',
] as const;
