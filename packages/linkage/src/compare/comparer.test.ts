import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFeatures } from '../features';
import { packDate, parseDate } from '../normalize/dates';
import { type PersonRecord, tableFromRecords } from '../schema';
import {
  Comparer,
  compareDates,
  DATE_LEVELS,
  NAME_LEVELS,
  transliterationSkeleton,
  vowelSkeleton,
  withinOneEdit,
} from './comparer';

const d = (text: string) => packDate(parseDate(text));
const dateLevel = (a: string, b: string) => DATE_LEVELS[compareDates(d(a), d(b))] ?? 'missing';

/** Six records of each given name: enough for the comparer to hold each name a common one. */
const crowdOf = (...names: string[]): PersonRecord[] =>
  names.flatMap((name, n) => Array.from({ length: 6 }, (_, i) => ({ id: `c${n}-${i}`, given_names: name })));

describe('compareDates', () => {
  it('grades the ways a birth date goes wrong at a registration desk', () => {
    expect(dateLevel('1990-05-17', '1990-05-17')).toBe('exact');
    expect(dateLevel('1990-05-07', '1990-07-05')).toBe('day and month swapped');
    expect(dateLevel('1990-05-17', '1990-05-18')).toBe('one digit or one year off');
    expect(dateLevel('1990-05-17', '1991-05-17')).toBe('one digit or one year off');
    expect(dateLevel('1990-05-17', '1990')).toBe('consistent (year only, or 1 January default)');
    expect(dateLevel('1990-05-17', '1990-01-01')).toBe('consistent (year only, or 1 January default)');
    expect(dateLevel('1990-05-17', '1990-09-28')).toBe('same or adjacent year only');
    expect(dateLevel('1990-05-17', '1993-09-28')).toBe('two to five years apart');
    expect(dateLevel('1971-05-17', '1996-09-28')).toBe('more than five years apart');
    expect(compareDates(d('1990-05-17'), 0)).toBe(-1);
  });

  it('is symmetric', () => {
    const date = fc
      .record({
        y: fc.integer({ min: 1940, max: 2024 }),
        m: fc.integer({ min: 0, max: 12 }),
        dd: fc.integer({ min: 0, max: 28 }),
      })
      .map(({ y, m, dd }) => y * 10000 + m * 100 + (m === 0 ? 0 : dd));
    fc.assert(
      fc.property(date, date, (a, b) => {
        expect(compareDates(a, b)).toBe(compareDates(b, a));
      }),
    );
  });
});

describe('withinOneEdit', () => {
  it('accepts one typing error and no more', () => {
    expect(withinOneEdit('0801199012345', '0801199012354')).toBe(true);
    expect(withinOneEdit('V1234567', 'V12345678')).toBe(true);
    expect(withinOneEdit('abc', 'axc')).toBe(true);
    expect(withinOneEdit('abcd', 'badc')).toBe(false);
    expect(withinOneEdit('abc', 'abcde')).toBe(false);
  });
});

function nameLevels(a: Omit<PersonRecord, 'id'>, b: Omit<PersonRecord, 'id'>, extra: PersonRecord[] = []) {
  const store = buildFeatures([tableFromRecords([{ id: 'a', ...a }, { id: 'b', ...b }, ...extra])]);
  const comparer = new Comparer(store);
  const out = new Int8Array(comparer.specs.length);
  comparer.compare(0, 1, out);
  const level = (field: string) => {
    const k = comparer.specs.findIndex((s) => s.field === field);
    const l = out[k] ?? -1;
    return l < 0 ? 'missing' : NAME_LEVELS[l];
  };
  return { given: level('given_names'), family: level('family_names') };
}

