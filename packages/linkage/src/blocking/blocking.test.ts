import { describe, expect, it } from 'vitest';
import { buildFeatures } from '../features';
import { type PersonRecord, tableFromRecords } from '../schema';
import {
  type BlockingOptions,
  buildBlocks,
  forEachCandidatePair,
  groupByKey,
  NAME_PAIR_RULE,
} from './blocking';

const records: PersonRecord[] = [
  {
    id: '0',
    given_names: 'José Luis',
    family_names: 'Hernández López',
    birth_date: '1990-05-17',
    nationality: 'HND',
  },
  { id: '1', given_names: 'JOSE', family_names: 'HERNANDEZ', birth_date: '1990-17-05', nationality: 'HND' },
  { id: '2', given_names: 'Hernández', family_names: 'José Luis', birth_date: '1990' },
  { id: '3', given_names: 'Jose Luis', family_names: 'Hrenandez Lopez', birth_date: '1990-05-18' },
  {
    id: '4',
    given_names: 'Ana',
    family_names: 'Pérez',
    birth_date: '2001-03-03',
    document_number: 'AB123456',
  },
  { id: '5', given_names: 'Xkq', family_names: 'Zzv', birth_date: '2001-03-03', document_number: 'AB123456' },
  { id: '6', given_names: 'María', family_names: 'Gómez', birth_date: '1970-01-01' },
];

function candidatePairs(
  store = buildFeatures([tableFromRecords(records)]),
  options: BlockingOptions = {},
): string[] {
  const blocks = buildBlocks(store, options);
  const pairs: string[] = [];
  forEachCandidatePair(store, blocks, 0, blocks.blockStart.length - 1, (x, y) => pairs.push(`${x}-${y}`));
  return pairs;
}

describe('blocking', () => {
  it('proposes each pair once, however many rules and keys it shares', () => {
    const pairs = candidatePairs();
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('survives swapped fields, dropped names, typing errors and date noise, and a shared document', () => {
    const pairs = new Set(candidatePairs());
    for (const p of ['0-1', '0-2', '0-3', '1-2', '1-3', '4-5']) expect(pairs).toContain(p);
    expect([...pairs].some((p) => p.split('-').includes('6'))).toBe(false);
  });

  it('proposes only pairs across the two files when linking', () => {
    const store = buildFeatures([tableFromRecords(records.slice(0, 3)), tableFromRecords(records.slice(3))]);
    for (const p of candidatePairs(store)) {
      const [x, y] = p.split('-').map(Number);
      expect((x ?? 0) < store.split && (y ?? 0) >= store.split).toBe(true);
    }
  });

  it('groups records by key', () => {
    const keys = [5, -1, 7, 5, 7, 9];
    const { records: order, starts } = groupByKey(keys.length, (i) => keys[i] ?? -1);
    const groups: number[][] = [];
    for (let g = 0; g < starts.length; g += 2)
      groups.push(Array.from(order.subarray(starts[g], starts[g + 1])));
    expect(groups.map((g) => g.sort()).sort()).toEqual([
      [0, 3],
      [2, 4],
    ]);
  });

  describe('a block larger than the cap', () => {
    const pad = (x: number) => String(x).padStart(2, '0');
    // Namesakes: one name pair, dates spread over sixty years, none on 12 March or 3 December.
    const namesakes = (count: number): PersonRecord[] =>
      Array.from({ length: count }, (_, i) => {
        const month = 1 + ((i * 7) % 12);
        const day = 1 + ((i * 13) % 28);
        const blocked = (month === 3 && day === 12) || (month === 12 && day === 3);
        return {
          id: `n${i}`,
          given_names: 'José',
          family_names: 'García',
          birth_date: `${1950 + (i % 60)}-${pad(month)}-${pad(blocked ? 13 : day)}`,
        };
      });
    // One person registered twice, the year mistyped: the two fall in different birth years.
    const twice: PersonRecord[] = [
      { id: 'a', given_names: 'José', family_names: 'García', birth_date: '1985-03-12' },
      { id: 'b', given_names: 'JOSE', family_names: 'GARCIA', birth_date: '1986-03-12' },
    ];
    const store = buildFeatures([tableFromRecords([...namesakes(200), ...twice])]);
    const options = { rules: [NAME_PAIR_RULE], maxBlockSize: 8 };
    const pair = `${store.size - 2}-${store.size - 1}`;

    it('is compared in windows, not dropped', () => {
      const blocks = buildBlocks(store, options);
      expect(blocks.windowed).toEqual([1]);
      expect(blocks.dropped).toEqual([0]);
    });

    it('makes two near-identical registrations in it a candidate pair', () => {
      expect(candidatePairs(store, options)).toContain(pair);
      // Split by birth year alone, as before windows, the two were never compared.
      const yearsOnly = { ...options, rules: [{ ...NAME_PAIR_RULE, windows: false }] };
      expect(candidatePairs(store, yearsOnly)).not.toContain(pair);
      expect(buildBlocks(store, yearsOnly).dropped).toEqual([1]);
    });

    it('still proposes each pair once, with narrow or wide windows', () => {
      for (const windowSize of [2, 8]) {
        const pairs = candidatePairs(store, { ...options, windowSize });
        expect(new Set(pairs).size).toBe(pairs.length);
      }
    });

    it('costs about 2 × size × cap candidate pairs at most, not size²', () => {
      const size = 600;
      const big = buildFeatures([tableFromRecords(namesakes(size))]);
      for (const windowSize of [2, 8]) {
        const pairs = candidatePairs(big, { ...options, windowSize });
        expect(pairs.length).toBeLessThanOrEqual(2 * size * options.maxBlockSize);
      }
      expect(candidatePairs(big, options).length).toBeLessThan((size * (size - 1)) / 20);
    });
  });
});
