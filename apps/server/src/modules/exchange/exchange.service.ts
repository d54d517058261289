import { randomBytes } from 'node:crypto';
import {
  DEFAULT_REPLY_HOURS,
  type ExchangeMessage,
  type HandlingAction,
  type HandlingCodes,
  type Locale,
  type MessageInput,
  type ParticipantInput,
  type ParticipantSearchResult,
  type participantSearchBodySchema,
  ROLE_PERMISSIONS,
  ROLES,
  type Role,
  type Thread,
  type ThreadCreateBody,
  type ThreadExportFormat,
  type ThreadListQuery,
  type ThreadPage,
  type ThreadSummary,
  TOTAL_CAP,
  type handlingRequestBodySchema,
  knownTimeZone,
  messageInputSchema,
  type threadUpdateBodySchema,
} from '@enlace/shared';
import type { z } from 'zod';
import { type Actor, type Ctx, type Deps, nowIso, type Tx, withTx } from '../../platform/context';
import { recordDenial, requirePermission } from '../../platform/authz/access';
import { decryptField, encryptField } from '../../platform/crypto';
import { AppError, badRequest, forbidden, invalidFields, notFound } from '../../platform/errors';
import { type CodedItem, handlingAbilities } from '../../platform/handling/handling';
import { renderPdf } from '../../platform/documents/pdf';
import {
  permissionsOf,
  requestHandlingPermission,
  requireHandling,
} from '../../platform/handling/handling.service';
import { attachFiles, listAttachedFiles, registerFileOwner } from '../../platform/files/files.service';
import { registerItemDescriber } from '../../platform/handling/handling.describers';
import { uuidv7 } from '../../platform/ids';
import { findUserById } from '../../platform/users/user.repository';
import { notify } from '../../platform/notifications/notifications.service';
import { foldText, matchesSearch, parseSearch, searchTerms } from '../../platform/search/search';
import { findAgency, findCountry } from '../admin/admin.repository';
import { mayReadCase } from '../cases/cases.service';
import { mayExchange } from '../directory/directory.service';
import { findIncident } from '../incidents/incidents.repository';
import { incidentReadable } from '../incidents/incidents.policy';
import { type ThreadExport, threadCsv, threadDocument } from './exchange.export';
import {
  activeAgencies,
  countThreads,
  exchangeUsers,
  findMessage,
  forwardsOf,
  findVisibleThread,
  markReceipt,
  markThreadRead,
  type MessageRow,
  messagesOf,
  pageOfThreads,
  participantsOf,
  type ParticipantRow,
  receiptsOf,
  type ThreadRow,
  threadsDueBefore,
  usersReached,
} from './exchange.repository';

const SUBJECT = 'exchange_threads.subject';
const BODY = 'exchange_messages.body';
const RESTRICTION = 'exchange_messages.restriction';
const HOUR = 3600_000;

/** The roles that take part in the exchange; prosecutors alone in their channel. */
const EXCHANGE_ROLES = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('exchange.use'));

// ——— access ———

/** The actor when they take part in the exchange now (permission and current authorisation). */
async function exchangeReader(ctx: Ctx): Promise<Actor | null> {
  const actor = ctx.actor;
  if (!actor?.permissions.has('exchange.use') || !(await mayExchange(ctx, actor))) return null;
  return actor;
}

/**
 * A message as the actor can read it: in its own thread, or as the same text in another thread
 * (the original of a forward, or one of its forwards), the first of these threads they take part
 * in. Undefined when they read it nowhere.
 */
async function readableCopy(
  ctx: Ctx,
  actor: Actor,
  messageId: string,
): Promise<{ message: MessageRow; thread: ThreadRow } | undefined> {
  const db = ctx.db.kysely;
  const message = await findMessage(db, messageId);
  if (!message) return undefined;
  const originalId = message.forwarded_from ?? message.id;
  const original = message.forwarded_from ? await findMessage(db, originalId) : undefined;
  const forwards = (await forwardsOf(db, originalId)).filter((f) => f.id !== message.id);
  for (const copy of [message, ...(original ? [original] : []), ...forwards]) {
    const thread = await findVisibleThread(db, actor, copy.thread_id);
    if (thread) return { message: copy, thread };
  }
  return undefined;
}

/**
 * A message's attachments are downloaded by whoever sees the message: a participant of its
 * thread, or of a thread it was forwarded to (a forward keeps the original's files).
 */
registerFileOwner('exchange_message', async (ctx, messageId) => {
  const actor = await exchangeReader(ctx);
  return actor !== null && (await readableCopy(ctx, actor, messageId)) !== undefined;
});

