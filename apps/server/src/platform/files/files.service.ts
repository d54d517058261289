import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  FILE_KINDS,
  type FileLimits,
  type FileSummary,
  megabytes,
  STAGED_FILE_TTL_HOURS,
} from '@enlace/shared';
import { appendAudit } from '../audit/audit';
import { recordDenial, requireActor } from '../authz/access';
import { type Actor, type Ctx, type Deps, nowIso, type Tx, withTx } from '../context';
import { decryptField, encryptField } from '../crypto';
import { systemClock } from '../clock';
import { AppError, notFound } from '../errors';
import { kindRegistry } from '../registry';
import { storeFor } from './blob-store';
import {
  CHUNK_BYTES,
  DamagedFileError,
  newFileKey,
  openChunks,
  rechunk,
  sealChunk,
  unwrapFileKey,
  wrapFileKey,
} from './chunked-cipher';
import { cleanFileName, detectKind, SNIFF_BYTES, TextCheck } from './file-kinds';
import {
  attachStaged,
  claimUnattached,
  deleteFileRow,
  type FileRow,
  findAttached,
  findFile,
  findStagedBy,
  insertUploadingFile,
  markStaged,
} from './files.repository';

/**
 * The files room: upload (size limit, type from content), encrypted storage, and downloads that
 * re-check access every time and are audited. A capability attaches staged files to its objects
 * (`attachFiles`, in its own transaction) and says who may read them (`registerFileOwner`).
 */

/** May the actor of `ctx` read the object `ownerId` (and so the files attached to it)? */
export type FileOwnerResolver = (ctx: Ctx, ownerId: string) => Promise<boolean>;

const owners = kindRegistry<FileOwnerResolver>('file owner type');

/** Registers who may read files attached to objects of `ownerType` (once per type, at start-up). */
export function registerFileOwner(ownerType: string, resolver: FileOwnerResolver): void {
  owners.register(ownerType, resolver);
}

const NAME_PURPOSE = 'files.name';

function summary(deps: Deps, row: FileRow): FileSummary {
  return {
    id: row.id,
    name: decryptField(deps.config.secretKey, row.name_enc, NAME_PURPOSE),
    size: Number(row.size_bytes),
    type: row.media_type,
    sha256: row.sha256 ?? '',
    createdAt: row.created_at,
  };
}

export interface Upload {
  filename: string;
  /** The file's bytes as they arrive; `truncated` once the size limit cut them (multipart). */
  stream: AsyncIterable<Buffer> & { truncated?: boolean; resume(): unknown };
}

/** What an upload must respect, for forms to state it before the user chooses a file. */
export function fileLimits(deps: Deps): FileLimits {
  return {
    maxBytes: deps.config.filesMaxBytes,
    extensions: FILE_KINDS.flatMap((k) => [...k.extensions]),
    stagedHours: STAGED_FILE_TTL_HOURS,
  };
}

/** Reads the first `limit` bytes of a stream; returns them with the iterator, to go on. */
async function readHead(
  it: AsyncIterator<Buffer>,
  limit: number,
): Promise<{ head: Buffer; rest: Buffer | null; done: boolean }> {
  const pieces: Buffer[] = [];
  let bytes = 0;
  while (bytes < limit) {
    const next = await it.next();
    if (next.done) return { head: Buffer.concat(pieces), rest: null, done: true };
    pieces.push(next.value);
    bytes += next.value.length;
  }
  const all = Buffer.concat(pieces);
  return { head: all.subarray(0, limit), rest: all.subarray(limit), done: false };
}

/**
 * Stores an uploaded file, staged by its uploader. The type is decided from the content before
 * anything is written; the file is then encrypted chunk by chunk as it arrives. A refusal at any
 * point (type, size, text that is not UTF-8, a connection cut) leaves no row and no blob.
 */
