import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  DamagedFileError,
  newFileKey,
  openChunks,
  rechunk,
  sealChunk,
  unwrapFileKey,
  wrapFileKey,
} from './chunked-cipher';

const ID = '0b6c1f9e-8d7a-4c4e-9f0e-2a1b3c4d5e6f';

async function* from(pieces: Buffer[]) {
  yield* pieces;
}
async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

async function seal(key: Buffer, plain: Buffer, size = 1000) {
  const pieces = await collect(rechunk(from([plain.subarray(0, 333), plain.subarray(333)]), size));
  return pieces.map((p, i) => sealChunk(key, ID, i, p.final, p.data));
}
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('chunks', () => {
  it('cuts any stream into pieces of the chunk size, the last one marked, and an empty one into one empty piece', async () => {
    const pieces = await collect(rechunk(from([Buffer.alloc(5), Buffer.alloc(7), Buffer.alloc(3)]), 4));
    expect(pieces.map((p) => [p.data.length, p.final])).toEqual([
      [4, false],
      [4, false],
      [4, false],
      [3, true],
    ]);
    const exact = await collect(rechunk(from([Buffer.alloc(8)]), 4));
    expect(exact.map((p) => [p.data.length, p.final])).toEqual([
      [4, false],
      [4, true],
    ]);
    expect((await collect(rechunk(from([]), 4))).map((p) => [p.data.length, p.final])).toEqual([[0, true]]);
  });

  it('gives back the same bytes, and the sealed chunks do not contain them', async () => {
    const key = newFileKey();
    const plain = Buffer.from('Lancha interceptada frente a Puerto Barrios. '.repeat(100));
    const sealed = await seal(key, plain);
    expect(sealed).toHaveLength(5);
    expect(Buffer.concat(sealed).includes(plain.subarray(0, 40))).toBe(false);
    const back = await collect(
      openChunks(key, ID, { chunks: sealed.length, sha256: sha(plain) }, from(sealed)),
    );
    expect(Buffer.concat(back).equals(plain)).toBe(true);
  });

  it('refuses a file altered, cut short, reordered, extended, or read with the wrong key or id', async () => {
    const key = newFileKey();
    const plain = randomBytes(4500);
    const sealed = await seal(key, plain);
    const expected = { chunks: sealed.length, sha256: sha(plain) };
    const attempt = (
      chunks: Buffer[],
      opts: { key?: Buffer; id?: string; expected?: typeof expected } = {},
    ) => collect(openChunks(opts.key ?? key, opts.id ?? ID, opts.expected ?? expected, from(chunks)));
    const flipped = sealed.map((c) => Buffer.from(c));
    const third = flipped[2] as Buffer;
    third[40] = (third[40] as number) ^ 1;
    await expect(attempt(flipped)).rejects.toThrow(DamagedFileError);
    // Dropping the last chunk, even with a row that counts one chunk less: the new last one was
    // not sealed as the last.
    await expect(attempt(sealed.slice(0, -1))).rejects.toThrow(DamagedFileError);
    await expect(attempt(sealed.slice(0, -1), { expected: { ...expected, chunks: 4 } })).rejects.toThrow(
      DamagedFileError,
    );
    const swapped = [sealed[1], sealed[0], ...sealed.slice(2)] as Buffer[];
    await expect(attempt(swapped)).rejects.toThrow(DamagedFileError);
    await expect(attempt([...sealed, sealed[4] as Buffer])).rejects.toThrow(DamagedFileError);
    await expect(attempt(sealed, { key: newFileKey() })).rejects.toThrow(DamagedFileError);
    await expect(attempt(sealed, { id: '1b6c1f9e-8d7a-4c4e-9f0e-2a1b3c4d5e6f' })).rejects.toThrow(
      DamagedFileError,
    );
  });

  it('never gives out the last chunk of a file whose SHA-256 differs from the one recorded', async () => {
    const key = newFileKey();
    const plain = randomBytes(2500);
    const sealed = await seal(key, plain);
    const given: Buffer[] = [];
    await expect(
      (async () => {
        for await (const b of openChunks(
          key,
          ID,
          { chunks: 3, sha256: sha(Buffer.from('other')) },
          from(sealed),
        ))
          given.push(b);
      })(),
    ).rejects.toThrow(DamagedFileError);
    expect(Buffer.concat(given).length).toBe(2000);
  });

  it('wraps the file key under a key derived from the secret, bound to the file', () => {
    const secret = randomBytes(32);
    const key = newFileKey();
    const wrapped = wrapFileKey(secret, ID, key);
    expect(wrapped).not.toContain(key.toString('base64'));
    expect(unwrapFileKey(secret, ID, wrapped).equals(key)).toBe(true);
    expect(() => unwrapFileKey(secret, '1b6c1f9e-8d7a-4c4e-9f0e-2a1b3c4d5e6f', wrapped)).toThrow();
    expect(() => unwrapFileKey(randomBytes(32), ID, wrapped)).toThrow();
  });
});
