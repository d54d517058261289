import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvError, cell, parseCsv, readCsvFile, writeCsvAtomic } from './csv';

const values = (text: string) => {
  const csv = parseCsv(text);
  return csv.columns.map((c) => Array.from({ length: csv.rows }, (_, r) => cell(c, r)));
};

describe('parseCsv', () => {
  it('reads quoted values with commas, doubled quotes and newlines', () => {
    const csv = parseCsv('id,name\n1,"García, José"\n2,"He said ""hola"""\n3,"two\nlines"\n');
    expect(csv.header).toEqual(['id', 'name']);
    expect(csv.rows).toBe(3);
    expect(values('id,name\n1,"García, José"\n2,"He said ""hola"""\n3,"two\nlines"\n')[1]).toEqual([
      'García, José',
      'He said "hola"',
      'two\nlines',
    ]);
  });

  it('trims spaces around unquoted values (FEBRL writes ", ") and accepts CRLF without a final newline', () => {
    expect(values('rec_id, given_name\r\nrec-1-org, mitchell\r\nrec-2-org, \r\nrec-3-org, ana')).toEqual([
      ['rec-1-org', 'rec-2-org', 'rec-3-org'],
      ['mitchell', '', 'ana'],
    ]);
  });

  it('drops a byte-order mark and blank lines, and fills short rows', () => {
    const csv = parseCsv('\ufeffid,a,b\n1,x\n\n2,y,z\n');
    expect(csv.header).toEqual(['id', 'a', 'b']);
    expect(values('\ufeffid,a,b\n1,x\n\n2,y,z\n')).toEqual([
      ['1', '2'],
      ['x', 'y'],
      ['', 'z'],
    ]);
  });

  it('rejects rows with more values than the header, and unterminated quotes', () => {
    expect(() => parseCsv('a,b\n1,2,3\n')).toThrow(CsvError);
    expect(() => parseCsv('a\n"open\n')).toThrow(/Unterminated/);
    expect(() => parseCsv('')).toThrow(/empty/);
  });

  it('reads files in chunks like text in memory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csv-'));
    const path = join(dir, 'big.csv');
    const lines = ['id,name'];
    for (let i = 0; i < 50_000; i++) lines.push(`${i},"Name, ${i % 97}"`);
    writeFileSync(path, `${lines.join('\n')}\n`);
    const csv = readCsvFile(path, { select: (header) => header.map((h) => h === 'name') });
    expect(csv.rows).toBe(50_000);
    const name = csv.columns[1];
    expect(name && cell(name, 49_999)).toBe(`Name, ${49_999 % 97}`);
    expect(csv.columns[0]?.codes.length).toBe(0);
  });
});

describe('writeCsvAtomic', () => {
  it('quotes what needs quoting and leaves no temporary file behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csv-'));
    const path = join(dir, 'out.csv');
    writeCsvAtomic(
      path,
      ['a', 'b'],
      [
        ['1', 'x, y'],
        ['2', 'say "hi"'],
      ],
    );
    expect(readFileSync(path, 'utf8')).toBe('a,b\n1,"x, y"\n2,"say ""hi"""\n');
  });
});
