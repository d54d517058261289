import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { FilesTable } from '../../db/schema/files';

type Q = Kysely<Database>;
export type FileRow = FilesTable;

export async function insertUploadingFile(db: Q, row: Insertable<FilesTable>): Promise<void> {
  await db.insertInto('files').values(row).execute();
}

/** An upload that has written all its chunks becomes staged, for its uploader to attach. */
export async function markStaged(
  db: Q,
  id: string,
  done: { size: number; sha256: string; chunks: number },
): Promise<void> {
  await db
    .updateTable('files')
    .set({ status: 'staged', size_bytes: done.size, sha256: done.sha256, chunk_count: done.chunks })
    .where('id', '=', id)
    .where('status', '=', 'uploading')
    .execute();
}

export async function deleteFileRow(db: Q, id: string): Promise<void> {
  await db.deleteFrom('files').where('id', '=', id).execute();
}

export function findFile(db: Q, id: string): Promise<FileRow | undefined> {
  return db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The staged files among `ids` that `userId` uploaded. */
export function findStagedBy(db: Q, userId: string, ids: readonly string[]): Promise<FileRow[]> {
  return db
    .selectFrom('files')
    .selectAll()
    .where('id', 'in', ids)
    .where('status', '=', 'staged')
    .where('uploaded_by', '=', userId)
    .execute();
}

/** Attaches staged files to an object; the count tells whether another call took one first. */
export async function attachStaged(
  db: Q,
  userId: string,
  ids: readonly string[],
  owner: { ownerType: string; ownerId: string; at: string },
): Promise<number> {
  const result = await db
    .updateTable('files')
    .set({ status: 'attached', owner_type: owner.ownerType, owner_id: owner.ownerId, attached_at: owner.at })
    .where('id', 'in', ids)
    .where('status', '=', 'staged')
    .where('uploaded_by', '=', userId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function findAttached(db: Q, ownerType: string, ownerIds: readonly string[]): Promise<FileRow[]> {
  return db
    .selectFrom('files')
    .selectAll()
    .where('owner_type', '=', ownerType)
    .where('owner_id', 'in', ownerIds)
    .where('status', '=', 'attached')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/**
 * Claims for removal the files never attached that were made before `cutoff` (staged, or an
 * upload cut short), and those a previous purge claimed but did not finish. A file attached
 * meanwhile is not claimed.
 */
export async function claimUnattached(db: Q, cutoff: string, limit: number): Promise<FileRow[]> {
  const candidates = await db
    .selectFrom('files')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', 'in', ['staged', 'uploading']), eb('created_at', '<', cutoff)]),
        eb('status', '=', 'purging'),
      ]),
    )
    .orderBy('created_at')
    .limit(limit)
    .execute();
  if (candidates.length === 0) return [];
  await db
    .updateTable('files')
    .set({ status: 'purging' })
    .where(
      'id',
      'in',
      candidates.map((c) => c.id),
    )
    .where('status', 'in', ['staged', 'uploading'])
    .execute();
  return db
    .selectFrom('files')
    .selectAll()
    .where(
      'id',
      'in',
      candidates.map((c) => c.id),
    )
    .where('status', '=', 'purging')
    .execute();
}

// The `db` store's chunks.

export async function insertChunks(db: Q, fileId: string, firstSeq: number, chunks: Buffer[]): Promise<void> {
  if (chunks.length === 0) return;
  await db
    .insertInto('file_chunks')
    .values(chunks.map((data, i) => ({ file_id: fileId, seq: firstSeq + i, data })))
    .execute();
}

export async function readChunks(db: Q, fileId: string, fromSeq: number, limit: number): Promise<Buffer[]> {
  const rows = await db
    .selectFrom('file_chunks')
    .select('data')
    .where('file_id', '=', fileId)
    .where('seq', '>=', fromSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((r) => Buffer.from(r.data));
}

export async function deleteChunks(db: Q, fileId: string): Promise<void> {
  await db.deleteFrom('file_chunks').where('file_id', '=', fileId).execute();
}
