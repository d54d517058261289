import { describe, expect, it } from 'vitest';
import { buildFeatures } from '../features';
import { type PersonRecord, tableFromRecords } from '../schema';
import { buildBlocks, forEachCandidatePair } from './blocking';
import { blockingKeys } from './keys';

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
  {
    id: '5',
    given_names: 'Xkq',
    family_names: 'Zzv',
    birth_date: '2001-03-03',
    document_number: 'AB-123456',
  },
  { id: '6', given_names: 'María', family_names: 'Gómez', birth_date: '1970-01-01' },
  { id: '7', given_names: 'Mohammed', family_names: 'Hossain', birth_date: '1988', nationality: 'BGD' },
  { id: '8', given_names: 'Muhammad', family_names: 'Hussain', birth_date: '1988-02-03', nationality: 'BGD' },
  { id: '9', given_names: 'Wilmer', family_names: 'Zelaya', birth_date: '03/04/1999', nationality: 'HND' },
  { id: '10', given_names: 'Bilmer', family_names: 'Selaya', birth_date: '1999-03-04', nationality: 'HND' },
];

describe('blocking keys of one record', () => {
  it('two records share a key exactly when the batch blocking proposes them as a pair', () => {
    const store = buildFeatures([tableFromRecords(records)]);
    const blocks = buildBlocks(store);
    const batch = new Set<string>();
    forEachCandidatePair(store, blocks, 0, blocks.blockStart.length - 1, (x, y) => batch.add(`${x}-${y}`));
    const keys = records.map(({ id: _, ...r }) => new Set(blockingKeys(r)));
    const byKeys = new Set<string>();
    for (let i = 0; i < records.length; i++)
      for (let j = i + 1; j < records.length; j++)
        if ([...(keys[i] ?? [])].some((k) => keys[j]?.has(k))) byKeys.add(`${i}-${j}`);
    expect([...byKeys].sort()).toEqual([...batch].sort());
    for (const p of ['0-1', '0-2', '0-3', '4-5', '7-8', '9-10']) expect(byKeys).toContain(p);
  });

  it('is stable: the same keys whatever else was computed before, accents and case aside', () => {
    const a = blockingKeys({ given_names: 'José', family_names: 'Núñez', birth_date: '1990-05-17' });
    blockingKeys({ given_names: 'Ana', family_names: 'Pérez' });
    const b = blockingKeys({ given_names: 'JOSE', family_names: 'nunez', birth_date: '1990-17-05' });
    expect(b).toEqual(a);
    expect(blockingKeys({})).toEqual([]);
  });
});
