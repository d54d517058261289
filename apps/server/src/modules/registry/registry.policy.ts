import type { Actor } from '../../platform/context';

// Who may do what in the registry, for the abilities sent with the data (the UI reads them and
// never re-implements the rules). The services check the same permissions themselves.

/** May the actor admit a person of this country to one of its centres? */
export function mayAdmit(actor: Actor, countryCode: string): boolean {
  return actor.permissions.has('registry.write') && actor.countryCode === countryCode;
}

/**
 * What the actor may do with a stay: move it or release it while it is open and no identity check
 * waits; resolve a waiting check as a supervisor who did not attempt that release (four eyes).
 */
export function stayAbilities(
  actor: Actor,
  stay: { country_code: string; status: string },
  check: { status: string; attempted_by: string | null } | undefined,
): { transfer: boolean; release: boolean; resolve: boolean } {
  const own = actor.countryCode === stay.country_code;
  const pending = check?.status === 'pending';
  const movable = own && stay.status === 'open' && !pending && actor.permissions.has('registry.write');
  return {
    transfer: movable,
    release: movable,
    resolve:
      own && pending && actor.permissions.has('registry.supervise') && check?.attempted_by !== actor.userId,
  };
}
