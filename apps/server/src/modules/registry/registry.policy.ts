import type { Actor } from '../../platform/context';

// Who may do what in the registry, for the abilities sent with the data (the UI reads them and
// never re-implements the rules). The services check the same permissions themselves.

/** May the actor admit a person of this country to one of its centres? */
export function mayAdmit(actor: Actor, countryCode: string): boolean {
  return actor.permissions.has('registry.write') && actor.countryCode === countryCode;
}
