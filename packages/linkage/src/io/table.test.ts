import { describe, expect, it } from 'vitest';
import { cell, parseCsv } from './csv';
import { LinkageInputError, mappedColumns, parseMapArguments, tableFromCsv } from './table';

const febrl = parseCsv(
  'rec_id, given_name, surname, date_of_birth, soc_sec_id, suburb\nrec-1-org, ana, lopez, 19900517, 123, miami\n',
);

describe('tableFromCsv', () => {
  it('maps FEBRL columns with the preset', () => {
    const table = tableFromCsv(febrl, { preset: 'febrl' }, 'f.csv');
    expect(table.ids).toEqual(['rec-1-org']);
    const col = table.columns.family_names;
    expect(col && cell(col, 0)).toBe('lopez');
    expect(Object.keys(table.columns).sort()).toEqual(
      ['birth_date', 'city', 'document_number', 'family_names', 'given_names'].sort(),
    );
  });

  it('maps columns named like canonical fields without a preset, and joins several columns into one', () => {
    const csv = parseCsv('id,first,middle,family_names\nx,Ana,Sofía,García\n');
    const table = tableFromCsv(
      csv,
      { idColumn: 'id', map: { first: 'given_names', middle: 'given_names' } },
      'a.csv',
    );
    const given = table.columns.given_names;
    expect(given && cell(given, 0)).toBe('Ana Sofía');
    expect(table.columns.family_names && cell(table.columns.family_names, 0)).toBe('García');
  });

  it('fails clearly on a missing id column, an unknown field, an unknown column or preset, duplicate ids', () => {
    expect(() => tableFromCsv(febrl, { preset: 'febrl', idColumn: 'id' }, 'f.csv')).toThrow(
      /no id column "id"/,
    );
    expect(() => tableFromCsv(febrl, { map: { surname: 'apellido' } }, 'f.csv')).toThrow(
      /Unknown field "apellido"/,
    );
    expect(() => tableFromCsv(febrl, { map: { nope: 'sex' } }, 'f.csv')).toThrow(/column "nope"/);
    expect(() => tableFromCsv(febrl, { preset: 'splink' }, 'f.csv')).toThrow(/Unknown preset/);
    expect(() => tableFromCsv(parseCsv('rec_id,sex\n1,M\n1,F\n'), {}, 'd.csv')).toThrow(/more than once/);
    expect(() => tableFromCsv(parseCsv('rec_id,other\n1,M\n'), {}, 'd.csv')).toThrow(LinkageInputError);
  });

  it('parses --map arguments', () => {
    expect(parseMapArguments(['apellido=family_names', 'fecha = birth_date'])).toEqual({
      apellido: 'family_names',
      fecha: 'birth_date',
    });
    expect(() => parseMapArguments(['file.csv'])).toThrow(/column=field/);
  });

  it('selects only the columns a mapping reads', () => {
    expect(mappedColumns(['rec_id', 'given_name', 'person_id', 'sex'], { preset: 'febrl' })).toEqual([
      true,
      true,
      false,
      true,
    ]);
  });
});
