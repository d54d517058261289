import { PERSON_SHARE_FIELDS, type Person, type PersonShareField } from '@enlace/shared';
import { inScope, requireActor } from '../../platform/authz/access';
import type { Ctx } from '../../platform/context';
import type { ShareRow } from '../../platform/shares/shares.repository';
import { acceptedSharesWith, extentOf } from '../../platform/shares/shares.service';
import { findPerson, type PersonRow } from './registry.repository';

/** The kind of object a registry share is of, in the shares room: the person (with some stays). */
export const PERSON_KIND = 'registry_person';

/** What of a person a share carries (the `extent` the registry stores with it). */
export interface PersonExtent {
  fields: PersonShareField[];
  stayIds: string[];
}

export function personExtentOf(share: ShareRow): PersonExtent {
  const e = (extentOf(share) ?? {}) as Partial<PersonExtent>;
  return {
    fields: (e.fields ?? []).filter((f): f is PersonShareField =>
      (PERSON_SHARE_FIELDS as readonly string[]).includes(f),
    ),
    stayIds: e.stayIds ?? [],
  };
}

/**
 * A person of another country that the actor's country may read by accepted share, with what
 * those shares carry together; null when the person is the actor's country's (or out of reach:
 * the caller answers 404 and logs it).
 */
export async function personReadByShare(
  ctx: Ctx,
  id: string,
): Promise<{ row: PersonRow; extent: PersonExtent } | null> {
  const actor = requireActor(ctx);
  const row = await findPerson(ctx.db.kysely, id);
  if (!row || inScope(actor, row.country_code)) return null;
  const shares = await acceptedSharesWith(ctx, PERSON_KIND, id, actor.countryCode);
  if (shares.length === 0) return null;
  const extents = shares.map(personExtentOf);
  return {
    row,
    extent: {
      fields: [...new Set(extents.flatMap((e) => e.fields))],
      stayIds: [...new Set(extents.flatMap((e) => e.stayIds))],
    },
  };
}

/**
 * The person as the receiving country reads them: the identity core always, the optional groups
 * only when shared, the shared stays only, nothing to act on.
 */
export function restrictToShare(person: Person, extent: PersonExtent): Person {
  const has = (f: PersonShareField) => extent.fields.includes(f);
  return {
    ...person,
    documentGivenNames: has('document') ? person.documentGivenNames : null,
    documentFamilyNames: has('document') ? person.documentFamilyNames : null,
    documentNumber: has('document') ? person.documentNumber : null,
    mrz: has('document') ? person.mrz : null,
    documents: has('document') ? person.documents : [],
    // The photo stays in its country: the files room lets only the owner's readers download it.
    photo: null,
    aliases: has('aliases') ? person.aliases : [],
    otherNationalities: has('other_nationalities') ? person.otherNationalities : [],
    languages: has('languages') ? person.languages : [],
    mergedInto: null,
    stays: person.stays.filter((s) => extent.stayIds.includes(s.id)),
    abilities: { admit: false },
    sharedWithMe: { fields: extent.fields, stayIds: extent.stayIds },
  };
}
