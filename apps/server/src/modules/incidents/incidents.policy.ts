import { isPublicSource } from '@enlace/shared';
import type { Actor } from '../../platform/context';
import { inScope } from '../../platform/authz/access';

/**
 * May the actor read this incident as a record? Their scope's, or any imported from a public
 * source (the same rule as readableIncidents in the repository, for one row).
 */
export function incidentReadable(actor: Actor, incident: { country_code: string; source: string }): boolean {
  return (
    actor.permissions.has('incidents.read') &&
    (inScope(actor, incident.country_code) || isPublicSource(incident.source))
  );
}

/** What the actor may do with an incident; sent as `abilities` and enforced by the service. */
export function incidentAbilities(actor: Actor, incident: { country_code: string }) {
  const write = actor.permissions.has('incidents.write') && inScope(actor, incident.country_code);
  return { update: write, delete: write, link: write };
}

/** Where new records of the actor go: their own country; the network level may name one. */
export function ownerCountry(actor: Actor, requested: string | undefined): string | null {
  if (!requested || requested === actor.countryCode) return actor.countryCode;
  return actor.scope === 'all' ? requested : null;
}
