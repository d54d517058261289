import { type Selectable, sql, type Updateable } from 'kysely';
import type { Database } from '../../db/schema';
import type { UsersTable } from '../../db/schema/users';
import type { Actor, Tx } from '../context';
import { scopeTo } from '../authz/access';

export type UserRow = Selectable<UsersTable>;
type Q = Tx | import('kysely').Kysely<Database>;

export function findUserByEmail(db: Q, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

/** The name of a user's own agency (for their profile; reading other agencies needs a permission). */
export function findAgencyLabel(db: Q, agencyId: string) {
  return db
    .selectFrom('agencies')
    .select(['id', 'names', 'acronym'])
    .where('id', '=', agencyId)
    .executeTakeFirst();
}

export function findUserById(db: Q, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface UserFilter {
  country?: string;
  /** Part of the name or of the email address, any case. */
  q?: string;
  limit: number;
  offset: number;
}

function usersMatching(db: Q, actor: Actor, filter: UserFilter) {
  let qb = scopeTo(db.selectFrom('users'), actor, 'users.country_code');
  if (filter.country) qb = qb.where('country_code', '=', filter.country);
  const q = filter.q?.trim().toLowerCase();
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    qb = qb.where((eb) =>
      eb.or([
        sql<boolean>`lower(display_name) LIKE ${pattern} ESCAPE '\\'`,
        sql<boolean>`lower(email) LIKE ${pattern} ESCAPE '\\'`,
      ]),
    );
  }
  return qb;
}

/** A page of the accounts the actor may see, by country then name, with how many match in all. */
export async function listUsersInScope(
  db: Q,
  actor: Actor,
  filter: UserFilter,
): Promise<{ rows: UserRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    usersMatching(db, actor, filter)
      .selectAll()
      .orderBy('country_code')
      .orderBy('display_name')
      .orderBy('id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    usersMatching(db, actor, filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}

export async function insertUser(db: Q, row: UserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function updateUser(db: Q, id: string, patch: Updateable<UsersTable>): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

export async function replaceRecoveryCodes(db: Q, userId: string, rows: { id: string; code_hash: string }[]) {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  if (rows.length) {
    await db
      .insertInto('recovery_codes')
      .values(rows.map((r) => ({ ...r, user_id: userId, used_at: null })))
      .execute();
  }
}

export async function countUnusedRecoveryCodes(db: Q, userId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Marks an unused recovery code as used; true when one was consumed. */
export async function consumeRecoveryCode(
  db: Q,
  userId: string,
  codeHash: string,
  at: string,
): Promise<boolean> {
  const res = await db
    .updateTable('recovery_codes')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * Accepts a TOTP time step once: only advances when the step is newer than the last one,
 * so two concurrent requests with the same code cannot both win.
 */
export async function advanceMfaStep(db: Q, userId: string, step: number): Promise<boolean> {
  const res = await db
    .updateTable('users')
    .set({ mfa_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('mfa_last_step', 'is', null), eb('mfa_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The demo accounts (made by the demo seed, marked is_demo), for the sign-in page in demo mode. */
export function listDemoAccounts(db: Q) {
  return db
    .selectFrom('users')
    .innerJoin('countries', 'countries.code', 'users.country_code')
    .select(['users.email', 'users.role', 'users.country_code', 'countries.names as country_names'])
    .where('users.is_demo', '=', 1)
    .where('users.status', '=', 'active')
    .orderBy('users.country_code')
    .orderBy('users.email')
    .execute();
}
