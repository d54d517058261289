import type { Actor } from '../../platform/context';
import { inScope } from '../../platform/authz/access';

/** What the actor may do with a case; a country it is shared with only reads it. */
export function caseAbilities(actor: Actor, row: { country_code: string }, shared: boolean) {
  const owner = !shared && inScope(actor, row.country_code);
  return {
    update: owner && actor.permissions.has('cases.write'),
    share: owner && actor.permissions.has('cases.share'),
  };
}