/**
 * What a permission request about a message is about, for those who read the message: its
 * thread's subject and reference, its text (platform/handling cuts it), code, author country and
 * date, and where to read it.
 */
registerItemDescriber('exchange_message', async (ctx, messageId) => {
  const actor = await exchangeReader(ctx);
  const found = actor && (await readableCopy(ctx, actor, messageId));
  if (!found) return null;
  const { message, thread } = found;
  return {
    label: dec(ctx, thread.subject_enc, SUBJECT),
    reference: thread.reference,
    excerpt: dec(ctx, message.body_enc, BODY),
    handling: message.handling as HandlingCodes['handling'],
    countryCode: message.author_country,
    createdAt: message.created_at,
    link: `/exchange/${thread.id}#message-${message.id}`,
  };
});

/**
 * The exchange room's gate: the permission and, for a liaison or prosecutor, a current Foreign
 * Affairs authorisation; each thread then answers 404 to anyone outside it. The exchange's
 * statistics pass the same gate.
 */
export async function exchangeActor(ctx: Ctx): Promise<Actor> {
  const actor = await requirePermission(ctx, 'exchange.use');
  // A liaison or prosecutor takes part only while their Foreign Affairs authorisation is current.
  if (!(await mayExchange(ctx, actor))) {
    await recordDenial(ctx, { action: 'exchange.use', reason: 'no_current_authorisation' });
    throw new AppError(403, 'exchange_not_authorised');
  }
  return actor;
}

async function visibleThread(ctx: Ctx, actor: Actor, id: string, action: string) {
  const row = await findVisibleThread(ctx.db.kysely, actor, id);
  if (!row) {
    await recordDenial(ctx, {
      action,
      objectType: 'exchange_thread',
      objectId: id,
      reason: 'not_participant',
    });
    throw notFound();
  }
  return row;
}

// ——— presenting ———

const enc = (deps: Deps, text: string, purpose: string) => encryptField(deps.config.secretKey, text, purpose);
const dec = (deps: Deps, text: string, purpose: string) => decryptField(deps.config.secretKey, text, purpose);

function codesOf(deps: Deps, m: MessageRow): HandlingCodes {
  return {
    handling: m.handling as HandlingCodes['handling'],
    ...(m.restriction_enc ? { restriction: dec(deps, m.restriction_enc, RESTRICTION) } : {}),
    reliability: m.reliability as HandlingCodes['reliability'],
    accuracy: m.accuracy as HandlingCodes['accuracy'],
  };
}

function codedItem(deps: Deps, m: MessageRow): CodedItem {
  return { type: 'exchange_message', id: m.id, codes: codesOf(deps, m), originatorId: m.provider_id };
}

function summary(deps: Deps, row: ThreadRow & { my_read_at: string | null }, now: string): ThreadSummary {
  return {
    id: row.id,
    reference: row.reference,
    subject: dec(deps, row.subject_enc, SUBJECT),
    type: row.type as ThreadSummary['type'],
    priority: row.priority as ThreadSummary['priority'],
    channel: row.channel as ThreadSummary['channel'],
    status: row.status as ThreadSummary['status'],
    ownerCountry: row.owner_country,
    replyBy: row.reply_by,
    overdue: row.status === 'open' && row.reply_by !== null && row.reply_by < now,
    lastMessageAt: row.last_message_at,
    messageCount: row.message_count,
    unread: !row.my_read_at || row.my_read_at < row.last_message_at,
  };
}

function participantLabel(
  p: ParticipantRow & {
    user_name: string | null;
    agency_names: string | null;
    agency_acronym: string | null;
  },
  locale: Locale,
) {
  if (p.kind === 'user') return p.user_name;
  if (p.kind === 'agency') {
    const names = p.agency_names ? (JSON.parse(p.agency_names) as Record<string, string>) : {};
    return names[locale] ?? p.agency_acronym;
  }
  if (p.kind === 'country') return p.ref;
  return null;
}

// ——— writing ———

function newReference(country: string, at: string): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const suffix = [...randomBytes(5)].map((b) => alphabet[b % alphabet.length]).join('');
  return `EX-${country}-${at.slice(0, 4)}-${suffix}`;
}

/** Merges a message's tokens into the thread's: the search finds a thread by any of its messages. */
function withTokens(
  deps: Deps,
  current: string | null,
  fields: { plain?: string[]; secret: string[] },
): string {
  const next = searchTerms(deps.config.secretKey, { plain: fields.plain ?? [], secret: fields.secret });
  return [...new Set([...(current ? current.split(' ') : []), ...(next ? next.split(' ') : [])])].join(' ');
}

