import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../db/schema';
import { scopeTo } from '../../platform/authz/access';
import type { Actor, Tx } from '../../platform/context';

type Q = Tx | Kysely<Database>;

/**
 * Cases shared with the actor's country (active shares), newest share first, each with whether
 * the actor has opened it since it was shared (an audited read: the audit log knows).
 */
export async function casesSharedWith(db: Q, actor: Actor, limit: number) {
  const opened = sql<number>`CASE WHEN EXISTS (SELECT 1 FROM audit_events a
      WHERE a.object_type = 'case' AND a.object_id = c.id AND a.action = 'case.read'
        AND a.actor_id = ${actor.userId} AND a.occurred_at >= s.accepted_at) THEN 1 ELSE 0 END`;
  const base = db
    .selectFrom('shares as s')
    .innerJoin('cases as c', 'c.id', 's.object_id')
    .where('s.object_kind', '=', 'case')
    .where('s.shared_with', '=', actor.countryCode)
    .where('s.status', '=', 'accepted')
    .where('c.country_code', '<>', actor.countryCode);
  const items = await base
    .select(['c.id', 'c.reference', 'c.title', 'c.country_code', 'c.stage'])
    // An accepted share has its acceptance time (a case's is when it was shared).
    .select((eb) => eb.fn.coalesce('s.accepted_at', 's.offered_at').as('granted_at'))
    .select(opened.as('opened'))
    .orderBy('s.accepted_at', 'desc')
    .orderBy('c.id')
    .limit(limit)
    .execute();
  const unopened = await base
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(sql<boolean>`${opened} = 0`)
    .executeTakeFirst();
  return { items, unopened: Number(unopened?.n ?? 0) };
}

/** Incidents of the actor's scope that they recorded or last changed, latest change first. */
export function recentIncidentsOf(db: Q, actor: Actor, limit: number) {
  return scopeTo(db.selectFrom('incidents'), actor, 'incidents.country_code')
    .select(['id', 'reference', 'kind', 'occurred_on', 'place_name', 'source', 'updated_at'])
    .where((eb) => eb.or([eb('created_by', '=', actor.userId), eb('updated_by', '=', actor.userId)]))
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Cases of the actor's scope that they opened or moved to a stage, latest change first. */
export function recentCasesOf(db: Q, actor: Actor, limit: number) {
  return scopeTo(db.selectFrom('cases'), actor, 'cases.country_code')
    .select(['id', 'reference', 'title', 'stage', 'updated_at'])
    .where((eb) =>
      eb.or([
        eb('created_by', '=', actor.userId),
        eb.exists(
          eb
            .selectFrom('case_stage_events as e')
            .select(sql<number>`1`.as('one'))
            .whereRef('e.case_id', '=', 'cases.id')
            .where('e.recorded_by', '=', actor.userId),
        ),
      ]),
    )
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Active accounts of the actor's scope: how many still owe a password change, how many lack MFA. */
export async function accountsToFollowUp(db: Q, actor: Actor) {
  const row = await scopeTo(db.selectFrom('users'), actor, 'users.country_code')
    .where('status', '=', 'active')
    .select([
      sql<number>`SUM(CASE WHEN must_change_password = 1 THEN 1 ELSE 0 END)`.as('password'),
      sql<number>`SUM(CASE WHEN mfa_enabled = 0 THEN 1 ELSE 0 END)`.as('mfa'),
    ])
    .executeTakeFirst();
  return { password: Number(row?.password ?? 0), mfa: Number(row?.mfa ?? 0) };
}

/** The inventory entries of a country, with their update frequency and last change. */
export function inventoryOfCountry(db: Q, country: string) {
  return db
    .selectFrom('data_inventory')
    .select(['id', 'update_frequency', 'updated_at'])
    .where('country_code', '=', country)
    .execute();
}
