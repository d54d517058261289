import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { HandlingPermissionsTable } from '../../db/schema/platform';

type Q = Kysely<Database>;
export type PermissionRow = HandlingPermissionsTable;

/** What has been asked of an item's provider (any requester), as deciding needs it. */
export function permissionStatesOf(db: Q, itemType: string, itemId: string) {
  return db
    .selectFrom('handling_permissions')
    .select(['action', 'target', 'requested_by', 'status'])
    .where('item_type', '=', itemType)
    .where('item_id', '=', itemId)
    .execute();
}

export async function insertPermission(db: Q, row: PermissionRow): Promise<void> {
  await db.insertInto('handling_permissions').values(row).execute();
}

export function findPermission(db: Q, id: string): Promise<PermissionRow | undefined> {
  return db.selectFrom('handling_permissions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Decides a request still pending; false when another decision came first. */
export async function decidePending(
  db: Q,
  id: string,
  decision: { status: 'granted' | 'refused'; decided_at: string; note_enc: string | null },
): Promise<boolean> {
  const res = await db
    .updateTable('handling_permissions')
    .set(decision)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The requests a user must decide (incoming) or made (outgoing), newest first. */
export function permissionsOfUser(db: Q, userId: string, box: 'incoming' | 'outgoing', limit: number) {
  return db
    .selectFrom('handling_permissions')
    .selectAll()
    .where(box === 'incoming' ? 'decider_id' : 'requested_by', '=', userId)
    .orderBy('requested_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