/** Checks each participant: an active account of a role in the exchange, an agency, a country. */
async function checkParticipants(
  ctx: Ctx,
  actor: Actor,
  channel: string,
  participants: readonly ParticipantInput[],
): Promise<{ kind: string; ref: string }[]> {
  const out: { kind: string; ref: string }[] = [];
  for (const [i, p] of participants.entries()) {
    const invalid = () =>
      invalidFields([{ path: `participants.${i}.ref`, code: 'exchange_participant_invalid' }]);
    if (p.kind === 'network') {
      if (channel !== 'network') throw invalid();
      out.push({ kind: 'network', ref: '*' });
      continue;
    }
    const ref = p.ref as string;
    if (p.kind === 'user') {
      const u = await ctx.db.kysely
        .selectFrom('users')
        .select(['id', 'role', 'status'])
        .where('id', '=', ref)
        .executeTakeFirst();
      const allowedRoles: readonly Role[] = channel === 'prosecutors' ? ['prosecutor'] : EXCHANGE_ROLES;
      if (u?.status !== 'active' || !allowedRoles.includes(u.role as Role)) throw invalid();
      if (!(await mayExchange(ctx, { userId: u.id, role: u.role }))) throw invalid();
    } else if (p.kind === 'agency') {
      if (!(await findAgency(ctx.db.kysely, ref))) throw invalid();
    } else if (!(await findCountry(ctx.db.kysely, ref))) throw invalid();
    if (!out.some((o) => o.kind === p.kind && o.ref === ref) && !(p.kind === 'user' && ref === actor.userId))
      out.push({ kind: p.kind, ref });
  }
  return out;
}

async function insertMessage(
  trx: Tx,
  ctx: Ctx,
  actor: Actor,
  thread: { id: string; owner_country: string; search_terms: string | null },
  input: {
    body: string;
    codes: HandlingCodes;
    attachments?: readonly string[];
    providerId?: string;
    forwardedFrom?: string;
  },
  at: string,
): Promise<string> {
  const id = uuidv7();
  await trx
    .insertInto('exchange_messages')
    .values({
      id,
      thread_id: thread.id,
      author_id: actor.userId,
      author_country: actor.countryCode,
      body_enc: enc(ctx, input.body, BODY),
      handling: input.codes.handling,
      restriction_enc: input.codes.restriction ? enc(ctx, input.codes.restriction, RESTRICTION) : null,
      reliability: input.codes.reliability,
      accuracy: input.codes.accuracy,
      provider_id: input.providerId ?? actor.userId,
      forwarded_from: input.forwardedFrom ?? null,
      created_at: at,
    })
    .execute();
  if (input.attachments?.length) {
    await attachFiles(trx, actor, input.attachments, { ownerType: 'exchange_message', ownerId: id, at });
  }
  await trx
    .updateTable('exchange_threads')
    .set((eb) => ({
      last_message_at: at,
      updated_at: at,
      message_count: eb('message_count', '+', 1),
      search_terms: withTokens(ctx, thread.search_terms, { secret: [input.body] }),
    }))
    .where('id', '=', thread.id)
    .execute();
  if (actor.countryCode !== thread.owner_country) {
    await markReceipt(trx, thread.id, actor.countryCode, 'replied', at, actor.userId);
  }
  await markThreadRead(trx, thread.id, actor.userId, at);
  return id;
}

async function addParticipants(
  trx: Tx,
  threadId: string,
  participants: readonly { kind: string; ref: string }[],
  by: string,
  at: string,
): Promise<void> {
  await trx
    .insertInto('exchange_participants')
    .values(
      participants.map((p) => ({
        id: uuidv7(),
        thread_id: threadId,
        kind: p.kind,
        ref: p.ref,
        added_by: by,
        added_at: at,
        removed_at: null,
      })),
    )
    .execute();
}

/** Tells everyone the thread reaches, but the actor, that something new waits there. */
async function tellParticipants(
  trx: Tx,
  ctx: Ctx,
  actor: Actor,
  thread: { id: string; reference: string; owner_id: string; channel: string },
  kind: 'exchange.new_thread' | 'exchange.new_message',
): Promise<void> {
  const participants = await participantsOf(trx, thread.id);
  const roles = thread.channel === 'prosecutors' ? ['prosecutor'] : EXCHANGE_ROLES;
  const users = (await usersReached(trx, participants, roles)).map((u) => u.id);
  await notify(trx, ctx, {
    userIds: [...users, thread.owner_id].filter((id) => id !== actor.userId),
    kind,
    objectType: 'exchange_thread',
    objectId: thread.id,
    params: { reference: thread.reference },
  });
}

