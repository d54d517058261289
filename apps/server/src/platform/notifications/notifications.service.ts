import {
  type NotificationKind,
  type NotificationList,
  type NotificationParams,
  notificationParamsSchema,
  type notificationListQuerySchema,
} from '@enlace/shared';
import type { z } from 'zod';
import { requireActor } from '../authz/access';
import { type Ctx, type Deps, nowIso, type Tx } from '../context';
import { notFound } from '../errors';
import { uuidv7 } from '../ids';
import { noticeMail, type SendMail } from './mailer';
import {
  countUnread,
  emailPreference,
  insertNotifications,
  markAllRead,
  markRead,
  pageOfNotifications,
  pendingEmails,
  recipientsAmong,
  setEmailPreference,
  settleEmails,
} from './notifications.repository';

export interface NoticeInput {
  /** Who is told (inactive accounts are skipped). */
  userIds: readonly string[];
  kind: NotificationKind;
  objectType?: string;
  objectId?: string;
  /** References, counts, dates for the words; never personal data or content. */
  params?: NotificationParams;
}

/**
 * Tells users something waits for them, inside the caller's transaction: the notice exists if and
 * only if the change that caused it was committed. An e-mail (without content) is queued for those
 * who want one when the deployment sends e-mail; the `notifications.email` job sends it.
 */
export async function notify(trx: Tx, deps: Deps, input: NoticeInput): Promise<number> {
  const ids = [...new Set(input.userIds)];
  if (!ids.length) return 0;
  const params = notificationParamsSchema.parse(input.params ?? {});
  const recipients = await recipientsAmong(trx, ids);
  const at = nowIso(deps);
  await insertNotifications(
    trx,
    recipients.map((r) => ({
      id: uuidv7(),
      user_id: r.id,
      kind: input.kind,
      object_type: input.objectType ?? null,
      object_id: input.objectId ?? null,
      params: JSON.stringify(params),
      created_at: at,
      read_at: null,
      email_state: deps.config.mail && r.email_notifications === 1 ? 'pending' : 'none',
    })),
  );
  return recipients.length;
}

export async function listNotifications(
  ctx: Ctx,
  query: z.infer<typeof notificationListQuerySchema>,
): Promise<NotificationList> {
  const actor = requireActor(ctx);
  const db = ctx.db.kysely;
  const [{ items, total }, unread] = await Promise.all([
    pageOfNotifications(db, actor.userId, {
      unreadOnly: query.unread === '1',
      dir: query.dir,
      limit: query.limit,
      offset: query.offset,
    }),
    countUnread(db, actor.userId),
  ]);
  return {
    total: Math.min(total, 10_000),
    totalCapped: total > 10_000,
    unread,
    items: items.map((n) => ({
      id: n.id,
      kind: n.kind as NotificationKind,
      objectType: n.object_type,
      objectId: n.object_id,
      params: JSON.parse(n.params) as NotificationParams,
      createdAt: n.created_at,
      readAt: n.read_at,
    })),
  };
}

export async function unreadCount(ctx: Ctx): Promise<{ unread: number }> {
  const actor = requireActor(ctx);
  return { unread: await countUnread(ctx.db.kysely, actor.userId) };
}

/** Marks one of the actor's notifications read; another user's answers 404. */
export async function readNotification(ctx: Ctx, id: string): Promise<void> {
  const actor = requireActor(ctx);
  if (!(await markRead(ctx.db.kysely, actor.userId, id, nowIso(ctx)))) throw notFound();
}

export async function readAllNotifications(ctx: Ctx): Promise<{ updated: number }> {
  const actor = requireActor(ctx);
  return { updated: await markAllRead(ctx.db.kysely, actor.userId, nowIso(ctx)) };
}

export async function getNotificationPreferences(
  ctx: Ctx,
): Promise<{ email: boolean; emailAvailable: boolean }> {
  const actor = requireActor(ctx);
  return {
    email: await emailPreference(ctx.db.kysely, actor.userId),
    emailAvailable: ctx.config.mail !== null,
  };
}

export async function setNotificationPreferences(
  ctx: Ctx,
  body: { email: boolean },
): Promise<{ email: boolean; emailAvailable: boolean }> {
  const actor = requireActor(ctx);
  await setEmailPreference(ctx.db.kysely, actor.userId, body.email, nowIso(ctx));
  return getNotificationPreferences(ctx);
}

/**
 * The `notifications.email` job: one content-free e-mail per user with notices waiting, in their
 * language. A user who turned e-mail off or whose account was disabled since gets none. A failed
 * send stays pending for the next run (the job is safe to repeat: at worst one more e-mail).
 */
export async function sendPendingEmails(deps: Deps, send: SendMail | null): Promise<Record<string, number>> {
  const db = deps.db.kysely;
  const cutoff = nowIso(deps);
  let sent = 0;
  let skipped = 0;
  let failed = 0;
  for (const row of await pendingEmails(db, 500)) {
    if (!send || row.status !== 'active' || row.email_notifications !== 1) {
      skipped += await settleEmails(db, row.userId, cutoff, 'none');
      continue;
    }
    try {
      await send(noticeMail(deps.config, row.email, row.locale, Number(row.count)));
      await settleEmails(db, row.userId, cutoff, 'sent');
      sent++;
    } catch {
      failed++;
    }
  }
  return { sent, skipped, failed };
}
