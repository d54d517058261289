import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PersonRecord, tableFromRecords } from '../schema';
import { blocksToText, ClkEncoder, clkToBase64, decodeClks, dice, matchClks } from './clk';

const SECRET = Buffer.from('a secret shared by the countries');
const people: PersonRecord[] = [
  {
    id: 'a1',
    given_names: 'José Luis',
    family_names: 'Hernández López',
    birth_date: '1990-05-17',
    sex: 'M',
    nationality: 'HND',
  },
  {
    id: 'a2',
    given_names: 'María',
    family_names: 'García',
    birth_date: '1985-11-02',
    sex: 'F',
    nationality: 'GTM',
  },
  {
    id: 'a3',
    given_names: 'Mohammed',
    family_names: 'Hossain',
    birth_date: '1993-01-09',
    sex: 'M',
    nationality: 'BGD',
  },
];
const registeredAgain: PersonRecord[] = [
  {
    id: 'b1',
    given_names: 'JOSE LUIS',
    family_names: 'HERNANDEZ',
    birth_date: '1990-05-17',
    sex: 'M',
    nationality: 'HND',
  },
  {
    id: 'b2',
    given_names: 'Muhammad',
    family_names: 'Hussain',
    birth_date: '1993-09-01',
    sex: 'M',
    nationality: 'BGD',
  },
  {
    id: 'b3',
    given_names: 'Ana',
    family_names: 'Pérez',
    birth_date: '2001-03-03',
    sex: 'F',
    nationality: 'SLV',
  },
];

describe('CLK encoding', () => {
  it('is deterministic for a secret and changes with the secret', () => {
    const one = new ClkEncoder(SECRET).encode(tableFromRecords(people));
    const two = new ClkEncoder(SECRET).encode(tableFromRecords(people));
    const other = new ClkEncoder(Buffer.from('another secret of another group')).encode(
      tableFromRecords(people),
    );
    expect(Array.from(two.clks)).toEqual(Array.from(one.clks));
    expect(two.blocks).toEqual(one.blocks);
    expect(dice(one.clks, 0, other.clks, 0, one.words)).toBeLessThan(0.7);
  });

  it('rejects a short secret', () => {
    expect(() => new ClkEncoder(Buffer.from('short'))).toThrow(/16 bytes/);
  });

  it('keeps the same person similar and different people apart', () => {
    const a = new ClkEncoder(SECRET).encode(tableFromRecords(people));
    const b = new ClkEncoder(SECRET).encode(tableFromRecords(registeredAgain));
    expect(dice(a.clks, 0, a.clks, 0, a.words)).toBe(1);
    expect(dice(a.clks, 0, b.clks, 0, a.words)).toBeGreaterThan(0.75);
    expect(dice(a.clks, 2, b.clks, 1, a.words)).toBeGreaterThan(0.7);
    expect(dice(a.clks, 1, b.clks, 2, a.words)).toBeLessThan(0.5);
  });

  it('matches hits one to one, and survives the exchange format', () => {
    const a = new ClkEncoder(SECRET).encode(tableFromRecords(people));
    const b = new ClkEncoder(SECRET).encode(tableFromRecords(registeredAgain));
    const roundTrip = (e: typeof a) =>
      decodeClks(
        e.ids,
        e.ids.map((_, r) => clkToBase64(e, r)),
        e.ids.map((_, r) => blocksToText(e, r)),
      );
    const hits = matchClks(roundTrip(a), roundTrip(b));
    expect(hits.map((h) => [people[h.left]?.id, registeredAgain[h.right]?.id]).sort()).toEqual([
      ['a1', 'b1'],
      ['a3', 'b2'],
    ]);
  });

  it('Dice is symmetric and within [0, 1]', () => {
    const words = 4;
    const clk = fc.uint32Array({ minLength: words, maxLength: words });
    fc.assert(
      fc.property(clk, clk, (x, y) => {
        const s = dice(x, 0, y, 0, words);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(dice(y, 0, x, 0, words)).toBe(s);
      }),
    );
  });
});