export async function createThread(ctx: Ctx, body: ThreadCreateBody): Promise<Thread> {
  const actor = await exchangeActor(ctx);
  const channel = body.channel ?? 'network';
  if (channel === 'prosecutors' && actor.role !== 'prosecutor') {
    await recordDenial(ctx, { action: 'exchange.thread_create', reason: 'prosecutors_channel' });
    throw forbidden();
  }
  const participants = await checkParticipants(ctx, actor, channel, body.participants);
  if (!participants.length) throw badRequest('exchange_no_participant');
  const now = ctx.clock.now();
  const at = now.toISOString();
  const replyBy =
    body.replyBy === null
      ? null
      : body.replyBy
        ? new Date(body.replyBy).toISOString()
        : new Date(now.getTime() + DEFAULT_REPLY_HOURS[body.priority] * HOUR).toISOString();
  if (replyBy && replyBy <= at) throw badRequest('exchange_reply_by_past');
  if (body.incidentId) {
    const incident = await findIncident(ctx.db.kysely, body.incidentId);
    if (!incident || !incidentReadable(actor, incident)) throw badRequest('exchange_link_invalid');
  }
  if (body.caseId && !(await mayReadCase(ctx, body.caseId))) throw badRequest('exchange_link_invalid');
  const message = messageInputSchema.parse(body.message);
  const id = uuidv7(now.getTime());
  const reference = newReference(actor.countryCode, at);
  await withTx(ctx, async (trx, audit) => {
    const row = {
      id,
      reference,
      owner_id: actor.userId,
      owner_country: actor.countryCode,
      type: body.type,
      priority: body.priority,
      channel,
      status: 'open',
      subject_enc: enc(ctx, body.subject, SUBJECT),
      reply_by: replyBy,
      incident_id: body.incidentId ?? null,
      case_id: body.caseId ?? null,
      created_at: at,
      updated_at: at,
      last_message_at: at,
      message_count: 0,
      search_terms: withTokens(ctx, null, { plain: [reference], secret: [body.subject] }),
    };
    await trx.insertInto('exchange_threads').values(row).execute();
    await addParticipants(trx, id, participants, actor.userId, at);
    await insertMessage(
      trx,
      ctx,
      actor,
      row,
      { body: message.body, codes: message.codes, attachments: message.attachments },
      at,
    );
    await tellParticipants(trx, ctx, actor, row, 'exchange.new_thread');
    await audit({
      action: 'exchange.thread_created',
      objectType: 'exchange_thread',
      objectId: id,
      details: {
        reference,
        type: body.type,
        priority: body.priority,
        channel,
        participants: participants.length,
      },
    });
  });
  return getThread(ctx, id);
}

export async function postMessage(ctx: Ctx, threadId: string, input: MessageInput): Promise<ExchangeMessage> {
  const actor = await exchangeActor(ctx);
  const thread = await visibleThread(ctx, actor, threadId, 'exchange.message_post');
  if (thread.status !== 'open') throw new AppError(409, 'exchange_thread_closed');
  const message = messageInputSchema.parse(input);
  const at = nowIso(ctx);
  const id = await withTx(ctx, async (trx, audit) => {
    const mid = await insertMessage(
      trx,
      ctx,
      actor,
      thread,
      { body: message.body, codes: message.codes, attachments: message.attachments },
      at,
    );
    await tellParticipants(trx, ctx, actor, thread, 'exchange.new_message');
    await audit({
      action: 'exchange.message_posted',
      objectType: 'exchange_message',
      objectId: mid,
      details: { thread: thread.reference, handling: message.codes.handling },
    });
    return mid;
  });
  return (await listMessages(ctx, threadId, { audit: false })).items.find(
    (m) => m.id === id,
  ) as ExchangeMessage;
}

/**
 * Forwards a message to another thread the actor takes part in. The codes travel with it and its
 * provider stays its provider; an H2 or H3 message needs the provider's permission for that
 * destination (platform/handling).
 */
