import {
  type ATTENTION_KINDS,
  type BirthDatePrecision,
  type PersonSex,
  type PersonShareField,
  type PersonShareInput,
  personShareInputSchema,
  type RegistryShare,
  type RegistryShareList,
  type ShareAcceptInput,
  type ShareDeclineInput,
  shareAcceptInputSchema,
  shareDeclineInputSchema,
  type TransferAbroadInput,
  transferAbroadInputSchema,
} from '@enlace/shared';
import { isUniqueViolation } from '../../db/dialect';
import { type Actor, type Ctx, nowIso, withTx } from '../../platform/context';
import { requireInScope, requirePermission } from '../../platform/authz/access';
import { decryptField } from '../../platform/crypto';
import { conflict, invalidFields, notFound } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import {
  findShareById,
  type ShareRow,
  sharesOfCountry,
  sharesOfObject,
} from '../../platform/shares/shares.repository';
import {
  acceptShare as acceptInRoom,
  checkShareTarget,
  declineShare as declineInRoom,
  liveSharesWith,
  offerShare,
  presentShare,
  requireShareParty,
  revokeShare,
} from '../../platform/shares/shares.service';
import { PERSON_KIND, type PersonExtent, personExtentOf } from './registry-shares.access';
import {
  abroadTransfersOf,
  type AbroadTransferRow,
  insertAbroadTransfer,
  offeredTransferOfStay,
  setTransferReceived,
} from './registry-shares.repository';
import {
  findCentre,
  findPerson,
  findStay,
  insertPerson,
  insertStay,
  openStayOfPerson,
  type PersonRow,
  pendingCheckOfStay,
  type StayRow,
  staysOfPerson,
  transfersOfStay,
  updateOpenStay,
} from './registry.repository';
import { insertRegistrationDocument } from './registry-documents.service';
import { decryptPerson, enc, P, staySummaryOf, storedKeys, variantsOf } from './registry.service';

/** Shares a list shows at most (a country's incoming or outgoing shares of persons). */
const LIST_MAX = 500;

const mayShare = (actor: Actor) => actor.permissions.has('registry.supervise');

async function personOfActorsCountry(ctx: Ctx, id: string, action: string): Promise<PersonRow> {
  return requireInScope(ctx, await findPerson(ctx.db.kysely, id), {
    action,
    objectType: 'registry_person',
    objectId: id,
  });
}

/** Presents shares as their parties read them: who, what of them, the transfer, what each may do. */
async function presentShares(ctx: Ctx, actor: Actor, shares: readonly ShareRow[]): Promise<RegistryShare[]> {
  const transfers = new Map(
    (
      await abroadTransfersOf(
        ctx.db.kysely,
        shares.map((s) => s.id),
      )
    ).map((t) => [t.share_id, t]),
  );
  const out: RegistryShare[] = [];
  for (const share of shares) {
    const extent = personExtentOf(share);
    const owner = actor.countryCode === share.owner_country;
    // The receiving country sees who is shared while the share is offered or accepted; once
    // declined or revoked, only that it was.
    const visible = owner || share.status === 'offered' || share.status === 'accepted';
    const row = visible ? await findPerson(ctx.db.kysely, share.object_id) : undefined;
    const fields = row ? decryptPerson(ctx, row) : null;
    const stays = row
      ? (await staysOfPerson(ctx.db.kysely, row.id)).filter((s) => extent.stayIds.includes(s.id))
      : [];
    const transfer = transfers.get(share.id);
    const live = share.status === 'offered' || share.status === 'accepted';
    out.push({
      ...presentShare(ctx, share),
      purpose: share.purpose as RegistryShare['purpose'],
      fields: extent.fields,
      stayIds: extent.stayIds,
      person:
        row && fields
          ? {
              id: row.id,
              givenNames: fields.givenNames,
              familyNames: fields.familyNames,
              sex: row.sex as PersonSex,
              birthDate: row.birth_date,
              birthDatePrecision: row.birth_date_precision as BirthDatePrecision,
              nationality: row.nationality,
            }
          : null,
      stays: stays.map((s) => ({
        ...staySummaryOf(ctx, s),
        attentionKinds: extent.fields.includes('attention')
          ? (
              JSON.parse(decryptField(ctx.config.secretKey, s.attention_enc, P.attention)) as {
                kinds: (typeof ATTENTION_KINDS)[number][];
              }
            ).kinds
          : null,
      })),
      transfer: transfer
        ? {
            originStayId: transfer.origin_stay_id,
            receivedPersonId: owner ? null : transfer.received_person_id,
            receivedStayId: owner ? null : transfer.received_stay_id,
          }
        : null,
      abilities: {
        accept: !owner && share.status === 'offered' && transfer !== undefined && mayShare(actor),
        decline: !owner && share.status === 'offered' && transfer !== undefined && mayShare(actor),
        revoke: owner && live && mayShare(actor),
      },
    });
  }
  return out;
}

