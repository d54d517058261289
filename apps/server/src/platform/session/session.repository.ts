import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema';
import type { SessionsTable } from '../../db/schema/sessions';
import type { Tx } from '../context';

export type SessionRow = Selectable<SessionsTable>;
type Q = Tx | Kysely<Database>;

export function findLiveSessionByTokenHash(db: Q, tokenHash: string): Promise<SessionRow | undefined> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function insertSession(db: Q, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export async function touchSession(db: Q, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function updateSessionStage(
  db: Q,
  id: string,
  patch: { stage: string; token_hash: string; csrf_token: string },
) {
  await db.updateTable('sessions').set(patch).where('id', '=', id).execute();
}

export async function revokeSession(db: Q, id: string, at: string, reason: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: at, revoked_reason: reason })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Ends every live session of a user, but one (the current, on password change). */
export async function revokeUserSessions(
  db: Q,
  userId: string,
  at: string,
  reason: string,
  exceptId?: string,
) {
  let qb = db
    .updateTable('sessions')
    .set({ revoked_at: at, revoked_reason: reason })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (exceptId) qb = qb.where('id', '!=', exceptId);
  const res = await qb.executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export function listLiveSessions(db: Q, userId: string, now: string): Promise<SessionRow[]> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('absolute_expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .execute();
}

export function findThrottle(db: Q, key: string) {
  return db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function upsertThrottle(
  db: Q,
  row: { key: string; failures: number; locked_until: string | null; updated_at: string },
) {
  await db
    .insertInto('login_throttle')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({ failures: row.failures, locked_until: row.locked_until, updated_at: row.updated_at }),
    )
    .execute();
}

export async function clearThrottle(db: Q, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
