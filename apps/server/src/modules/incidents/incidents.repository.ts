import { type IncidentSort, PUBLIC_SOURCES, regionCodesOf } from '@enlace/shared';
import type { Kysely, Selectable, SqlBool } from 'kysely';
import { sql } from 'kysely';
import { type BulkColumn, bulkWrite } from '../../db/bulk';
import type { Db, DialectName } from '../../db/dialect';
import { countPartsUpTo, type ListPage, type OrderColumn, pageOfParts } from '../../db/order';
import type { Database } from '../../db/schema';
import type { IncidentsTable, IncidentVersionsTable, VocabTermsTable } from '../../db/schema/incidents';
import { scopeTo } from '../../platform/authz/access';
import type { Actor, Tx } from '../../platform/context';
import {
  facetToken,
  ftsMatchesAtMost,
  matchesSearch,
  type QueryWord,
  wholeWords,
} from '../../platform/search/search';
import { sharedWithCountry } from '../../platform/shares/shares.repository';

export type IncidentRow = Selectable<IncidentsTable>;
export type IncidentVersionRow = Selectable<IncidentVersionsTable>;
export type VocabRow = Selectable<VocabTermsTable>;
type Q = Tx | Kysely<Database>;

export function listVocabTerms(db: Q): Promise<VocabRow[]> {
  return db
    .selectFrom('vocab_terms')
    .selectAll()
    .orderBy('vocabulary')
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
}