async function presentOne(ctx: Ctx, actor: Actor, id: string): Promise<RegistryShare> {
  const [one] = await presentShares(ctx, actor, [(await findShareById(ctx.db.kysely, id)) as ShareRow]);
  return one as RegistryShare;
}

/**
 * Shares a person of the actor's country (with the stays chosen) with another country, at once
 * and read-only, until revoked: what of the record is shared is the share's extent.
 */
export async function sharePerson(
  ctx: Ctx,
  personId: string,
  body: PersonShareInput,
): Promise<RegistryShare> {
  const actor = await requirePermission(ctx, 'registry.supervise');
  const input = personShareInputSchema.parse(body);
  const person = await personOfActorsCountry(ctx, personId, 'registry.person_share');
  await checkShareTarget(
    ctx,
    person.country_code,
    input.countryCode,
    'countryCode',
    'registry_share_own_country',
  );
  const stays = new Set((await staysOfPerson(ctx.db.kysely, person.id)).map((s) => s.id));
  const foreign = input.stayIds.findIndex((id) => !stays.has(id));
  if (foreign >= 0)
    throw invalidFields([{ path: `stayIds.${foreign}`, code: 'registry_share_stay_not_of_person' }]);
  const live = await liveSharesWith(ctx, PERSON_KIND, person.id, input.countryCode);
  if (live.some((s) => s.requires_acceptance === 0)) throw conflict('registry_already_shared');
  const extent: PersonExtent = { fields: [...new Set(input.fields)], stayIds: [...new Set(input.stayIds)] };
  const share = await withTx(ctx, (trx, audit) =>
    offerShare(
      ctx,
      trx,
      audit,
      {
        kind: PERSON_KIND,
        objectId: person.id,
        ownerCountry: person.country_code,
        sharedWith: input.countryCode,
        purpose: input.purpose,
        note: input.note ?? null,
        extent,
        requiresAcceptance: false,
      },
      {
        action: 'registry.person_shared',
        objectType: 'registry_person',
        objectId: person.id,
        details: { fields: extent.fields.join(' '), stays: extent.stayIds.length },
      },
    ),
  );
  return presentOne(ctx, actor, share.id);
}

/** The shares of a person of the actor's country, every state, oldest first. */
export async function sharesOfPerson(ctx: Ctx, personId: string): Promise<RegistryShareList> {
  const actor = await requirePermission(ctx, 'registry.read');
  const person = await personOfActorsCountry(ctx, personId, 'registry.person_shares');
  return {
    items: await presentShares(ctx, actor, await sharesOfObject(ctx.db.kysely, PERSON_KIND, person.id)),
  };
}