describe('name comparison', () => {
  it('sees through accents, order, transliteration and phonetic spelling', () => {
    expect(
      nameLevels(
        { given_names: 'José Luis', family_names: 'Pérez' },
        { given_names: 'JOSE LUIS', family_names: 'PEREZ' },
      ),
    ).toEqual({
      given: 'exact',
      family: 'exact',
    });
    expect(
      nameLevels(
        { given_names: 'Mohammed', family_names: 'Hossain' },
        { given_names: 'Muhammad', family_names: 'Hussain' },
      ),
    ).toEqual({ given: NAME_LEVELS[1], family: NAME_LEVELS[1] });
    expect(
      nameLevels(
        { given_names: 'Yovani', family_names: 'Velásquez' },
        { given_names: 'Giovani', family_names: 'Belasquez' },
      ).family,
    ).toBe(NAME_LEVELS[1]);
  });

  it('recognises given and family names recorded in each other’s field', () => {
    expect(
      nameLevels(
        { given_names: 'Wei', family_names: 'Zhang' },
        { given_names: 'Zhang', family_names: 'Wei' },
      ),
    ).toEqual({ given: NAME_LEVELS[1], family: NAME_LEVELS[1] });
  });

  it('recognises a dropped maternal surname and a dropped second given name', () => {
    expect(
      nameLevels(
        { given_names: 'Ana Sofía', family_names: 'García López' },
        { given_names: 'Ana', family_names: 'García' },
      ),
    ).toEqual({ given: NAME_LEVELS[2], family: NAME_LEVELS[2] });
  });

  it('grades typing errors below spelling variants', () => {
    expect(nameLevels({ given_names: 'Katherine' }, { given_names: 'Katherien' }).given).toBe(NAME_LEVELS[3]);
  });

  it('tells twins apart: a shared first name with a conflicting second is only partial', () => {
    expect(nameLevels({ given_names: 'José Luis' }, { given_names: 'José Carlos' }).given).toBe(
      NAME_LEVELS[4],
    );
  });

  it('marks two different common names as such', () => {
    const crowd = crowdOf('Jorge', 'Liliana');
    expect(nameLevels({ given_names: 'Jorge' }, { given_names: 'Liliana' }, crowd).given).toBe(
      NAME_LEVELS[6],
    );
    expect(nameLevels({ given_names: 'Xkqz' }, { given_names: 'Liliana' }, crowd).given).toBe(NAME_LEVELS[5]);
  });

  it('takes one name written twice by two officers for one name, not two common ones', () => {
    expect(vowelSkeleton('rokeya')).toBe(vowelSkeleton('rokiya'));
    expect(vowelSkeleton('fatema')).toBe(vowelSkeleton('fattema'));
    expect(vowelSkeleton('mario')).not.toBe(vowelSkeleton('maria'));
    const crowd = crowdOf('Fatema', 'Fattema', 'Mario', 'Maria');
    expect(nameLevels({ given_names: 'Fatema' }, { given_names: 'Fattema' }, crowd).given).not.toBe(
      NAME_LEVELS[6],
    );
    expect(nameLevels({ given_names: 'Mario' }, { given_names: 'Maria' }, crowd).given).toBe(NAME_LEVELS[6]);
  });

  it('takes two transliterations of one name for similar names, even when both are common', () => {
    expect(transliterationSkeleton('usmane')).toBe(transliterationSkeleton('usman'));
    expect(transliterationSkeleton('mario')).not.toBe(transliterationSkeleton('maria'));
    const crowd = crowdOf('Ousmane', 'Usman', 'Jabed', 'Javid', 'Mario', 'Maria');
    // Guinea's Ousmane written Usman by another desk; Bengali Jabed written Javid (b/v).
    expect(nameLevels({ given_names: 'Ousmane' }, { given_names: 'Usman' }, crowd).given).toBe(
      NAME_LEVELS[3],
    );
    expect(nameLevels({ given_names: 'Jabed' }, { given_names: 'Javid' }, crowd).given).toBe(NAME_LEVELS[3]);
    expect(nameLevels({ given_names: 'Mario' }, { given_names: 'Maria' }, crowd).given).toBe(NAME_LEVELS[6]);
    // Typing errors stay below spelling variants.
    expect(nameLevels({ given_names: 'Katherine' }, { given_names: 'Katherien' }).given).toBe(NAME_LEVELS[3]);
  });

  it('compares a whole name typed in the family-names field with the whole of the other', () => {
    const levels = nameLevels({ family_names: 'Ana García' }, { given_names: 'Ana', family_names: 'García' });
    expect(levels.given).toBe('missing');
    expect(levels.family).toBe('exact');
  });

  it('treats a missing name as no evidence', () => {
    expect(nameLevels({ given_names: 'Ana' }, { family_names: 'García' }).given).toBe('missing');
  });

  it('word similarity is symmetric and within [0, 1]', () => {
    const names = [
      'maria',
      'mario',
      'jose',
      'josue',
      'mohammed',
      'muhammad',
      'garcia',
      'gracia',
      'llanos',
      'yanos',
      'x',
    ];
    const store = buildFeatures([tableFromRecords(names.map((n, i) => ({ id: String(i), given_names: n })))]);
    const comparer = new Comparer(store);
    const ids = names.map((_, i) => store.given?.tokens[store.given.start[i] ?? 0] ?? 0);
    fc.assert(
      fc.property(fc.constantFrom(...ids), fc.constantFrom(...ids), (a, b) => {
        const s = comparer.tokenSim(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(comparer.tokenSim(b, a)).toBe(s);
      }),
    );
  });
});

describe('nationality and birthplace', () => {
  it('does not count a shared nationality again when the birthplace already agrees', () => {
    const store = buildFeatures([
      tableFromRecords([
        { id: 'a', nationality: 'HND', birth_place: 'Tegucigalpa' },
        { id: 'b', nationality: 'HND', birth_place: 'Tegucigalpa' },
        { id: 'c', nationality: 'HND', birth_place: 'Choluteca' },
      ]),
    ]);
    const comparer = new Comparer(store);
    const out = new Int8Array(comparer.specs.length);
    const nat = comparer.specs.findIndex((s) => s.field === 'nationality');
    comparer.compare(0, 1, out);
    expect(out[nat]).toBe(-1);
    comparer.compare(0, 2, out);
    expect(out[nat]).toBe(0);
  });
});
