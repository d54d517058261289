import type { AuditAction, AuditObjectType, HandlingCodes, Share } from '@enlace/shared';
import { recordDenial, requireActor } from '../authz/access';
import { type AuditEvent, type Ctx, nowIso, type Tx } from '../context';
import { decryptField, encryptField } from '../crypto';
import { badRequest, conflict, invalidFields, notFound } from '../errors';
import { uuidv7 } from '../ids';
import {
  countryExists,
  findShareById,
  insertShare,
  moveShare,
  type ShareRow,
  type ShareStatus,
  sharesOfObjectWith,
} from './shares.repository';

/**
 * The shares room: explicit, audited, revocable sharing of any object with another country.
 * The capability that owns the object decides who may share it and what of it a share carries
 * (`extent`, its own shape); the room keeps the record of each step and writes its audit event in
 * the caller's transaction, so a share and the change it goes with commit or fail together.
 */

const NOTE = 'shares.note';
const DECISION_NOTE = 'shares.decision_note';

/** What the capability's audit event is about: its own code and object (a case, a person). */
export interface ShareEvent {
  action: AuditAction;
  objectType: AuditObjectType;
  objectId: string;
  /** Ids and codes only, as every audit detail. */
  details?: Record<string, string | number | boolean | null>;
}

type Audit = (e: AuditEvent) => Promise<void>;

export interface ShareOffer {
  kind: string;
  objectId: string;
  ownerCountry: string;
  sharedWith: string;
  purpose?: string | null;
  note?: string | null;
  /** The object's handling codes, when it carries them: they travel with the share. */
  handling?: HandlingCodes | null;
  /** What of the object is shared, in the capability's own shape (null: all of it). */
  extent?: unknown;
  /** When true the share is offered and nothing is readable until the receiving country accepts. */
  requiresAcceptance: boolean;
}

/** States from which a share may still be revoked by its owner. */
const LIVE: readonly ShareStatus[] = ['offered', 'accepted'];

/**
 * Checks an offer before the caller's transaction: not to the owner's own country (400 on
 * `path`, with the capability's words), to a country that exists (400).
 */
export async function checkShareTarget(
  ctx: Ctx,
  ownerCountry: string,
  sharedWith: string,
  path: string,
  ownCountryCode = 'share_own_country',
) {
  if (sharedWith === ownerCountry) throw invalidFields([{ path, code: ownCountryCode }]);
  if (!(await countryExists(ctx.db.kysely, sharedWith))) throw badRequest('unknown_country');
}

/** Records a share, offered or (when no acceptance is needed) accepted at once, with its event. */
export async function offerShare(
  ctx: Ctx,
  trx: Tx,
  audit: Audit,
  offer: ShareOffer,
  event: ShareEvent,
): Promise<ShareRow> {
  const actor = requireActor(ctx);
  const at = nowIso(ctx);
  const row: ShareRow = {
    id: uuidv7(),
    object_kind: offer.kind,
    object_id: offer.objectId,
    owner_country: offer.ownerCountry,
    shared_with: offer.sharedWith,
    purpose: offer.purpose ?? null,
    note_enc: offer.note ? encryptField(ctx.config.secretKey, offer.note, NOTE) : null,
    handling: offer.handling ? JSON.stringify(offer.handling) : null,
    extent: offer.extent === undefined || offer.extent === null ? null : JSON.stringify(offer.extent),
    requires_acceptance: offer.requiresAcceptance ? 1 : 0,
    status: offer.requiresAcceptance ? 'offered' : 'accepted',
    offered_by: actor.userId,
    offered_at: at,
    accepted_by: null,
    accepted_at: offer.requiresAcceptance ? null : at,
    declined_by: null,
    declined_at: null,
    decision_note_enc: null,
    revoked_by: null,
    revoked_at: null,
  };
  await insertShare(trx, row);
  await audit({
    ...event,
    purpose: row.purpose,
    details: { ...event.details, country: row.shared_with, share: row.id },
  });
  return row;
}