export async function forwardMessage(
  ctx: Ctx,
  messageId: string,
  body: { threadId: string },
): Promise<ExchangeMessage> {
  const actor = await exchangeActor(ctx);
  const source = await findMessage(ctx.db.kysely, messageId);
  if (!source || !(await findVisibleThread(ctx.db.kysely, actor, source.thread_id))) {
    await recordDenial(ctx, {
      action: 'exchange.forward',
      objectType: 'exchange_message',
      objectId: messageId,
      reason: 'not_participant',
    });
    throw notFound();
  }
  const target = await visibleThread(ctx, actor, body.threadId, 'exchange.forward');
  if (target.id === source.thread_id) throw badRequest('exchange_forward_same_thread');
  if (target.status !== 'open') throw new AppError(409, 'exchange_thread_closed');
  const item = codedItem(ctx, source);
  await requireHandling(ctx, item, 'forward', `thread:${target.id}`);
  const at = nowIso(ctx);
  const id = await withTx(ctx, async (trx, audit) => {
    const mid = await insertMessage(
      trx,
      ctx,
      actor,
      target,
      {
        body: dec(ctx, source.body_enc, BODY),
        codes: item.codes,
        providerId: source.provider_id,
        // A forward points at the original message (its files, its provider), not at a forward.
        forwardedFrom: source.forwarded_from ?? source.id,
      },
      at,
    );
    await tellParticipants(trx, ctx, actor, target, 'exchange.new_message');
    await audit({
      action: 'exchange.message_forwarded',
      objectType: 'exchange_message',
      objectId: mid,
      details: { from: source.id, to: target.reference, handling: item.codes.handling },
    });
    return mid;
  });
  return (await listMessages(ctx, target.id, { audit: false })).items.find(
    (m) => m.id === id,
  ) as ExchangeMessage;
}

/** Asks a message's provider for what its code reserves (forward, export, court). */
export async function requestMessagePermission(
  ctx: Ctx,
  messageId: string,
  body: z.infer<typeof handlingRequestBodySchema>,
) {
  const actor = await exchangeActor(ctx);
  const message = await findMessage(ctx.db.kysely, messageId);
  if (!message || !(await findVisibleThread(ctx.db.kysely, actor, message.thread_id))) {
    await recordDenial(ctx, {
      action: 'exchange.permission_request',
      objectType: 'exchange_message',
      objectId: messageId,
      reason: 'not_participant',
    });
    throw notFound();
  }
  return requestHandlingPermission(ctx, codedItem(ctx, message), {
    action: body.action as HandlingAction,
    target: body.target ?? null,
    reason: body.reason,
  });
}

export async function updateThread(
  ctx: Ctx,
  id: string,
  body: z.infer<typeof threadUpdateBodySchema>,
): Promise<Thread> {
  const actor = await exchangeActor(ctx);
  const thread = await visibleThread(ctx, actor, id, 'exchange.thread_update');
  if (thread.owner_id !== actor.userId) {
    await recordDenial(ctx, {
      action: 'exchange.thread_update',
      objectType: 'exchange_thread',
      objectId: id,
      reason: 'not_owner',
    });
    throw forbidden();
  }
  const at = nowIso(ctx);
  const add = body.addParticipants
    ? await checkParticipants(ctx, actor, thread.channel, body.addParticipants)
    : [];
  if (body.replyBy && new Date(body.replyBy).toISOString() <= at) throw badRequest('exchange_reply_by_past');
  await withTx(ctx, async (trx, audit) => {
    const set: Partial<ThreadRow> = { updated_at: at };
    if (body.replyBy !== undefined) set.reply_by = body.replyBy ? new Date(body.replyBy).toISOString() : null;
    if (body.status) set.status = body.status;
    await trx.updateTable('exchange_threads').set(set).where('id', '=', id).execute();
    const current = await participantsOf(trx, id);
    const fresh = add.filter((p) => !current.some((c) => c.kind === p.kind && c.ref === p.ref));
    if (fresh.length) {
      await addParticipants(trx, id, fresh, actor.userId, at);
      await tellParticipants(trx, ctx, actor, thread, 'exchange.new_thread');
    }
    if (body.removeParticipants?.length) {
      await trx
        .updateTable('exchange_participants')
        .set({ removed_at: at })
        .where('thread_id', '=', id)
        .where('id', 'in', body.removeParticipants)
        .where('removed_at', 'is', null)
        .execute();
    }
    await audit({
      action: 'exchange.thread_updated',
      objectType: 'exchange_thread',
      objectId: id,
      details: {
        ...(body.replyBy !== undefined ? { replyBy: body.replyBy } : {}),
        ...(body.status ? { status: body.status } : {}),
        added: fresh.length,
        removed: body.removeParticipants?.length ?? 0,
      },
    });
  });
  return getThread(ctx, id);
}