/** The owner revokes a share of a person (a transfer offer not yet answered is withdrawn). */
export async function revokePersonShare(ctx: Ctx, personId: string, shareId: string): Promise<RegistryShare> {
  const actor = await requirePermission(ctx, 'registry.supervise');
  const person = await personOfActorsCountry(ctx, personId, 'registry.share_revoke');
  const share = await requireShareParty(ctx, shareId, PERSON_KIND, 'owner', 'registry.share_revoke');
  if (share.object_id !== person.id) throw notFound();
  const [transfer] = await abroadTransfersOf(ctx.db.kysely, [share.id]);
  await withTx(ctx, (trx, audit) =>
    revokeShare(ctx, trx, audit, share, {
      action:
        transfer && share.status === 'offered'
          ? 'registry.transfer_withdrawn'
          : 'registry.person_share_revoked',
      objectType: 'registry_person',
      objectId: person.id,
    }),
  );
  return presentOne(ctx, actor, share.id);
}

/**
 * Offers the transfer of an open stay to another country (issue 12: only through an explicit,
 * audited share that the receiving country accepts). The person and the stay are offered; the
 * centre is the receiving country's choice; the stay stays open until the offer is accepted.
 */
export async function transferAbroad(
  ctx: Ctx,
  stayId: string,
  body: TransferAbroadInput,
): Promise<RegistryShare> {
  const actor = await requirePermission(ctx, 'registry.supervise');
  const input = transferAbroadInputSchema.parse(body);
  const own = await requireInScope(ctx, await findStay(ctx.db.kysely, stayId), {
    action: 'registry.transfer_abroad',
    objectType: 'registry_stay',
    objectId: stayId,
  });
  if (own.status !== 'open') throw conflict('registry_stay_not_open');
  if (await pendingCheckOfStay(ctx.db.kysely, own.id)) throw conflict('registry_release_check_pending');
  await checkShareTarget(
    ctx,
    own.country_code,
    input.countryCode,
    'countryCode',
    'registry_share_own_country',
  );
  if (await offeredTransferOfStay(ctx.db.kysely, own.id)) throw conflict('registry_transfer_pending');
  const extent: PersonExtent = { fields: [...new Set(input.fields)], stayIds: [own.id] };
  const share = await withTx(ctx, async (trx, audit) => {
    const offered = await offerShare(
      ctx,
      trx,
      audit,
      {
        kind: PERSON_KIND,
        objectId: own.person_id,
        ownerCountry: own.country_code,
        sharedWith: input.countryCode,
        purpose: 'transfer',
        note: input.note ?? null,
        extent,
        requiresAcceptance: true,
      },
      {
        action: 'registry.transfer_offered',
        objectType: 'registry_stay',
        objectId: own.id,
        details: { person: own.person_id, fields: extent.fields.join(' ') },
      },
    );
    await insertAbroadTransfer(trx, {
      share_id: offered.id,
      origin_stay_id: own.id,
      origin_country: own.country_code,
      to_country: input.countryCode,
      received_person_id: null,
      received_stay_id: null,
    });
    return offered;
  });
  return presentOne(ctx, actor, share.id);
}

/** A share the actor's country received that is a transfer abroad, else 409 (a plain share needs no answer). */
async function receivedTransfer(
  ctx: Ctx,
  shareId: string,
  action: string,
): Promise<{ share: ShareRow; transfer: AbroadTransferRow }> {
  const share = await requireShareParty(ctx, shareId, PERSON_KIND, 'recipient', action);
  const [transfer] = await abroadTransfersOf(ctx.db.kysely, [share.id]);
  if (!transfer) throw conflict('registry_share_not_transfer');
  if (share.status !== 'offered') throw conflict('share_not_offered');
  return { share, transfer };
}

/**
 * The receiving country's supervisor accepts a transfer abroad: the person is admitted into one of
 * its centres (a new stay there, on a record of its own: an existing person of the country chosen
 * after a search, or one registered from what was shared), and the origin stay is released with
 * outcome `transfer`. One transaction; audited on both sides.
 */
