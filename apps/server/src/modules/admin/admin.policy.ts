import { assignableRoles, type Role } from '@enlace/shared';
import type { Actor } from '../../platform/context';
import { inScope } from '../../platform/authz/access';

/** What the actor may do with a user record; sent as `abilities` and enforced by the service. */
export function userAbilities(actor: Actor, user: { country_code: string; role: string; id: string }) {
  const manage =
    actor.permissions.has('users.manage') &&
    inScope(actor, user.country_code) &&
    assignableRoles(actor.role).includes(user.role as Role);
  return { update: manage && user.id !== actor.userId, resetMfa: manage };
}

export function agencyAbilities(actor: Actor, agency: { country_code: string }) {
  return { update: actor.permissions.has('agencies.manage') && inScope(actor, agency.country_code) };
}

export function countryAbilities(actor: Actor) {
  return { update: actor.permissions.has('countries.manage') };
}

export function mayAssignRole(actor: Actor, role: Role): boolean {
  return assignableRoles(actor.role).includes(role);
}