/** A participant country acknowledges receipt (once per country); the owner is told. */
export async function acknowledgeThread(ctx: Ctx, id: string): Promise<Thread> {
  const actor = await exchangeActor(ctx);
  const thread = await visibleThread(ctx, actor, id, 'exchange.acknowledge');
  if (thread.owner_country === actor.countryCode) throw badRequest('exchange_acknowledge_own');
  await withTx(ctx, async (trx, audit) => {
    await markReceipt(trx, id, actor.countryCode, 'acknowledged', nowIso(ctx), actor.userId);
    await notify(trx, ctx, {
      userIds: [thread.owner_id],
      kind: 'exchange.acknowledged',
      objectType: 'exchange_thread',
      objectId: id,
      params: { reference: thread.reference, country: actor.countryCode },
    });
    await audit({
      action: 'exchange.acknowledged',
      objectType: 'exchange_thread',
      objectId: id,
      details: { country: actor.countryCode },
    });
  });
  return getThread(ctx, id);
}

// ——— reading ———

export async function listThreads(ctx: Ctx, query: ThreadListQuery): Promise<ThreadPage> {
  const actor = await exchangeActor(ctx);
  const words = parseSearch(ctx.config.secretKey, query.q);
  const filter = {
    channel: query.channel,
    status: query.status,
    unreadOnly: query.unread === '1',
    match: words ? matchesSearch(ctx.db.dialect, 'exchange_threads', words) : undefined,
  };
  const db = ctx.db.kysely;
  const [rows, total] = await Promise.all([
    pageOfThreads(db, ctx.db.dialect, actor, filter, query),
    countThreads(db, actor, filter, TOTAL_CAP),
  ]);
  const now = nowIso(ctx);
  return {
    total: Math.min(total, TOTAL_CAP),
    totalCapped: total > TOTAL_CAP,
    items: rows.map((r) => summary(ctx, r, now)),
  };
}

export async function getThread(ctx: Ctx, id: string): Promise<Thread> {
  const actor = await exchangeActor(ctx);
  const t = await visibleThread(ctx, actor, id, 'exchange.thread_read');
  const db = ctx.db.kysely;
  const [participants, receipts] = await Promise.all([participantsOf(db, id), receiptsOf(db, id)]);
  return {
    ...summary(ctx, t, nowIso(ctx)),
    ownerId: t.owner_id,
    createdAt: t.created_at,
    incidentId: t.incident_id,
    caseId: t.case_id,
    participants: participants.map((p) => ({
      id: p.id,
      kind: p.kind as Thread['participants'][number]['kind'],
      ref: p.kind === 'network' ? null : p.ref,
      label: participantLabel(p, ctx.locale),
      countryCode:
        p.kind === 'user'
          ? p.user_country
          : p.kind === 'agency'
            ? p.agency_country
            : p.kind === 'country'
              ? p.ref
              : null,
    })),
    receipts: receipts.map((r) => ({
      countryCode: r.country_code,
      acknowledgedAt: r.acknowledged_at,
      readAt: r.read_at,
      repliedAt: r.replied_at,
    })),
    abilities: {
      post: t.status === 'open',
      manage: t.owner_id === actor.userId,
      acknowledge: t.owner_country !== actor.countryCode,
    },
  };
}

/**
 * The messages of a thread, each with its codes and what the actor may do with it. Opening them
 * records the reading (per user, and the first reading per country) and is audited.
 */
