import { describe, expect, it } from 'vitest';
import { type BulkColumn, encodeCopyBinary } from './bulk';

const COLUMNS: BulkColumn[] = [
  { name: 'k', type: 'text' },
  { name: 'n', type: 'integer' },
  { name: 'big', type: 'bigint' },
  { name: 'x', type: 'double precision' },
];

describe('binary COPY encoding', () => {
  it('writes the header, each field with its length (−1 for NULL) and the trailer', () => {
    const rows = [
      ['Panamá', -7, 2 ** 40, 1.5],
      [null, null, null, null],
    ];
    const out = Buffer.concat(encodeCopyBinary(COLUMNS, rows.length, (i) => rows[i] as unknown[]));
    expect(out.subarray(0, 11).toString('latin1')).toBe('PGCOPY\n\xff\r\n\0');
    let at = 19;
    expect(out.readInt16BE(at)).toBe(4);
    at += 2;
    expect(out.readInt32BE(at)).toBe(7); // UTF-8 bytes of "Panamá"
    expect(out.subarray(at + 4, at + 11).toString('utf8')).toBe('Panamá');
    at += 11;
    expect([out.readInt32BE(at), out.readInt32BE(at + 4)]).toEqual([4, -7]);
    at += 8;
    expect([out.readInt32BE(at), Number(out.readBigInt64BE(at + 4))]).toEqual([8, 2 ** 40]);
    at += 12;
    expect([out.readInt32BE(at), out.readDoubleBE(at + 4)]).toEqual([8, 1.5]);
    at += 12;
    expect(out.readInt16BE(at)).toBe(4);
    for (let k = 0; k < 4; k++) expect(out.readInt32BE(at + 2 + 4 * k)).toBe(-1);
    at += 18;
    expect(out.readInt16BE(at)).toBe(-1);
    expect(out.length).toBe(at + 2);
  });

  it('spans several buffers for large input without cutting a field', () => {
    const long = 'x'.repeat(3000);
    const chunks = encodeCopyBinary([{ name: 'k', type: 'text' }], 1000, () => [long]);
    expect(chunks.length).toBeGreaterThan(1);
    expect(Buffer.concat(chunks).length).toBe(19 + 1000 * (2 + 4 + 3000) + 2);
  });

  it('refuses a value that is not an integer in an integer column', () => {
    expect(() => encodeCopyBinary(COLUMNS, 1, () => ['k', 'nine', null, null])).toThrow(/not an integer/);
    expect(() => encodeCopyBinary(COLUMNS, 1, () => ['k', 1.5, null, null])).toThrow(/not an integer/);
  });
});