export async function acceptTransfer(
  ctx: Ctx,
  shareId: string,
  body: ShareAcceptInput,
): Promise<RegistryShare> {
  const actor = await requirePermission(ctx, 'registry.supervise');
  const input = shareAcceptInputSchema.parse(body);
  const { share, transfer } = await receivedTransfer(ctx, shareId, 'registry.transfer_accept');
  const centre = await findCentre(ctx.db.kysely, input.centreId);
  if (centre?.country_code !== actor.countryCode)
    throw invalidFields([{ path: 'centreId', code: 'not_found' }]);
  const origin = (await findStay(ctx.db.kysely, transfer.origin_stay_id)) as StayRow;
  const admittedAt = new Date(input.admittedAt).toISOString();
  const last = (await transfersOfStay(ctx.db.kysely, origin.id)).at(-1)?.at ?? origin.admitted_at;
  if (admittedAt < last || admittedAt > nowIso(ctx))
    throw invalidFields([{ path: 'admittedAt', code: 'registry_time_before_admission' }]);
  if (centre.status === 'closed') throw conflict('registry_centre_closed');
  if (origin.status !== 'open') throw conflict('registry_stay_not_open');

  let person: PersonRow;
  let created = false;
  if (input.personId) {
    const mine = await findPerson(ctx.db.kysely, input.personId);
    if (mine?.country_code !== actor.countryCode)
      throw invalidFields([{ path: 'personId', code: 'registry_accept_person_not_ours' }]);
    if (await openStayOfPerson(ctx.db.kysely, mine.id)) throw conflict('registry_already_in_centre');
    person = mine;
  } else {
    person = copyOfShared(ctx, actor, (await findPerson(ctx.db.kysely, share.object_id)) as PersonRow, share);
    created = true;
  }
  const stayId = uuidv7();
  const stay: StayRow = {
    id: stayId,
    person_id: person.id,
    country_code: actor.countryCode,
    admitted_centre_id: centre.id,
    centre_id: centre.id,
    unit: input.unit,
    admitted_at: admittedAt,
    referring_authority: input.referringAuthority ?? share.owner_country,
    incident_id: null,
    reason_enc: enc(ctx, input.reason ?? '', P.reason),
    custody_type: input.custodyType,
    attention_enc: origin.attention_enc,
    status: 'open',
    released_at: null,
    release_outcome: null,
    release_notes_enc: null,
    admitted_by: actor.userId,
    released_by: null,
    created_at: nowIso(ctx),
  };
  // The attention decided at the origin travels only when the share carries it.
  if (!personExtentOf(share).fields.includes('attention'))
    stay.attention_enc = enc(ctx, JSON.stringify({ kinds: [] }), P.attention);

  await withTx(ctx, async (trx, audit) => {
    // First: of two supervisors accepting at once, the second stops here (409) before writing.
    await acceptInRoom(ctx, trx, audit, share, input.note ?? null, {
      action: 'registry.transfer_accepted',
      objectType: 'registry_stay',
      objectId: stayId,
      details: { originStay: origin.id, person: person.id, centre: centre.id },
    });
    if (created) {
      await insertPerson(trx, person, storedKeys(ctx, variantsOf(person, decryptPerson(ctx, person))));
      await insertRegistrationDocument(trx, person, null);
      await audit({
        action: 'registry.person_created',
        objectType: 'registry_person',
        objectId: person.id,
        details: { country: actor.countryCode, share: share.id },
      });
    }
    await insertStay(trx, stay).catch((error: unknown) => {
      if (isUniqueViolation(error, 'registry_stays_one_open_idx', ['registry_stays.person_id']))
        throw conflict('registry_already_in_centre');
      throw error;
    });
    await audit({
      action: 'registry.stay_admitted',
      objectType: 'registry_stay',
      objectId: stayId,
      details: { person: person.id, centre: centre.id, unit: input.unit, share: share.id },
    });
    const released = await updateOpenStay(trx, origin.id, {
      status: 'released',
      released_at: admittedAt,
      release_outcome: 'transfer',
      released_by: actor.userId,
    });
    if (!released) throw conflict('registry_stay_not_open');
    // The origin country's side of the same step, in its own audit trail: recorded for the origin
    // country by the room (no actor of that country acted), naming who accepted.
    await audit({
      action: 'registry.stay_released',
      objectType: 'registry_stay',
      objectId: origin.id,
      actorId: null,
      actorCountry: origin.country_code,
      details: {
        outcome: 'transfer',
        share: share.id,
        acceptedBy: actor.userId,
        acceptedIn: actor.countryCode,
        stay: stayId,
      },
    });
    await setTransferReceived(trx, share.id, person.id, stayId);
  });
  return presentOne(ctx, actor, share.id);
}