export async function listMessages(
  ctx: Ctx,
  threadId: string,
  opts: { audit?: boolean } = {},
): Promise<{ items: ExchangeMessage[] }> {
  const actor = await exchangeActor(ctx);
  const thread = await visibleThread(ctx, actor, threadId, 'exchange.thread_read');
  const rows = await messagesOf(ctx.db.kysely, threadId);
  const files = await listAttachedFiles(
    ctx,
    'exchange_message',
    rows.map((m) => m.forwarded_from ?? m.id),
  );
  const items: ExchangeMessage[] = [];
  for (const m of rows) {
    const item = codedItem(ctx, m);
    const perms = await permissionsOf(ctx.db.kysely, item.type, item.id);
    const abilities = handlingAbilities(actor.userId, item, perms);
    items.push({
      id: m.id,
      threadId: m.thread_id,
      authorId: m.author_id,
      authorName: m.author_name,
      authorCountry: m.author_country,
      body: dec(ctx, m.body_enc, BODY),
      codes: item.codes,
      providerId: m.provider_id,
      forwardedFrom: m.forwarded_from
        ? { messageId: m.forwarded_from, threadReference: m.source_reference }
        : null,
      attachments: (files.get(m.forwarded_from ?? m.id) ?? []).map((f) => ({
        id: f.id,
        name: f.name,
        size: f.size,
        type: f.type,
      })),
      createdAt: m.created_at,
      abilities: Object.fromEntries(
        Object.entries(abilities).map(([a, d]) => [
          a,
          d.allowed
            ? { allowed: true, reason: null, mayRequest: false }
            : { allowed: false, reason: d.reason, mayRequest: d.mayRequest },
        ]),
      ) as ExchangeMessage['abilities'],
    });
  }
  if (opts.audit !== false) {
    const at = nowIso(ctx);
    await withTx(ctx, async (trx, audit) => {
      await markThreadRead(trx, threadId, actor.userId, at);
      if (actor.countryCode !== thread.owner_country)
        await markReceipt(trx, threadId, actor.countryCode, 'read', at, actor.userId);
      await audit({
        action: 'exchange.thread_read',
        objectType: 'exchange_thread',
        objectId: threadId,
        details: { messages: rows.length },
      });
    });
  }
  return { items };
}

/**
 * A thread as CSV or PDF in the reader's language, opening with the handling and evaluation codes
 * of every message it carries; each message keeps its own. A message whose code reserves export
 * to its provider (H3) is left out, and the file says how many were. The export is audited, and
 * the file is handed over only once the audit event is written.
 */
