import { createReadStream } from 'node:fs';
import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { FilesStoreKind } from '../../config';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../../db/private-files';
import type { Deps } from '../context';
import { DamagedFileError } from './chunked-cipher';
import { deleteChunks, insertChunks, readChunks } from './files.repository';

/**
 * Where a file's sealed chunks are kept. Both stores hold only ciphertext (chunked-cipher.ts);
 * which one holds a file is recorded on its row, so a deployment that changes store still reads
 * the files it has.
 */
export interface BlobStore {
  /** Writes a new file's sealed chunks, in order; nothing is left behind when it fails. */
  write(fileId: string, sealed: AsyncIterable<Buffer>): Promise<void>;
  /** The sealed chunks, in order. */
  read(fileId: string): AsyncIterable<Buffer>;
  /** Removes a file's chunks (nothing happens when there are none). */
  remove(fileId: string): Promise<void>;
}

export function storeFor(deps: Deps, kind: FilesStoreKind | string): BlobStore {
  if (kind === 'folder') return folderStore(deps.config.filesDir);
  if (kind === 'db') return dbStore(deps);
  throw new Error(`unknown files store: ${kind}`);
}

async function writeAll(handle: FileHandle, buffer: Buffer): Promise<void> {
  let done = 0;
  while (done < buffer.length) {
    const { bytesWritten } = await handle.write(buffer, done, buffer.length - done);
    done += bytesWritten;
  }
}

/**
 * One file per upload in a private folder (0700, files 0600: db/private-files.ts), spread over
 * 256 sub-folders by the id's last two hex digits. Each sealed chunk is written with its length
 * (4 bytes, big-endian) in front. A file is written as `<id>.part`, flushed to disk, then renamed,
 * so a reader never sees half a file and an acknowledged upload survives a power cut.
 */
export function folderStore(root: string): BlobStore {
  const pathOf = (id: string) => {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error('not a file id');
    return join(root, id.slice(-2), id);
  };
  return {
    async write(fileId, sealed) {
      const path = pathOf(fileId);
      ensurePrivateDir(root);
      ensurePrivateDir(dirname(path));
      const part = `${path}.part`;
      const handle = await open(part, 'wx', PRIVATE_FILE_MODE);
      try {
        for await (const chunk of sealed) {
          const length = Buffer.alloc(4);
          length.writeUInt32BE(chunk.length);
          await writeAll(handle, Buffer.concat([length, chunk]));
        }
        await handle.sync();
      } catch (err) {
        await handle.close();
        await rm(part, { force: true });
        throw err;
      }
      await handle.close();
      await rename(part, path);
      const dir = await open(dirname(path), 'r');
      try {
        await dir.sync();
      } finally {
        await dir.close();
      }
    },
    async *read(fileId) {
      let buffered: Buffer = Buffer.alloc(0);
      for await (const piece of createReadStream(pathOf(fileId), { highWaterMark: 256 * 1024 })) {
        buffered = buffered.length ? Buffer.concat([buffered, piece as Buffer]) : (piece as Buffer);
        while (buffered.length >= 4) {
          const length = buffered.readUInt32BE(0);
          if (buffered.length < 4 + length) break;
          yield buffered.subarray(4, 4 + length);
          buffered = buffered.subarray(4 + length);
        }
      }
      if (buffered.length > 0) throw new DamagedFileError('the stored file ends inside a chunk');
    },
    async remove(fileId) {
      const path = pathOf(fileId);
      await rm(path, { force: true });
      await rm(`${path}.part`, { force: true });
    },
  };
}

/** Chunks per statement, both ways: about 1 MiB. */
const BATCH = 16;

/**
 * The sealed chunks in the database (`file_chunks`), for several servers sharing PostgreSQL:
 * every server reads every file, none keeps state of its own. Written in batches outside any
 * transaction (an upload is not one long transaction); the file's row says 'uploading' until
 * the last one is in, and a failed write removes what it wrote.
 */
export function dbStore(deps: Deps): BlobStore {
  const db = deps.db.kysely;
  return {
    async write(fileId, sealed) {
      let batch: Buffer[] = [];
      let seq = 0;
      try {
        for await (const chunk of sealed) {
          batch.push(chunk);
          if (batch.length === BATCH) {
            await insertChunks(db, fileId, seq, batch);
            seq += batch.length;
            batch = [];
          }
        }
        await insertChunks(db, fileId, seq, batch);
      } catch (err) {
        await deleteChunks(db, fileId);
        throw err;
      }
    },
    async *read(fileId) {
      for (let seq = 0; ; ) {
        const chunks = await readChunks(db, fileId, seq, BATCH);
        yield* chunks;
        if (chunks.length < BATCH) return;
        seq += chunks.length;
      }
    },
    async remove(fileId) {
      await deleteChunks(db, fileId);
    },
  };
}