/** The receiving country's record of a transferred person: the identity core and what was shared. */
function copyOfShared(ctx: Ctx, actor: Actor, origin: PersonRow, share: ShareRow): PersonRow {
  const { fields } = personExtentOf(share);
  const has = (f: PersonShareField) => fields.includes(f);
  return {
    id: uuidv7(),
    country_code: actor.countryCode,
    given_names_enc: origin.given_names_enc,
    family_names_enc: origin.family_names_enc,
    document_given_names_enc: has('document') ? origin.document_given_names_enc : null,
    document_family_names_enc: has('document') ? origin.document_family_names_enc : null,
    aliases_enc: has('aliases') ? origin.aliases_enc : enc(ctx, JSON.stringify([]), P.aliases),
    sex: origin.sex,
    birth_date: origin.birth_date,
    birth_date_precision: origin.birth_date_precision,
    nationality: origin.nationality,
    other_nationalities: has('other_nationalities') ? origin.other_nationalities : '[]',
    languages: has('languages') ? origin.languages : '[]',
    document_number_enc: has('document') ? origin.document_number_enc : null,
    merged_into: null,
    created_by: actor.userId,
    created_at: nowIso(ctx),
  };
}

/** The receiving country's supervisor declines a transfer abroad: the origin stay stays open. */
export async function declineTransfer(
  ctx: Ctx,
  shareId: string,
  body: ShareDeclineInput,
): Promise<RegistryShare> {
  const actor = await requirePermission(ctx, 'registry.supervise');
  const input = shareDeclineInputSchema.parse(body);
  const { share, transfer } = await receivedTransfer(ctx, shareId, 'registry.transfer_decline');
  await withTx(ctx, (trx, audit) =>
    declineInRoom(ctx, trx, audit, share, input.note ?? null, {
      action: 'registry.transfer_declined',
      objectType: 'registry_stay',
      objectId: transfer.origin_stay_id,
    }),
  );
  return presentOne(ctx, actor, share.id);
}

/** What other countries share with the actor's: offers waiting for an answer, and accepted shares. */
export async function incomingShares(ctx: Ctx): Promise<RegistryShareList> {
  const actor = await requirePermission(ctx, 'registry.read');
  const rows = await sharesOfCountry(ctx.db.kysely, 'incoming', actor.countryCode, {
    kind: PERSON_KIND,
    statuses: ['offered', 'accepted'],
    limit: LIST_MAX,
  });
  return { items: await presentShares(ctx, actor, rows) };
}

/** What the actor's country shares with others: live shares and offers, and declined offers. */
export async function outgoingShares(ctx: Ctx): Promise<RegistryShareList> {
  const actor = await requirePermission(ctx, 'registry.read');
  const rows = await sharesOfCountry(ctx.db.kysely, 'outgoing', actor.countryCode, {
    kind: PERSON_KIND,
    statuses: ['offered', 'accepted', 'declined'],
    limit: LIST_MAX,
  });
  return { items: await presentShares(ctx, actor, rows) };
}