export async function exportThread(
  ctx: Ctx,
  id: string,
  opts: { format: ThreadExportFormat; timeZone: string | null },
): Promise<{ filename: string; contentType: string; body: string | Buffer }> {
  const actor = await exchangeActor(ctx);
  const row = await visibleThread(ctx, actor, id, 'exchange.thread_export');
  const [thread, { items }] = await Promise.all([
    getThread(ctx, id),
    listMessages(ctx, id, { audit: false }),
  ]);
  const messages = items.filter((m) => m.abilities.export.allowed);
  const content: ThreadExport = { thread, messages, omitted: items.length - messages.length };
  let file: { filename: string; contentType: string; body: string | Buffer };
  if (opts.format === 'pdf') {
    const timeZone =
      opts.timeZone ?? knownTimeZone((await findUserById(ctx.db.kysely, actor.userId))?.time_zone) ?? 'UTC';
    const body = await renderPdf(threadDocument(ctx.locale, timeZone, content), {
      locale: ctx.locale,
      timeZone,
      generatedAt: ctx.clock.now(),
    });
    file = { filename: `${row.reference}.pdf`, contentType: 'application/pdf', body };
  } else {
    file = {
      filename: `${row.reference}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: threadCsv(ctx.locale, content),
    };
  }
  await withTx(ctx, async (_trx, audit) => {
    await audit({
      action: 'exchange.thread_exported',
      objectType: 'exchange_thread',
      objectId: id,
      details: { format: opts.format, messages: messages.length, omitted: content.omitted },
    });
  });
  return file;
}

// ——— participants ———

/** How many people and agencies a participant search answers with. */
const CANDIDATES_MAX = 20;

/**
 * The people (active accounts of the exchange's roles: prosecutors only in their channel) and
 * agencies whose names contain every word typed, accents and case aside; or the accounts named by
 * `ids`. Filtered here rather than in SQL so that "nunez" finds "Núñez" on both databases: the
 * exchange's users are the network's focal points, a few hundred.
 */
export async function searchParticipants(
  ctx: Ctx,
  body: z.infer<typeof participantSearchBodySchema>,
): Promise<ParticipantSearchResult> {
  const actor = await exchangeActor(ctx);
  const channel = body.channel ?? 'network';
  if (channel === 'prosecutors' && actor.role !== 'prosecutor') {
    await recordDenial(ctx, { action: 'exchange.participant_search', reason: 'prosecutors_channel' });
    throw forbidden();
  }
  const roles = channel === 'prosecutors' ? ['prosecutor'] : EXCHANGE_ROLES;
  const agencyName = (names: string | null, acronym: string | null) => {
    const parsed = names ? (JSON.parse(names) as Record<string, string>) : {};
    return parsed[ctx.locale] ?? acronym ?? '';
  };
  if (body.ids) {
    const rows = body.ids.length ? await exchangeUsers(ctx.db.kysely, roles, body.ids) : [];
    return {
      users: rows.map((u) => ({
        id: u.id,
        name: u.display_name,
        countryCode: u.country_code,
        role: u.role,
        agency: u.agency_id ? { id: u.agency_id, name: agencyName(u.agency_names, u.agency_acronym) } : null,
      })),
      agencies: [],
    };
  }
  const wanted = foldText(body.q ?? '')
    .split(/\s+/)
    .filter(Boolean);
  if (!wanted.length) return { users: [], agencies: [] };
  const matches = (...texts: (string | null)[]) => {
    const hay = foldText(texts.filter(Boolean).join(' '));
    return wanted.every((w) => hay.includes(w));
  };
  const named = (await exchangeUsers(ctx.db.kysely, roles)).filter(
    (u) => u.id !== actor.userId && matches(u.display_name),
  );
  // Only those who may be added: a liaison or prosecutor needs a current authorisation.
  const users: typeof named = [];
  for (const u of named) {
    if (users.length >= CANDIDATES_MAX) break;
    if (await mayExchange(ctx, { userId: u.id, role: u.role })) users.push(u);
  }
  const agencies = (await activeAgencies(ctx.db.kysely))
    .map((a) => ({ ...a, name: agencyName(a.names, a.acronym) }))
    // Found by its name in any language: an agency is known by its own country's name for it.
    .filter((a) => matches(...Object.values(JSON.parse(a.names) as Record<string, string>), a.acronym))
    .slice(0, CANDIDATES_MAX);
  return {
    users: users.map((u) => ({
      id: u.id,
      name: u.display_name,
      countryCode: u.country_code,
      role: u.role,
      agency: u.agency_id ? { id: u.agency_id, name: agencyName(u.agency_names, u.agency_acronym) } : null,
    })),
    agencies: agencies.map((a) => ({
      id: a.id,
      name: a.name,
      acronym: a.acronym,
      countryCode: a.country_code,
    })),
  };
}

// ——— deadlines (the `exchange.deadlines` job) ———

/** How long before a deadline its reminder goes: two hours for urgent threads, a day otherwise. */
const REMINDER_LEAD = { urgent: 2 * HOUR, normal: 24 * HOUR } as const;

/**
 * Reminds each participant country that has not replied, once before its thread's deadline and
 * once after it passed (the owner too, then). Broadcasts to the network have no one to remind.
 */
export async function remindDeadlines(deps: Deps): Promise<{ soon: number; late: number }> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const ctx: Ctx = { ...deps, actor: null, ip: null, locale: 'en' };
  let soon = 0;
  let late = 0;
  for (const thread of await threadsDueBefore(
    deps.db.kysely,
    new Date(now.getTime() + REMINDER_LEAD.normal).toISOString(),
  )) {
    const replyBy = thread.reply_by as string;
    const passed = replyBy <= at;
    if (
      !passed &&
      Date.parse(replyBy) - now.getTime() >
        (thread.priority === 'urgent' ? REMINDER_LEAD.urgent : REMINDER_LEAD.normal)
    )
      continue;
    await withTx(ctx, async (trx) => {
      const participants = await participantsOf(trx, thread.id);
      const roles = thread.channel === 'prosecutors' ? ['prosecutor'] : EXCHANGE_ROLES;
      const reached = (await usersReached(trx, participants, roles)).filter(
        (u) => u.country_code !== thread.owner_country,
      );
      const countries = [...new Set(reached.map((u) => u.country_code))];
      const receipts = await receiptsOf(trx, thread.id);
      const field = passed ? 'alerted_late_at' : 'alerted_soon_at';
      const owed = countries.filter((c) => {
        const r = receipts.find((x) => x.country_code === c);
        return !r?.replied_at && !r?.[field];
      });
      if (!owed.length) return;
      for (const c of owed) {
        await trx
          .insertInto('exchange_receipts')
          .values({ thread_id: thread.id, country_code: c })
          .onConflict((oc) => oc.columns(['thread_id', 'country_code']).doNothing())
          .execute();
        await trx
          .updateTable('exchange_receipts')
          .set({ [field]: at })
          .where('thread_id', '=', thread.id)
          .where('country_code', '=', c)
          .execute();
      }
      const users = reached.filter((u) => owed.includes(u.country_code)).map((u) => u.id);
      await notify(trx, deps, {
        userIds: passed ? [...users, thread.owner_id] : users,
        kind: passed ? 'exchange.deadline_passed' : 'exchange.deadline_soon',
        objectType: 'exchange_thread',
        objectId: thread.id,
        params: { reference: thread.reference, replyBy },
      });
      if (passed) late += owed.length;
      else soon += owed.length;
    });
  }
  return { soon, late };
}
