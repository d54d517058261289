import type { Home, HomeTask, UpdateFrequency } from '@enlace/shared';
import { requireActor } from '../../platform/authz/access';
import type { Ctx } from '../../platform/context';
import { findUserById } from '../../platform/users/user.repository';
import {
  accountsToFollowUp,
  casesSharedWith,
  inventoryOfCountry,
  recentCasesOf,
  recentIncidentsOf,
} from './home.repository';

const LIMIT = 8;
const DAY = 24 * 3600 * 1000;

/**
 * How long an inventory entry may go without a review, by how often its database is updated
 * (a real-time or daily database is looked at monthly; irregular ones once a year).
 */
export const REVIEW_DAYS: Record<UpdateFrequency, number> = {
  realtime: 31,
  daily: 31,
  weekly: 31,
  monthly: 62,
  quarterly: 124,
  yearly: 396,
  irregular: 396,
};

/**
 * The user's work queue: what was shared with their country, their recent records and what waits
 * for them. Each part only for the permissions that read it, each scoped like the lists.
 */
export async function getHome(ctx: Ctx): Promise<Home> {
  const actor = requireActor(ctx);
  const db = ctx.db.kysely;
  const may = (p: Parameters<typeof actor.permissions.has>[0]) => actor.permissions.has(p);
  const now = ctx.clock.now().getTime();

  const tasks: { kind: HomeTask; count: number }[] = [];
  const me = await findUserById(db, actor.userId);
  if (me && me.mfa_enabled !== 1) tasks.push({ kind: 'mfa_off', count: 1 });
  if (may('users.manage')) {
    const accounts = await accountsToFollowUp(db, actor);
    if (accounts.password) tasks.push({ kind: 'users_must_change_password', count: accounts.password });
    if (accounts.mfa) tasks.push({ kind: 'users_without_mfa', count: accounts.mfa });
  }
  if (may('databases.manage')) {
    const due = (await inventoryOfCountry(db, actor.countryCode)).filter(
      (e) =>
        now - Date.parse(e.updated_at) > (REVIEW_DAYS[e.update_frequency as UpdateFrequency] ?? 396) * DAY,
    ).length;
    if (due) tasks.push({ kind: 'inventory_due', count: due });
  }

  let shared: Home['shared'] = null;
  if (may('cases.read')) {
    const s = await casesSharedWith(db, actor, LIMIT);
    shared = {
      unopened: s.unopened,
      items: s.items.map((r) => ({
        id: r.id,
        reference: r.reference,
        title: r.title,
        countryCode: r.country_code,
        stage: r.stage as NonNullable<Home['shared']>['items'][number]['stage'],
        sharedAt: r.granted_at,
        opened: Number(r.opened) === 1,
      })),
    };
  }
  const recentIncidents: Home['recentIncidents'] = may('incidents.read')
    ? (await recentIncidentsOf(db, actor, LIMIT)).map((r) => ({
        id: r.id,
        reference: r.reference,
        kind: r.kind,
        occurredOn: r.occurred_on,
        placeName: r.place_name,
        source: r.source as 'enlace',
        updatedAt: r.updated_at,
      }))
    : null;
  const recentCases: Home['recentCases'] = may('cases.read')
    ? (await recentCasesOf(db, actor, LIMIT)).map((r) => ({
        id: r.id,
        reference: r.reference,
        title: r.title,
        stage: r.stage as NonNullable<Home['recentCases']>[number]['stage'],
        updatedAt: r.updated_at,
      }))
    : null;
  return { shared, recentIncidents, recentCases, tasks };
}