export function findVocabTerm(db: Q, vocabulary: string, code: string): Promise<VocabRow | undefined> {
  return db
    .selectFrom('vocab_terms')
    .selectAll()
    .where('vocabulary', '=', vocabulary)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function insertVocabTerm(db: Q, row: VocabRow): Promise<void> {
  await db.insertInto('vocab_terms').values(row).execute();
}

export async function updateVocabTerm(
  db: Q,
  vocabulary: string,
  code: string,
  patch: { labels?: string; active?: number },
): Promise<void> {
  await db
    .updateTable('vocab_terms')
    .set(patch)
    .where('vocabulary', '=', vocabulary)
    .where('code', '=', code)
    .execute();
}

// Every column in table order, with its PostgreSQL type: a Record, so that a column added to the
// table cannot be forgotten here.
const INCIDENT_COLUMN_TYPES: Record<keyof IncidentRow, BulkColumn['type']> = {
  id: 'text',
  country_code: 'text',
  reference: 'text',
  source: 'text',
  external_id: 'text',
  kind: 'text',
  mode: 'text',
  occurred_on: 'text',
  occurred_at: 'text',
  time_zone: 'text',
  place_name: 'text',
  latitude: 'double precision',
  longitude: 'double precision',
  cell_x: 'integer',
  cell_y: 'integer',
  place_country: 'text',
  region: 'text',
  maritime_zone: 'text',
  conveyance: 'text',
  reporting_agency_id: 'text',
  source_name: 'text',
  source_url: 'text',
  source_quality: 'integer',
  confidence: 'text',
  narrative_enc: 'text',
  cause_of_death: 'text',
  route: 'text',
  origin_country: 'text',
  transit_countries: 'text',
  destination_country: 'text',
  migrants: 'integer',
  females: 'integer',
  males: 'integer',
  children: 'integer',
  unaccompanied_children: 'integer',
  dead: 'integer',
  missing: 'integer',
  survivors: 'integer',
  injured: 'integer',
  smugglers_apprehended: 'integer',
  breakdown: 'text',
  nationalities: 'text',
  modus_operandi: 'text',
  nationality_set: 'text',
  source_extra: 'text',
  version: 'integer',
  is_demo: 'integer',
  created_at: 'text',
  created_by: 'text',
  updated_at: 'text',
  updated_by: 'text',
  search_terms: 'text',
};
export const INCIDENT_COLUMNS = (
  Object.entries(INCIDENT_COLUMN_TYPES) as [keyof IncidentRow, BulkColumn['type']][]
).map(([name, type]) => ({ name, type }));

/**
 * Inserts incidents in bulk, in the caller's transaction. The rows come from `rowOf`, whose
 * properties are in table order (a unit test holds it to INCIDENT_COLUMNS).
 */
export async function insertIncidents(db: Db, trx: Q, rows: readonly IncidentRow[]): Promise<void> {
  await bulkWrite(
    db,
    trx as Kysely<unknown>,
    'incidents',
    INCIDENT_COLUMNS,
    rows.length,
    (i) => Object.values(rows[i] as IncidentRow),
    { searchIndexed: true },
  );
}

export function findIncident(db: Q, id: string): Promise<IncidentRow | undefined> {
  return db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findIncidentsByIds(db: Q, ids: readonly string[]): Promise<IncidentRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('incidents').selectAll().where('id', 'in', ids).execute();
}

/** Whether a country holds any incident from a source (a first import need not look for repeats). */
export async function hasIncidentsFrom(db: Q, country: string, source: string): Promise<boolean> {
  const row = await db
    .selectFrom('incidents')
    .select('id')
    .where('country_code', '=', country)
    .where('source', '=', source)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Incidents of a country already imported from a source, by their identifiers there. */
export async function findByExternalIds(
  db: Q,
  country: string,
  source: string,
  externalIds: readonly string[],
): Promise<IncidentRow[]> {
  const out: IncidentRow[] = [];
  for (let i = 0; i < externalIds.length; i += 5000) {
    out.push(
      ...(await db
        .selectFrom('incidents')
        .selectAll()
        .where('country_code', '=', country)
        .where('source', '=', source)
        .where('external_id', 'in', externalIds.slice(i, i + 5000))
        .execute()),
    );
  }
  return out;
}

/** Replaces an incident's row if it is still at `version`; false when someone changed it meanwhile. */
export async function updateIncidentAtVersion(db: Q, row: IncidentRow, version: number): Promise<boolean> {
  const { id, ...rest } = row;
  const res = await db
    .updateTable('incidents')
    .set(rest)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function deleteIncident(db: Q, id: string): Promise<void> {
  await db.deleteFrom('incidents').where('id', '=', id).execute();
}

export async function insertVersion(db: Q, row: IncidentVersionRow): Promise<void> {
  await db.insertInto('incident_versions').values(row).execute();
}

export function listVersions(db: Q, incidentId: string): Promise<IncidentVersionRow[]> {
  return db
    .selectFrom('incident_versions')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .orderBy('version', 'desc')
    .execute();
}

export interface IncidentFilter {
  from?: string;
  to?: string;
  kind?: string;
  mode?: string;
  route?: string;
  source?: string;
  /** Country where it happened. */
  country?: string;
  /** Statistical region of the place. */
  region?: string;
  /** The words searched (platform/search `parseSearch`). */
  search?: QueryWord[];
}

/**
 * The incidents an actor may read: those of their scope, and every record imported from a public
 * source (PUBLIC_SOURCES), whoever imported it. Deny by default: without an actor, none.
 * Writing stays with the owner (incidents.policy).
 */
export function readableIncidents(db: Q, actor: Actor | null) {
  const qb = db.selectFrom('incidents');
  if (!actor || actor.scope === 'all') return scopeTo(qb, actor, 'incidents.country_code');
  return qb.where((eb) =>
    eb.or([
      eb('incidents.country_code', '=', actor.countryCode),
      eb('incidents.source', 'in', [...PUBLIC_SOURCES]),
    ]),
  );
}

/**
 * How the database should find a list's rows (SQLite only: PostgreSQL's planner chooses well
 * from its statistics). `walk`: a page walks the index of this sort column, so the filters are
 * only checked on its rows (unary `+` keeps the planner from driving the query by a filter's
 * index and sorting what it finds, which for many matches reads them all). `search`: a search
 * matches few of the own country's rows, so each match is looked up (every index is kept out).
 * `filters`: a search matches many rows, so the filters' indexes find the rows and each is
 * checked against the matches (looking up each of 65,000 matches to check its filters took 0.2 s).
 */
type Drive = { walk: string } | 'search' | 'filters' | undefined;

/**
 * The parts of the incidents the actor may see that match a filter, each with its own indexes
 * (migrations 0008, 0015): the own country's incidents (by `country_code`; a search asks the
 * full-text index for the owner's records only), and the public sources' records held by other
 * countries (the partial indexes on `source <> 'enlace'`, a literal so that both databases see
 * the index applies). A network-wide reader has one part, every row.
 */
function incidentsMatching(db: Q, dialect: DialectName, actor: Actor, filter: IncidentFilter, drive?: Drive) {
  const hinted = dialect === 'sqlite' && drive !== undefined;
  // The walk keeps the country (its index's first column) and its column; a search that drives
  // keeps none of the own part's columns.
  const col = (name: string, own: boolean) =>
    hinted &&
    drive !== 'filters' &&
    (drive === 'search' ? own : name !== 'country_code' && drive.walk !== `incidents.${name}`)
      ? sql<string>`+${sql.ref(`incidents.${name}`)}`
      : sql<string>`${sql.ref(`incidents.${name}`)}`;
  // On PostgreSQL a search that the GIN index drives (a count, or a page of few matches) finds the
  // own country's records by their owner token and the filters by their facet tokens: with the
  // country's condition as well, the planner intersected the index's matches with a bitmap of the
  // country's 363,000 rows. A page that walks an order asks the index for the words only, and the
  // country and filters are checked in the order's index: the owner's and the facets' tokens made
  // the planner believe a common word rare and drive the walk by the GIN index instead (74–98 ms
  // instead of 2.6–4.4 ms at 1,000,000 incidents).
  const byIndex = dialect === 'postgres' && filter.search !== undefined && typeof drive !== 'object';
  const facets = byIndex ? facetsOf(filter) : undefined;
  const parts: { qb: ReturnType<typeof readableIncidents>; owner?: string }[] =
    actor.scope === 'all'
      ? [{ qb: readableIncidents(db, actor) }]
      : [
          {
            qb: byIndex
              ? db.selectFrom('incidents')
              : db.selectFrom('incidents').where(col('country_code', true), '=', actor.countryCode),
            owner: actor.countryCode,
          },
          {
            qb: db
              .selectFrom('incidents')
              .where(sql<SqlBool>`incidents.source <> 'enlace'`)
              .where('incidents.source', 'in', [...PUBLIC_SOURCES])
              .where('incidents.country_code', '<>', actor.countryCode),
          },
        ];
  return parts.map(({ qb: part, owner }) => {
    const c = (name: string) => col(name, owner !== undefined || actor.scope === 'all');
    let qb = part;
    if (filter.from) qb = qb.where(c('occurred_on'), '>=', filter.from);
    if (filter.to) qb = qb.where(c('occurred_on'), '<=', filter.to);
    if (filter.kind) qb = qb.where(c('kind'), '=', filter.kind);
    if (filter.mode) qb = qb.where(c('mode'), '=', filter.mode);
    if (filter.route) qb = qb.where(c('route'), '=', filter.route);
    if (filter.source) qb = qb.where(c('source'), '=', filter.source);
    if (filter.country) qb = qb.where(c('place_country'), '=', filter.country);
    if (filter.region) qb = qb.where(c('region'), 'in', regionCodesOf(filter.region));
    if (filter.search) {
      const checked = hinted && drive !== 'search';
      qb = qb.where(
        matchesSearch(dialect, 'incidents', filter.search, {
          checked,
          owner: byIndex ? owner : undefined,
          facets,
        }),
      );
    }
    return qb;
  });
}

/**
 * A list's filters as the facet tokens the incidents carry (`incidentFacets`), for PostgreSQL's
 * full-text index: each a list of alternatives one of which a matching incident holds.
 */
function facetsOf(filter: IncidentFilter): string[][] {
  const out: string[][] = [];
  if (filter.kind) out.push([facetToken('k', filter.kind)]);
  if (filter.mode) out.push([facetToken('m', filter.mode)]);
  if (filter.route) out.push([facetToken('r', filter.route)]);
  if (filter.source) out.push([facetToken('s', filter.source)]);
  if (filter.country) out.push([facetToken('c', filter.country)]);
  if (filter.region) out.push(regionCodesOf(filter.region).map((code) => facetToken('g', code)));
  return out;
}

// The column of each sort. Dates (YYYY-MM-DD) sort alike under any collation; codes and
// references are compared as bytes. Each has an index per country (migrations 0008, 0015).
const SORT_COLUMNS: Record<IncidentSort, OrderColumn> = {
  occurredOn: { ref: 'incidents.occurred_on' },
  reference: { ref: 'incidents.reference', bytes: true },
  country: { ref: 'incidents.place_country', bytes: true, nullable: true },
  kind: { ref: 'incidents.kind', bytes: true },
  mode: { ref: 'incidents.mode', bytes: true, nullable: true },
  migrants: { ref: 'incidents.migrants', nullable: true },
  dead: { ref: 'incidents.dead', nullable: true },
  missing: { ref: 'incidents.missing', nullable: true },
};

/**
 * A page of the incidents the actor may see, in the order asked, ties broken by id, and how many
 * match (counted up to `cap + 1`). The count decides how the page is found (db/order.ts).
 */
export async function pageOfIncidents(
  db: Q,
  dialect: DialectName,
  actor: Actor,
  filter: IncidentFilter,
  page: ListPage<IncidentSort>,
): Promise<{ count: number; rows: IncidentRow[] }> {
  // The records holding the query's words whole are a part of its matches, found by exact lookups
  // that cost the full-text index half a prefix's (PostgreSQL's GIN: 19 against 38 ms for
  // "tamaulipas" at 1,000,000 incidents; SQLite's FTS5 reads an exact word's list lazily but a
  // prefix's whole). PostgreSQL's count tries them first (`countIncidentsInScope`: cheap enough to
  // try). SQLite asks FTS5 whether they pass the cap, and when they do skips the prefix's probe; its
  // count keeps the prefix, as a second walk of the filters' index cost more than it saved.
  const search = filter.search;
  const prefixed = search?.some((w) => w.prefix !== null) ?? false;
  const manyWhole =
    search !== undefined &&
    prefixed &&
    (dialect === 'postgres' ||
      !(await ftsMatchesAtMost(db as Kysely<unknown>, 'incidents', wholeWords(search), page.cap)));
  // A search that matches at most the count's cap of records is found through the full-text
  // index; that is also the most the page may have to sort (its count is never capped).
  const bySearch =
    dialect === 'sqlite' &&
    search !== undefined &&
    !manyWhole &&
    (await ftsMatchesAtMost(db as Kysely<unknown>, 'incidents', search, page.cap));
  const count = await countIncidentsInScope(
    db,
    dialect,
    actor,
    filter,
    page.cap,
    bySearch,
    manyWhole && dialect === 'postgres',
  );
  const rows = await listIncidentsInScope(db, dialect, actor, filter, {
    ...page,
    matches: count,
    bySearch,
  });
  return { count, rows };
}

/**
 * A page of the incidents the actor may see, in the order asked, ties broken by id. `matches` is
 * their count (countIncidentsInScope), which tells how to find the page (db/order.ts); `bySearch`
 * that the search's matches are few (pageOfIncidents).
 */
export function listIncidentsInScope(
  db: Q,
  dialect: DialectName,
  actor: Actor,
  filter: IncidentFilter,
  page: ListPage<IncidentSort> & { matches: number; bySearch?: boolean },
): Promise<IncidentRow[]> {
  const column = SORT_COLUMNS[page.sort];
  return pageOfParts<IncidentRow, Database, 'incidents', object>(
    db,
    dialect,
    'incidents',
    (walk) =>
      incidentsMatching(
        db,
        dialect,
        actor,
        filter,
        walk ? { walk: column.ref } : page.bySearch ? 'search' : undefined,
      ),
    {
      column,
      dir: page.dir,
      seek: seeksReferences(filter, page)
        ? incidentsMatching(db, dialect, actor, { from: filter.from, to: filter.to })
        : undefined,
    },
    page,
  );
}

/** The longest date range whose walk by reference seeks its first match (db/order.ts). */
const SEEK_RANGE_DAYS = 366;

/**
 * Whether a page by reference seeks the first match of its date range: references embed the date
 * an incident was recorded with, so a range's matches lie in one stretch of the reference order,
 * and a walk from the start reads the years before it (the last 12 months of 1,000,000 incidents:
 * 45–59 ms on SQLite, 43–55 on PostgreSQL, against 10–37 with the seek). A range of more than a
 * year starts near enough, and finding where costs more than it saves (its rows are counted up to
 * SEEK_ROWS_MAX first: 15–20 ms more for six years of a country on PostgreSQL).
 */
function seeksReferences(filter: IncidentFilter, page: { sort: IncidentSort }): boolean {
  if (page.sort !== 'reference' || filter.search || !filter.from || !filter.to) return false;
  return (Date.parse(filter.to) - Date.parse(filter.from)) / 86_400_000 <= SEEK_RANGE_DAYS;
}

/** How many incidents the actor may see match a filter, counted up to `cap + 1`. */
export async function countIncidentsInScope(
  db: Q,
  dialect: DialectName,
  actor: Actor,
  filter: IncidentFilter,
  cap: number,
  bySearch = false,
  tryWhole = false,
): Promise<number> {
  const count = (f: IncidentFilter) =>
    countPartsUpTo(
      db,
      incidentsMatching(db, dialect, actor, f, bySearch ? 'search' : f.search ? 'filters' : undefined),
      cap,
    );
  // `tryWhole`: the query's words matched whole are many (pageOfIncidents). They are a part of
  // its matches: when they alone pass the cap, so do the matches.
  if (tryWhole && filter.search) {
    const whole = await count({ ...filter, search: wholeWords(filter.search) });
    if (whole > cap) return whole;
  }
  return count(filter);
}

/** A page by id of the incidents, or of those without search tokens yet (written before search). */
export function incidentsForSearch(
  db: Q,
  after: string,
  limit: number,
  all: boolean,
): Promise<IncidentRow[]> {
  let qb = db.selectFrom('incidents').selectAll().where('id', '>', after);
  if (!all) qb = qb.where('search_terms', 'is', null);
  return qb.orderBy('id').limit(limit).execute();
}

export async function setIncidentSearchTerms(db: Q, id: string, terms: string): Promise<void> {
  await db.updateTable('incidents').set({ search_terms: terms }).where('id', '=', id).execute();
}

/** Every incident, in pages by id (rollup rebuilds, exports). */
export async function* pageIncidents(
  db: Q,
  opts: { country?: string | null; from?: string; to?: string; pageSize?: number } = {},
): AsyncGenerator<IncidentRow[]> {
  let last = '';
  const size = opts.pageSize ?? 2000;
  for (;;) {
    let qb = db.selectFrom('incidents').selectAll().where('id', '>', last);
    if (opts.country) qb = qb.where('country_code', '=', opts.country);
    if (opts.from) qb = qb.where('occurred_on', '>=', opts.from);
    if (opts.to) qb = qb.where('occurred_on', '<=', opts.to);
    const rows = await qb.orderBy('id').limit(size).execute();
    if (rows.length === 0) return;
    yield rows;
    last = rows[rows.length - 1]?.id ?? last;
    if (rows.length < size) return;
  }
}

export async function insertLink(
  db: Q,
  row: {
    incident_id: string;
    linked_id: string;
    relation: string;
    created_at: string;
    created_by: string | null;
  },
): Promise<void> {
  await db.insertInto('incident_links').values(row).execute();
}

export async function deleteLink(db: Q, a: string, b: string): Promise<number> {
  const res = await db
    .deleteFrom('incident_links')
    .where((eb) =>
      eb.or([
        eb.and([eb('incident_id', '=', a), eb('linked_id', '=', b)]),
        eb.and([eb('incident_id', '=', b), eb('linked_id', '=', a)]),
      ]),
    )
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** Links in either direction, with the other incident's reference and owner. */
export async function listLinks(db: Q, id: string) {
  const out = await db
    .selectFrom('incident_links as l')
    .innerJoin('incidents as i', 'i.id', 'l.linked_id')
    .select(['l.linked_id as other', 'l.relation', 'i.reference', 'i.country_code'])
    .where('l.incident_id', '=', id)
    .execute();
  const back = await db
    .selectFrom('incident_links as l')
    .innerJoin('incidents as i', 'i.id', 'l.incident_id')
    .select(['l.incident_id as other', 'l.relation', 'i.reference', 'i.country_code'])
    .where('l.linked_id', '=', id)
    .execute();
  return [...out, ...back];
}

/** Cases linking an incident that the actor may see (own country, or shared with it). */
export async function caseIdsOfIncident(db: Q, actor: Actor, incidentId: string): Promise<string[]> {
  let qb = db
    .selectFrom('case_incidents as ci')
    .innerJoin('cases as c', 'c.id', 'ci.case_id')
    .select('c.id')
    .where('ci.incident_id', '=', incidentId);
  if (actor.scope !== 'all') {
    qb = qb.where((eb) =>
      eb.or([
        eb('c.country_code', '=', actor.countryCode),
        sharedWithCountry('case', 'c.id', actor.countryCode),
      ]),
    );
  }
  return (await qb.orderBy('c.id').execute()).map((r) => r.id);
}
