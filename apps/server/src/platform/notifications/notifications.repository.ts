import { TOTAL_CAP } from '@enlace/shared';
import type { Kysely } from 'kysely';
import { countUpTo } from '../../db/order';
import type { Database } from '../../db/schema';
import type { NotificationsTable } from '../../db/schema/platform';

type Db = Kysely<Database>;

export async function insertNotifications(db: Db, rows: NotificationsTable[]): Promise<void> {
  if (rows.length) await db.insertInto('notifications').values(rows).execute();
}

/** Who among these users may receive notices (active accounts), and whether they want e-mail. */
export function recipientsAmong(db: Db, userIds: readonly string[]) {
  return db
    .selectFrom('users')
    .select(['id', 'email_notifications'])
    .where('id', 'in', userIds)
    .where('status', '=', 'active')
    .execute();
}

/** The active users of a country who hold a role (the country's administrators, say). */
export async function activeUsersWithRole(db: Db, countryCode: string, role: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('country_code', '=', countryCode)
    .where('role', '=', role)
    .where('status', '=', 'active')
    .execute();
  return rows.map((r) => r.id);
}

export async function pageOfNotifications(
  db: Db,
  userId: string,
  opts: { unreadOnly: boolean; dir: 'asc' | 'desc'; limit: number; offset: number },
) {
  let q = db.selectFrom('notifications').where('user_id', '=', userId);
  if (opts.unreadOnly) q = q.where('read_at', 'is', null);
  const [items, total] = await Promise.all([
    q
      .selectAll()
      .orderBy('created_at', opts.dir)
      .orderBy('id', opts.dir)
      .limit(opts.limit)
      .offset(opts.offset)
      .execute(),
    countUpTo(db, q, TOTAL_CAP),
  ]);
  return { items, total };
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Marks one of the user's notifications read; false when the user has no such notification. */
export async function markRead(db: Db, userId: string, id: string, at: string): Promise<boolean> {
  const found = await db
    .selectFrom('notifications')
    .select('read_at')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!found) return false;
  if (!found.read_at) {
    await db.updateTable('notifications').set({ read_at: at }).where('id', '=', id).execute();
  }
  return true;
}

export async function markAllRead(db: Db, userId: string, at: string): Promise<number> {
  const res = await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** The users with notifications waiting for their e-mail, with how many and where to write. */
export function pendingEmails(db: Db, limit: number) {
  return db
    .selectFrom('notifications as n')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .select(['u.id as userId', 'u.email', 'u.locale', 'u.status', 'u.email_notifications'])
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('n.email_state', '=', 'pending')
    .groupBy(['u.id', 'u.email', 'u.locale', 'u.status', 'u.email_notifications'])
    .orderBy('u.id')
    .limit(limit)
    .execute();
}

/** Settles the e-mail of the user's notifications made up to `cutoff` (later ones wait for the next run). */
export async function settleEmails(
  db: Db,
  userId: string,
  cutoff: string,
  state: 'sent' | 'none',
): Promise<number> {
  const res = await db
    .updateTable('notifications')
    .set({ email_state: state })
    .where('user_id', '=', userId)
    .where('email_state', '=', 'pending')
    .where('created_at', '<=', cutoff)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function emailPreference(db: Db, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('email_notifications')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.email_notifications === 1;
}

export async function setEmailPreference(db: Db, userId: string, on: boolean, at: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ email_notifications: on ? 1 : 0, updated_at: at })
    .where('id', '=', userId)
    .execute();
}
