import type { HandlingAction, HandlingItem, HandlingRequest } from '@enlace/shared';
import { recordDenial, requireActor } from '../authz/access';
import { type Ctx, nowIso, type Tx, withTx } from '../context';
import { decryptField, encryptField } from '../crypto';
import { AppError, notFound } from '../errors';
import { uuidv7 } from '../ids';
import { notify } from '../notifications/notifications.service';
import { type CodedItem, decideHandling, type HandlingDecision, type PermissionState } from './handling';
import { itemDescriptions } from './handling.describers';
import {
  decidePending,
  findPermission,
  insertPermission,
  type PermissionRow,
  permissionStatesOf,
  permissionsOfUser,
} from './handling.repository';

const REASON = 'handling_permissions.reason';
const NOTE = 'handling_permissions.note';

/** What has been asked of an item's provider, for deciding (any requester). */
export async function permissionsOf(db: Tx, itemType: string, itemId: string): Promise<PermissionState[]> {
  const rows = await permissionStatesOf(db, itemType, itemId);
  return rows.map((r) => ({
    action: r.action,
    target: r.target,
    requestedBy: r.requested_by,
    status: r.status,
  }));
}

/**
 * Refuses (403 with the reason, logged) what the item's handling code reserves unless its provider
 * allowed it. The caller has checked that the actor may see the item: the answer does not reveal
 * that it exists to anyone who may not.
 */
export async function requireHandling(
  ctx: Ctx,
  item: CodedItem,
  action: HandlingAction,
  target: string | null = null,
): Promise<HandlingDecision & { allowed: true }> {
  const actor = requireActor(ctx);
  const decision = decideHandling(
    actor.userId,
    item,
    action,
    await permissionsOf(ctx.db.kysely, item.type, item.id),
    target,
  );
  if (!decision.allowed) {
    await recordDenial(ctx, {
      action: `handling.${action}`,
      objectType: item.type,
      objectId: item.id,
      reason: `handling_${decision.reason}`,
    });
    throw new AppError(403, `handling_${decision.reason}`, { code: item.codes.handling });
  }
  return decision;
}

/**
 * Asks the provider of a coded item for an action its code reserves. The caller (the item's
 * capability) has checked that the actor may see the item. One request at a time per requester,
 * action and destination; the provider is notified (without the reason: they read it in Enlace).
 */
export async function requestHandlingPermission(
  ctx: Ctx,
  item: CodedItem,
  input: { action: HandlingAction; target?: string | null; reason: string },
): Promise<HandlingRequest> {
  const actor = requireActor(ctx);
  const target = input.target ?? null;
  const decision = decideHandling(
    actor.userId,
    item,
    input.action,
    await permissionsOf(ctx.db.kysely, item.type, item.id),
    target,
  );
  if (decision.allowed) throw new AppError(409, 'handling_not_needed');
  if (!decision.mayRequest) throw new AppError(409, 'handling_permission_pending');
  const id = uuidv7();
  const at = nowIso(ctx);
  await withTx(ctx, async (trx, audit) => {
    await insertPermission(trx, {
      id,
      item_type: item.type,
      item_id: item.id,
      action: input.action,
      target,
      requested_by: actor.userId,
      requested_at: at,
      reason_enc: encryptField(ctx.config.secretKey, input.reason, REASON),
      decider_id: item.originatorId,
      status: 'pending',
      decided_at: null,
      note_enc: null,
    });
    await notify(trx, ctx, {
      userIds: [item.originatorId],
      kind: 'handling.permission_requested',
      objectType: item.type,
      objectId: item.id,
      params: { action: input.action },
    });
    await audit({
      action: 'handling.permission_requested',
      objectType: 'handling_request',
      objectId: id,
      details: { itemType: item.type, itemId: item.id, action: input.action, code: item.codes.handling },
    });
  });
  return getHandlingRequest(ctx, id);
}

/** The provider grants or refuses; anyone else gets 404. The requester is notified. */
export async function decideHandlingPermission(
  ctx: Ctx,
  id: string,
  body: { grant: boolean; note?: string },
): Promise<HandlingRequest> {
  const actor = requireActor(ctx);
  const row = await findPermission(ctx.db.kysely, id);
  if (!row || row.decider_id !== actor.userId) {
    await recordDenial(ctx, {
      action: 'handling.decide',
      objectType: 'handling_request',
      objectId: id,
      reason: row ? 'not_provider' : 'not_found',
    });
    throw notFound();
  }
  if (row.status !== 'pending') throw new AppError(409, 'handling_request_decided');
  const status = body.grant ? 'granted' : 'refused';
  await withTx(ctx, async (trx, audit) => {
    const decided = await decidePending(trx, id, {
      status,
      decided_at: nowIso(ctx),
      note_enc: body.note ? encryptField(ctx.config.secretKey, body.note, NOTE) : null,
    });
    if (!decided) throw new AppError(409, 'handling_request_decided');
    await notify(trx, ctx, {
      userIds: [row.requested_by],
      kind: body.grant ? 'handling.permission_granted' : 'handling.permission_refused',
      objectType: row.item_type,
      objectId: row.item_id,
      params: { action: row.action },
    });
    await audit({
      action: body.grant ? 'handling.permission_granted' : 'handling.permission_refused',
      objectType: 'handling_request',
      objectId: id,
      details: { itemType: row.item_type, itemId: row.item_id, action: row.action },
    });
  });
  return getHandlingRequest(ctx, id);
}

/** How many requests a list shows at most, newest first. */
const LIST_MAX = 200;

/**
 * The requests the actor must decide (incoming) or made (outgoing), newest first, each with what
 * it is about when the actor may read the item.
 */
export async function listHandlingRequests(
  ctx: Ctx,
  box: 'incoming' | 'outgoing',
): Promise<HandlingRequest[]> {
  const actor = requireActor(ctx);
  const rows = await permissionsOfUser(ctx.db.kysely, actor.userId, box, LIST_MAX);
  const describe = itemDescriptions(ctx);
  const out: HandlingRequest[] = [];
  for (const r of rows) out.push(present(ctx, r, await describe(r.item_type, r.item_id)));
  return out;
}

async function getHandlingRequest(ctx: Ctx, id: string): Promise<HandlingRequest> {
  const row = await findPermission(ctx.db.kysely, id);
  if (!row) throw notFound();
  return present(ctx, row, await itemDescriptions(ctx)(row.item_type, row.item_id));
}

function present(ctx: Ctx, r: PermissionRow, item: HandlingItem | null): HandlingRequest {
  return {
    id: r.id,
    itemType: r.item_type,
    itemId: r.item_id,
    action: r.action as HandlingRequest['action'],
    target: r.target,
    requestedBy: r.requested_by,
    requestedAt: r.requested_at,
    reason: decryptField(ctx.config.secretKey, r.reason_enc, REASON),
    deciderId: r.decider_id,
    status: r.status as HandlingRequest['status'],
    decidedAt: r.decided_at,
    note: r.note_enc ? decryptField(ctx.config.secretKey, r.note_enc, NOTE) : null,
    item,
  };
}