export async function uploadFile(ctx: Ctx, upload: Upload): Promise<FileSummary> {
  const actor = requireActor(ctx);
  const max = ctx.config.filesMaxBytes;
  const tooLarge = () => new AppError(413, 'file_too_large', { max: megabytes(max) });
  const name = cleanFileName(upload.filename);
  const it = upload.stream[Symbol.asyncIterator]();
  let kind: Awaited<ReturnType<typeof detectKind>>;
  let first: Awaited<ReturnType<typeof readHead>>;
  try {
    first = await readHead(it, SNIFF_BYTES);
    if (upload.stream.truncated) throw tooLarge();
    if (first.head.length === 0) throw new AppError(400, 'file_empty');
    kind = await detectKind(first.head, name);
  } catch (err) {
    // The rest of the request is read and dropped, so that the refusal is answered at once.
    upload.stream.resume();
    throw err;
  }

  const id = randomUUID();
  const store = storeFor(ctx, ctx.config.filesStore);
  const key = newFileKey();
  await insertUploadingFile(ctx.db.kysely, {
    id,
    status: 'uploading',
    store: ctx.config.filesStore,
    uploaded_by: actor.userId,
    country_code: actor.countryCode,
    name_enc: encryptField(ctx.config.secretKey, name, NAME_PURPOSE),
    media_type: kind.mediaType,
    key_enc: wrapFileKey(ctx.config.secretKey, id, key),
    size_bytes: 0,
    chunk_bytes: CHUNK_BYTES,
    chunk_count: 0,
    created_at: nowIso(ctx),
  });

  const hash = createHash('sha256');
  const text = 'text' in kind ? new TextCheck() : null;
  let size = 0;
  let chunks = 0;
  async function* plaintext(): AsyncGenerator<Buffer> {
    const pieces = first.rest ? [first.head, first.rest] : [first.head];
    for (;;) {
      for (const piece of pieces) {
        size += piece.length;
        if (size > max || upload.stream.truncated) throw tooLarge();
        hash.update(piece);
        text?.update(piece);
        yield piece;
      }
      if (first.done) break;
      const next = await it.next();
      if (next.done) break;
      pieces.length = 0;
      pieces.push(next.value);
    }
    if (upload.stream.truncated) throw tooLarge();
    text?.end();
  }
  async function* sealed(): AsyncGenerator<Buffer> {
    for await (const { data, final } of rechunk(plaintext())) {
      yield sealChunk(key, id, chunks, final, data);
      chunks++;
    }
  }
  try {
    await store.write(id, sealed());
    const sha256 = hash.digest('hex');
    await withTx(ctx, async (trx, audit) => {
      await markStaged(trx, id, { size, sha256, chunks });
      await audit({
        action: 'file.uploaded',
        objectType: 'file',
        objectId: id,
        details: { size, mediaType: kind.mediaType },
      });
    });
  } catch (err) {
    upload.stream.resume();
    // Best effort, and the refusal is what the user is told: a row left 'uploading' (the store or
    // the database failing here too) is removed with its blob by the next purge.
    await store
      .remove(id)
      .then(() => deleteFileRow(ctx.db.kysely, id))
      .catch(() => undefined);
    throw err;
  }
  const row = await findFile(ctx.db.kysely, id);
  if (!row) throw notFound();
  return summary(ctx, row);
}

/**
 * Attaches files the actor staged to a capability's object, inside that capability's own
 * transaction (they commit or roll back with the object). Refuses, changing nothing, when any of
 * them is not a file this actor staged (someone else's, already attached, or purged): 400
 * `files_not_available`; with `images`, any that is not an image: 400 `files_not_image`. Returns
 * the ids attached; `at` is the capability's "now" (its clock).
 */
export async function attachFiles(
  trx: Tx,
  actor: Actor,
  fileIds: readonly string[],
  owner: { ownerType: string; ownerId: string; at?: string; images?: boolean },
): Promise<string[]> {
  if (!owners.has(owner.ownerType)) throw new Error(`file owner type not registered: ${owner.ownerType}`);
  const ids = [...new Set(fileIds)];
  if (ids.length === 0) return [];
  const refused = () => new AppError(400, 'files_not_available', { count: ids.length });
  const staged = await findStagedBy(trx, actor.userId, ids);
  if (staged.length !== ids.length) throw refused();
  // A photo must be one: a PDF or a spreadsheet is refused, changing nothing.
  if (owner.images && staged.some((f) => !f.media_type.startsWith('image/')))
    throw new AppError(400, 'files_not_image', { count: ids.length });
  const at = owner.at ?? systemClock.now().toISOString();
  const attached = await attachStaged(trx, actor.userId, ids, { ...owner, at });
  // Another request attached one of them between the read and the write.
  if (attached !== ids.length) throw refused();
  return ids;
}