async function step(
  ctx: Ctx,
  trx: Tx,
  audit: Audit,
  share: ShareRow,
  move: { from: readonly ShareStatus[]; to: ShareStatus; note?: string | null; refused: string },
  event: ShareEvent,
): Promise<ShareRow> {
  const actor = requireActor(ctx);
  const at = nowIso(ctx);
  const note =
    move.note === undefined || move.to === 'revoked'
      ? {}
      : {
          decision_note_enc: move.note ? encryptField(ctx.config.secretKey, move.note, DECISION_NOTE) : null,
        };
  const set =
    move.to === 'accepted'
      ? { status: move.to, accepted_by: actor.userId, accepted_at: at, ...note }
      : move.to === 'declined'
        ? { status: move.to, declined_by: actor.userId, declined_at: at, ...note }
        : { status: move.to, revoked_by: actor.userId, revoked_at: at };
  if (!(await moveShare(trx, share.id, move.from, set))) throw conflict(move.refused);
  await audit({
    ...event,
    purpose: share.purpose,
    details: { ...event.details, country: share.shared_with, share: share.id },
  });
  return (await findShareById(trx, share.id)) as ShareRow;
}

/** The receiving country accepts an offer (409 `share_not_offered` when it is no longer one). */
export function acceptShare(
  ctx: Ctx,
  trx: Tx,
  audit: Audit,
  share: ShareRow,
  note: string | null,
  event: ShareEvent,
) {
  return step(
    ctx,
    trx,
    audit,
    share,
    { from: ['offered'], to: 'accepted', note, refused: 'share_not_offered' },
    event,
  );
}

/** The receiving country declines an offer (409 `share_not_offered` when it is no longer one). */
export function declineShare(
  ctx: Ctx,
  trx: Tx,
  audit: Audit,
  share: ShareRow,
  note: string | null,
  event: ShareEvent,
) {
  return step(
    ctx,
    trx,
    audit,
    share,
    { from: ['offered'], to: 'declined', note, refused: 'share_not_offered' },
    event,
  );
}

/** The owner revokes an offered or accepted share (409 `share_revoked` when it is not live). */
export function revokeShare(ctx: Ctx, trx: Tx, audit: Audit, share: ShareRow, event: ShareEvent) {
  return step(ctx, trx, audit, share, { from: LIVE, to: 'revoked', refused: 'share_revoked' }, event);
}

/** The accepted shares of an object with a country: what that country may read of it. */
export function acceptedSharesWith(ctx: Ctx, kind: string, objectId: string, country: string) {
  return sharesOfObjectWith(ctx.db.kysely, kind, objectId, country, ['accepted']);
}

/** The live (offered or accepted) shares of an object with a country. */
export function liveSharesWith(ctx: Ctx, kind: string, objectId: string, country: string) {
  return sharesOfObjectWith(ctx.db.kysely, kind, objectId, country, LIVE);
}

/**
 * A share of this kind that the actor's country is party to, as `side`: the owner (who revokes)
 * or the receiving country (who accepts or declines). Else 404, logged: a share is not confirmed
 * to a third country.
 */
export async function requireShareParty(
  ctx: Ctx,
  id: string,
  kind: string,
  side: 'owner' | 'recipient',
  action: string,
): Promise<ShareRow> {
  const actor = requireActor(ctx);
  const share = await findShareById(ctx.db.kysely, id);
  const country = share && (side === 'owner' ? share.owner_country : share.shared_with);
  if (!share || share.object_kind !== kind || country !== actor.countryCode) {
    await recordDenial(ctx, {
      action,
      objectType: 'share',
      objectId: id,
      reason: share ? 'scope' : 'not_found',
    });
    throw notFound();
  }
  return share;
}

/** A share as the parties read it (the notes decrypted; the extent left to the capability). */
export function presentShare(ctx: Ctx, r: ShareRow): Share {
  const dec = (v: string | null, purpose: string) =>
    v === null ? null : decryptField(ctx.config.secretKey, v, purpose);
  return {
    id: r.id,
    kind: r.object_kind,
    objectId: r.object_id,
    ownerCountry: r.owner_country,
    sharedWith: r.shared_with,
    purpose: r.purpose,
    note: dec(r.note_enc, NOTE),
    handling: r.handling === null ? null : (JSON.parse(r.handling) as HandlingCodes),
    requiresAcceptance: r.requires_acceptance === 1,
    status: r.status as ShareStatus,
    offeredAt: r.offered_at,
    acceptedAt: r.accepted_at,
    declinedAt: r.declined_at,
    decisionNote: dec(r.decision_note_enc, DECISION_NOTE),
    revokedAt: r.revoked_at,
  };
}

/** The extent a share carries, parsed (the capability validates its shape). */
export function extentOf(r: ShareRow): unknown {
  return r.extent === null ? null : JSON.parse(r.extent);
}
