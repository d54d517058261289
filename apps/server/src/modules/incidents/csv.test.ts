import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv } from './csv';

const SAMPLE = resolve(
  import.meta.dirname,
  '../../../../..',
  '../shared/data/missing-migrants/MissingMigrants-Global-2026-05-06.csv',
);

describe('parseCsv', () => {
  it('reads the real Missing Migrants file exactly as csv-parse does', () => {
    const text = readFileSync(SAMPLE, 'utf8');
    expect(parseCsv(text)).toEqual(
      parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true }),
    );
  });

  it('handles quotes, doubled quotes, separators and line breaks inside quotes, CRLF and a BOM', () => {
    expect(parseCsv('\uFEFFa,"b,1","c ""x""\nd"\r\n\r\n,,\n"",e')).toEqual([
      ['a', 'b,1', 'c "x"\nd'],
      ['', '', ''],
      ['', 'e'],
    ]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('a,b\n')).toEqual([['a', 'b']]);
    expect(parseCsv('a,')).toEqual([['a', '']]);
  });

  it('names the line of an unclosed or misplaced quote', () => {
    expect(() => parseCsv('a,b\n"c,d\ne,f')).toThrow(CsvError);
    try {
      parseCsv('a,b\nc,d\n"e"x,f');
    } catch (err) {
      expect((err as CsvError).line).toBe(3);
    }
  });

  it('reads back whatever csv-stringify writes', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'é', ',', '"', '\n', '\r\n', ' ', '1') });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const width = rows[0]?.length ?? 2;
          const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? 'x'));
          expect(parseCsv(stringify(table))).toEqual(table.filter((r) => !(r.length === 1 && r[0] === '')));
        },
      ),
    );
  });
});