/** The files attached to some objects of a type, by object id (for the capability's responses). */
export async function listAttachedFiles(
  deps: Deps,
  ownerType: string,
  ownerIds: readonly string[],
): Promise<Map<string, FileSummary[]>> {
  const byOwner = new Map<string, FileSummary[]>();
  if (ownerIds.length === 0) return byOwner;
  for (const row of await findAttached(deps.db.kysely, ownerType, [...new Set(ownerIds)])) {
    const list = byOwner.get(row.owner_id as string) ?? [];
    list.push(summary(deps, row));
    byOwner.set(row.owner_id as string, list);
  }
  return byOwner;
}

async function mayDownload(ctx: Ctx, actor: Actor, row: FileRow): Promise<boolean> {
  if (row.status === 'staged') return row.uploaded_by === actor.userId;
  if (row.status !== 'attached' || !row.owner_type || !row.owner_id) return false;
  const resolver = owners.get(row.owner_type);
  if (!resolver) return false;
  try {
    return (await resolver(ctx, row.owner_id)) === true;
  } catch (err) {
    // A resolver that refuses by throwing (a capability's own 404) refuses all the same.
    if (err instanceof AppError && err.status < 500) return false;
    throw err;
  }
}

export interface Download {
  name: string;
  mediaType: string;
  size: number;
  body: Readable;
}

/**
 * A file for download, after access is checked again through its owner's resolver (a staged
 * file: its uploader only). Anyone else gets 404, the refusal audited. The first chunk is
 * decrypted before anything is sent, so a damaged file is refused with 500 (audited as a
 * failure); damage found further on ends the response before its last bytes. Every download
 * is audited.
 */
export async function downloadFile(ctx: Ctx, id: string): Promise<Download> {
  const actor = requireActor(ctx);
  const row = await findFile(ctx.db.kysely, id);
  if (!row || !(await mayDownload(ctx, actor, row))) {
    await recordDenial(ctx, {
      action: 'file.download',
      objectType: 'file',
      objectId: id,
      reason: row ? 'owner' : 'not_found',
    });
    throw notFound();
  }
  const key = unwrapFileKey(ctx.config.secretKey, id, row.key_enc);
  const plain = openChunks(
    key,
    id,
    { chunks: row.chunk_count, sha256: row.sha256 ?? '' },
    storeFor(ctx, row.store).read(id),
  );
  let head: IteratorResult<Buffer>;
  try {
    head = await plain.next();
  } catch (err) {
    await withTx(ctx, (_trx, audit) =>
      audit({
        action: 'file.downloaded',
        objectType: 'file',
        objectId: id,
        outcome: 'failure',
        details: { reason: err instanceof DamagedFileError ? 'damaged' : 'unreadable' },
      }),
    );
    throw new AppError(500, 'file_damaged');
  }
  await withTx(ctx, (_trx, audit) =>
    audit({
      action: 'file.downloaded',
      objectType: 'file',
      objectId: id,
      details: { size: Number(row.size_bytes) },
    }),
  );
  async function* body(): AsyncGenerator<Buffer> {
    if (!head.done) yield head.value;
    yield* plain;
  }
  return {
    name: decryptField(ctx.config.secretKey, row.name_enc, NAME_PURPOSE),
    mediaType: row.media_type,
    size: Number(row.size_bytes),
    body: Readable.from(body(), { objectMode: false }),
  };
}

/** How many files one purge removes at most (the job runs again). */
const PURGE_BATCH = 500;

/**
 * Removes the files never attached within 24 hours of their upload (and uploads cut short): the
 * blob, then the row. Meant to run as a scheduled job; returns how many it removed. A file
 * attached meanwhile is kept; a removal interrupted is finished by the next run.
 */
export async function purgeStagedFiles(deps: Deps, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - STAGED_FILE_TTL_HOURS * 3600_000).toISOString();
  const claimed = await claimUnattached(deps.db.kysely, cutoff, PURGE_BATCH);
  for (const row of claimed) {
    await storeFor(deps, row.store).remove(row.id);
    await deleteFileRow(deps.db.kysely, row.id);
  }
  if (claimed.length > 0) {
    await deps.db.kysely.transaction().execute((trx) =>
      appendAudit(trx, deps.db.dialect, {
        actorId: null,
        actorCountry: null,
        action: 'files.purged',
        details: { count: claimed.length },
        occurredAt: now.toISOString(),
      }),
    );
  }
  return claimed.length;
}
