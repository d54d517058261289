import { type Permission, ROLE_PERMISSIONS, ROLE_SCOPE, type Role } from '@enlace/shared';
import type { SelectQueryBuilder } from 'kysely';
import { sql } from 'kysely';
import { type Actor, type Ctx, withTx } from '../context';
import { AppError, forbidden, notFound, unauthenticated } from '../errors';

/**
 * What a route requires, declared in its definition (`config.access`):
 * - 'public': anyone;
 * - 'session': any session, even one that still owes its second factor (MFA routes);
 * - 'signed_in': a fully signed-in user;
 * - a permission from the catalogue: a signed-in user whose role holds it.
 */
export type RouteAccess = 'public' | 'session' | 'signed_in' | Permission;

export function buildActor(
  user: { id: string; role: string; country_code: string; agency_id: string | null },
  sessionId: string,
): Actor {
  const role = user.role as Role;
  return {
    userId: user.id,
    role,
    countryCode: user.country_code,
    agencyId: user.agency_id,
    scope: ROLE_SCOPE[role],
    permissions: new Set(ROLE_PERMISSIONS[role]),
    sessionId,
  };
}

/** Logs and audits a refusal, in its own transaction (the refused change never happened). */
export async function recordDenial(
  ctx: Ctx,
  what: { action: string; objectType?: string; objectId?: string; reason: string },
): Promise<void> {
  await withTx(ctx, async (_trx, audit) => {
    await audit({
      action: 'access.denied',
      objectType: what.objectType ?? null,
      objectId: what.objectId ?? null,
      outcome: 'denied',
      details: { attempted: what.action, reason: what.reason },
    });
  });
}

/** Throws 401 unless someone is signed in; returns the actor. */
export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}

/** Function-level check inside a service: 403, logged, when the role lacks the permission. */
export async function requirePermission(ctx: Ctx, permission: Permission): Promise<Actor> {
  const actor = requireActor(ctx);
  if (!actor.permissions.has(permission)) {
    await recordDenial(ctx, { action: permission, reason: 'permission' });
    throw forbidden();
  }
  return actor;
}

/** May the actor reach objects of this country? */
export function inScope(actor: Actor, countryCode: string): boolean {
  return actor.scope === 'all' || actor.countryCode === countryCode;
}

/**
 * Object-level check: the object exists and lies within the actor's scope, else 404 (never a
 * 403 that would confirm it exists), and the refusal is logged.
 */
export async function requireInScope<T extends { country_code: string }>(
  ctx: Ctx,
  object: T | undefined,
  what: { action: string; objectType: string; objectId: string },
): Promise<T> {
  const actor = requireActor(ctx);
  if (!object || !inScope(actor, object.country_code)) {
    await recordDenial(ctx, { ...what, reason: object ? 'scope' : 'not_found' });
    throw notFound();
  }
  return object;
}

/**
 * Filters a query to the rows the actor may see. Deny by default: without an actor, no rows.
 */
export function scopeTo<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  actor: Actor | null,
  column: string,
): SelectQueryBuilder<DB, TB, O> {
  if (!actor) return qb.where(sql<boolean>`1 = 0`);
  if (actor.scope === 'all') return qb;
  return qb.where(sql<boolean>`${sql.ref(column)} = ${actor.countryCode}`);
}

export function tooManyRequests(retryAfterSeconds: number): AppError {
  return new AppError(
    429,
    'rate_limited',
    {},
    { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
  );
}
