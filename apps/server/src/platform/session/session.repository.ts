import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema';
import type { SessionsTable } from '../../db/schema/sessions';
import type { Tx } from '../context';

export type SessionRow = Selectable<SessionsTable>;
type Q = Tx | Kysely<Database>;

/** What every request needs of the signed-in account, read with its session in one query. */
export interface SessionAccount {
  id: string;
  role: string;
  country_code: string;
  agency_id: string | null;
  status: string;
  locale: string;
}

export async function findLiveSessionWithAccount(
  db: Q,
  tokenHash: string,
): Promise<{ session: SessionRow; account: SessionAccount } | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('sessions')
    .select([
      'users.role as account_role',
      'users.country_code as account_country_code',
      'users.agency_id as account_agency_id',
      'users.status as account_status',
      'users.locale as account_locale',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const {
    account_role,
    account_country_code,
    account_agency_id,
    account_status,
    account_locale,
    ...session
  } = row;
  return {
    session,
    account: {
      id: session.user_id,
      role: account_role,
      country_code: account_country_code,
      agency_id: account_agency_id,
      status: account_status,
      locale: account_locale,
    },
  };
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
