import type { AuditObjectType, AuditOutcome } from '@enlace/shared';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor, Tx } from '../../platform/context';
import { scopeTo } from '../../platform/authz/access';

type Q = Tx | Kysely<Database>;

export interface AuditFilter {
  /** Actions starting with this (`case.` for every change to cases). */
  action?: string;
  outcome?: AuditOutcome;
  actorId?: string;
  objectType?: AuditObjectType;
  objectId?: string;
  /** Instants (ISO 8601, UTC): from inclusive, until exclusive. */
  from?: string;
  until?: string;
  /** Only events up to this sequence number (an export reads one fixed extent of the chain). */
  maxSeq?: number;
  /** Only events after this sequence number (the export's next page). */
  afterSeq?: number;
}

function filtered(db: Q, actor: Actor, filter: AuditFilter) {
  let qb = scopeTo(db.selectFrom('audit_events'), actor, 'audit_events.actor_country');
  if (filter.action) {
    // `_` is a wildcard of LIKE: the prefix is matched as written.
    const prefix = filter.action.replace(/[\\%_]/g, (c) => `\\${c}`);
    qb = qb.where(sql<boolean>`audit_events.action LIKE ${`${prefix}%`} ESCAPE '\\'`);
  }
  if (filter.outcome) qb = qb.where('audit_events.outcome', '=', filter.outcome);
  if (filter.actorId) qb = qb.where('audit_events.actor_id', '=', filter.actorId);
  if (filter.objectType) qb = qb.where('audit_events.object_type', '=', filter.objectType);
  if (filter.objectId) qb = qb.where('audit_events.object_id', '=', filter.objectId);
  if (filter.from) qb = qb.where('audit_events.occurred_at', '>=', filter.from);
  if (filter.until) qb = qb.where('audit_events.occurred_at', '<', filter.until);
  if (filter.afterSeq !== undefined) qb = qb.where('audit_events.seq', '>', filter.afterSeq);
  if (filter.maxSeq !== undefined) qb = qb.where('audit_events.seq', '<=', filter.maxSeq);
  return qb;
}

/** A page of the audit events of the actor's scope, with the name of whoever acted. */
export function listAuditInScope(
  db: Q,
  actor: Actor,
  filter: AuditFilter,
  page: { dir: 'asc' | 'desc'; limit: number; offset: number },
) {
  return filtered(db, actor, filter)
    .leftJoin('users', 'users.id', 'audit_events.actor_id')
    .selectAll('audit_events')
    .select('users.display_name as actor_name')
    .orderBy('audit_events.seq', page.dir)
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countAuditInScope(db: Q, actor: Actor, filter: AuditFilter): Promise<number> {
  const row = await filtered(db, actor, filter)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function lastAuditSeq(db: Q): Promise<number> {
  const row = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/** The accounts that appear as actors in the actor's scope, by name. */
export function listAuditActors(db: Q, actor: Actor) {
  return scopeTo(
    db
      .selectFrom('users')
      .select(['users.id', 'users.display_name', 'users.country_code'])
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('audit_events')
            .select(sql`1`.as('x'))
            .whereRef('audit_events.actor_id', '=', 'users.id'),
        ),
      ),
    actor,
    'users.country_code',
  )
    .orderBy('users.display_name')
    .limit(1000)
    .execute();
}

// The records an audit page names, by id, each with the country that owns it.

export function incidentsByIds(db: Q, ids: readonly string[]) {
  return db
    .selectFrom('incidents')
    .select(['id', 'reference', 'country_code', 'source'])
    .where('id', 'in', ids)
    .execute();
}

export function casesByIds(db: Q, ids: readonly string[]) {
  return db.selectFrom('cases').select(['id', 'reference', 'country_code']).where('id', 'in', ids).execute();
}

export function usersByIds(db: Q, ids: readonly string[]) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name', 'country_code'])
    .where('id', 'in', ids)
    .execute();
}

export function agenciesByIds(db: Q, ids: readonly string[]) {
  return db
    .selectFrom('agencies')
    .select(['id', 'names', 'acronym', 'country_code'])
    .where('id', 'in', ids)
    .execute();
}

export function countriesByCodes(db: Q, codes: readonly string[]) {
  return db.selectFrom('countries').select(['code', 'names']).where('code', 'in', codes).execute();
}

export function inventoriesByIds(db: Q, ids: readonly string[]) {
  return db
    .selectFrom('data_inventory')
    .select(['id', 'name', 'country_code'])
    .where('id', 'in', ids)
    .execute();
}

export function vocabTermsByCodes(db: Q, codes: readonly string[]) {
  return db
    .selectFrom('vocab_terms')
    .select(['vocabulary', 'code', 'labels'])
    .where('code', 'in', codes)
    .execute();
}
