import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { decryptField, encryptField } from '../crypto';

/**
 * A file is encrypted in chunks so that it is streamed both ways without being held in memory:
 * AES-256-GCM under a random key of its own, each chunk with a fresh nonce and its own tag, and
 * the file's id, the chunk's index and whether it is the last bound as associated data. A chunk
 * altered, moved, taken from another file, dropped from the end or added after the last does not
 * decrypt. The file's key is kept wrapped (AES-256-GCM) by the deployment's files key, which is
 * derived from the secret key (HKDF, its own label) and never used for anything else.
 */
export const CHUNK_BYTES = 64 * 1024;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** What a sealed chunk adds to its plaintext. */
export const CHUNK_OVERHEAD = NONCE_BYTES + TAG_BYTES;

export class DamagedFileError extends Error {
  constructor(reason: string) {
    super(`file damaged: ${reason}`);
  }
}

const wrapKeys = new WeakMap<Buffer, Buffer>();
/** The deployment's key-wrapping key for files. */
export function filesWrapKey(secret: Buffer): Buffer {
  let key = wrapKeys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'enlace/files/key-wrap/v1', 32));
    wrapKeys.set(secret, key);
  }
  return key;
}

export function newFileKey(): Buffer {
  return randomBytes(32);
}

/** The file's key wrapped for its row; bound to the file's id. */
export function wrapFileKey(secret: Buffer, fileId: string, key: Buffer): string {
  return encryptField(filesWrapKey(secret), key.toString('base64'), `files.key:${fileId}`);
}

export function unwrapFileKey(secret: Buffer, fileId: string, wrapped: string): Buffer {
  return Buffer.from(decryptField(filesWrapKey(secret), wrapped, `files.key:${fileId}`), 'base64');
}

function chunkAad(fileId: string, index: number, final: boolean): Buffer {
  return Buffer.from(`enlace/files/v1|${fileId}|${index}|${final ? 1 : 0}`);
}

/** nonce ‖ ciphertext ‖ tag */
export function sealChunk(key: Buffer, fileId: string, index: number, final: boolean, plain: Buffer): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(chunkAad(fileId, index, final));
  return Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

export function openChunk(
  key: Buffer,
  fileId: string,
  index: number,
  final: boolean,
  sealed: Buffer,
): Buffer {
  if (sealed.length < CHUNK_OVERHEAD) throw new DamagedFileError(`chunk ${index} too short`);
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, NONCE_BYTES));
  decipher.setAAD(chunkAad(fileId, index, final));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw new DamagedFileError(`chunk ${index} does not authenticate`);
  }
}

/**
 * Cuts a stream of bytes into pieces of exactly `size` bytes (the last one shorter), each marked
 * final or not: a piece is given out once it is known whether more follows. An empty stream gives
 * one empty final piece, so that even an empty file has a chunk whose loss is detected.
 */
export async function* rechunk(
  source: AsyncIterable<Buffer>,
  size = CHUNK_BYTES,
): AsyncGenerator<{ data: Buffer; final: boolean }> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let full: Buffer | null = null;
  for await (const piece of source) {
    let rest = piece;
    while (rest.length > 0) {
      const take = Math.min(size - pendingBytes, rest.length);
      pending.push(rest.subarray(0, take));
      pendingBytes += take;
      rest = rest.subarray(take);
      if (pendingBytes === size) {
        if (full) yield { data: full, final: false };
        full = Buffer.concat(pending);
        pending = [];
        pendingBytes = 0;
      }
    }
  }
  if (pendingBytes > 0 || !full) {
    if (full) yield { data: full, final: false };
    yield { data: Buffer.concat(pending), final: true };
  } else {
    yield { data: full, final: true };
  }
}

/**
 * The plaintext of a file from its sealed chunks, in order. Each chunk is given out only after
 * the next one has authenticated, and the last only once the whole file's SHA-256 matches the one
 * recorded: a file that fails anywhere never reaches its end. Throws DamagedFileError.
 */
export async function* openChunks(
  key: Buffer,
  fileId: string,
  expected: { chunks: number; sha256: string },
  sealed: AsyncIterable<Buffer>,
): AsyncGenerator<Buffer> {
  const hash = createHash('sha256');
  let index = 0;
  let held: Buffer | null = null;
  for await (const chunk of sealed) {
    if (index >= expected.chunks) throw new DamagedFileError('more chunks than recorded');
    const plain = openChunk(key, fileId, index, index === expected.chunks - 1, chunk);
    hash.update(plain);
    if (held) yield held;
    held = plain;
    index++;
  }
  if (index !== expected.chunks || !held) throw new DamagedFileError('fewer chunks than recorded');
  if (hash.digest('hex') !== expected.sha256) throw new DamagedFileError('SHA-256 differs');
  yield held;
}
