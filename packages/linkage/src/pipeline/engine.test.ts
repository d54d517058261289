import { describe, expect, it } from 'vitest';
import { trainSupervised } from '../model/train';
import { buildFeatures } from '../features';
import { type PersonRecord, tableFromRecords } from '../schema';
import { seededRandom } from '../util/random';
import { familyBucket, levelWeights, sameFamilyWeights } from '../model/fellegi-sunter';
import { DEFAULT_THRESHOLD, dedupe, link, RELATIVES_THRESHOLD } from './engine';

// A small register with the hard cases of the route: one person registered three times with
// the usual noise, twins, a father and his namesake son, and strangers.
const register: PersonRecord[] = [
  {
    id: 'p1-pan',
    given_names: 'José Luis',
    family_names: 'Hernández López',
    sex: 'M',
    birth_date: '1990-05-17',
    nationality: 'HND',
    birth_place: 'San Pedro Sula',
    document_number: '0501199012345',
  },
  {
    id: 'p1-cri',
    given_names: 'JOSE',
    family_names: 'HERNANDEZ',
    sex: 'M',
    birth_date: '1990-17-05',
    nationality: 'HND',
    birth_place: 'San Pedro Sula',
  },
  {
    id: 'p1-mex',
    given_names: 'Hernández López',
    family_names: 'José Luis',
    sex: 'M',
    birth_date: '1990',
    nationality: 'HND',
    document_number: '0501199012345',
  },
  {
    id: 'twin-a',
    given_names: 'Ana Sofía',
    family_names: 'Mejía Paz',
    sex: 'F',
    birth_date: '2012-03-08',
    nationality: 'HND',
    birth_place: 'Choluteca',
  },
  {
    id: 'twin-a2',
    given_names: 'ANA SOFIA',
    family_names: 'MEJIA',
    sex: 'F',
    birth_date: '2012-03-08',
    nationality: 'HND',
    birth_place: 'Choluteca',
  },
  {
    id: 'twin-b',
    given_names: 'Carlos',
    family_names: 'Mejía Paz',
    sex: 'M',
    birth_date: '2012-03-08',
    nationality: 'HND',
    birth_place: 'Choluteca',
  },
  {
    id: 'father',
    given_names: 'Jean',
    family_names: 'Valcin',
    sex: 'M',
    birth_date: '1971-07-14',
    nationality: 'HTI',
    birth_place: 'Miragoâne',
  },
  {
    id: 'son',
    given_names: 'Jean',
    family_names: 'Valcin',
    sex: 'M',
    birth_date: '1995-10-10',
    nationality: 'HTI',
    birth_place: 'Miragoâne',
  },
  {
    id: 'son2',
    given_names: 'Jn',
    family_names: 'Valcin',
    sex: 'M',
    birth_date: '1995-10-10',
    nationality: 'HTI',
  },
  {
    id: 'm1',
    given_names: 'Mohammed',
    family_names: 'Hossain',
    sex: 'M',
    birth_date: '1988-02-11',
    nationality: 'BGD',
    birth_place: 'Dhaka',
  },
  {
    id: 'm2',
    given_names: 'Md',
    family_names: 'Hussain',
    sex: 'M',
    birth_date: '1988-11-02',
    nationality: 'BGD',
    birth_place: 'Dhaka',
  },
];
// A background of ordinary people registered two or three times with everyday noise, so that
// the model has something to learn from, as it would in a real register.
const random = seededRandom(7);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const GIVEN = [
  'Pedro',
  'Rosa',
  'Marie',
  'Yonas',
  'Wei',
  'Fátima',
  'Luis',
  'Carmen',
  'Kevin',
  'Wendy',
  'Omar',
  'Lucía',
];
const FAMILY = [
  'Gómez',
  'Joseph',
  'Tekle',
  'Chen',
  'Rahimi',
  'Cruz',
  'Díaz',
  'Paz',
  'Lin',
  'Noël',
  'Rivas',
  'Núñez',
];
const NATIONS = ['GTM', 'HTI', 'ERI', 'CHN', 'AFG', 'SLV', 'VEN'];
const noisy = (s: string) => {
  const r = random();
  if (r < 0.3) return s.toUpperCase().normalize('NFD').replace(/\p{M}/gu, '');
  if (r < 0.4 && s.length > 4) return s.slice(0, 2) + s.slice(3);
  return s;
};
const noisyDate = (date: string) => {
  const [y, m, d] = date.split('-');
  const r = random();
  if (r < 0.08 && Number(d) <= 12) return `${y}-${d}-${m}`;
  if (r < 0.14) return `${y}`;
  if (r < 0.18) return `${y}-01-01`;
  return date;
};
for (let p = 0; p < 400; p++) {
  const given = `${pick(GIVEN)}${random() < 0.4 ? ` ${pick(GIVEN)}` : ''}`;
  const family = `${pick(FAMILY)} ${pick(FAMILY)}`;
  const date = `${1950 + Math.floor(random() * 60)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  const sex = random() < 0.5 ? 'M' : 'F';
  const nationality = pick(NATIONS);
  const document = random() < 0.5 ? String(10_000_000 + Math.floor(random() * 89_999_999)) : '';
  const times = 1 + Math.floor(random() * 3);
  for (let t = 0; t < times; t++) {
    const swap = random() < 0.05;
    const g = random() < 0.25 ? (given.split(' ')[0] ?? '') : noisy(given);
    const f = random() < 0.3 ? (family.split(' ')[0] ?? '') : noisy(family);
    register.push({
      id: `bg${p}-${t}`,
      given_names: swap ? f : g,
      family_names: swap ? g : f,
      sex,
      birth_date: noisyDate(date),
      nationality,
      document_number: random() < 0.6 ? document : '',
    });
  }
}

const idsOf = (clusters: Int32Array, ids: string[]) => (id: string) => clusters[ids.indexOf(id)];

describe('dedupe', () => {
  it('groups one person’s registrations despite swaps, dropped names and partial dates', async () => {
    const table = tableFromRecords(register);
    const result = await dedupe(table);
    const cluster = idsOf(result.clusters, table.ids);
    expect(cluster('p1-cri')).toBe(cluster('p1-pan'));
    expect(cluster('p1-mex')).toBe(cluster('p1-pan'));
    expect(cluster('twin-a2')).toBe(cluster('twin-a'));
    expect(cluster('son2')).toBe(cluster('son'));
    expect(cluster('m2')).toBe(cluster('m1'));
  });

  it('keeps twins, and a father and his namesake son, apart', async () => {
    const table = tableFromRecords(register);
    const result = await dedupe(table);
    const cluster = idsOf(result.clusters, table.ids);
    expect(cluster('twin-b')).not.toBe(cluster('twin-a'));
    expect(cluster('father')).not.toBe(cluster('son'));
    expect(cluster('father')).not.toBe(cluster('son2'));
  });

  it('explains a match field by field, and the weights add up', async () => {
    const table = tableFromRecords(register);
    const result = await dedupe(table);
    const e = result.explain(table.ids.indexOf('p1-pan'), table.ids.indexOf('p1-cri'));
    const date = e.fields.find((f) => f.field === 'birth_date');
    expect(date?.level).toBe('day and month swapped');
    expect(date?.weight).toBeGreaterThan(0);
    const sum = e.prior + e.fields.reduce((s, f) => s + f.weight + f.frequencyAdjustment, 0);
    expect(e.total).toBeCloseTo(sum, 9);
    expect(e.probability).toBeGreaterThan(0.95);
    const father = result.explain(table.ids.indexOf('father'), table.ids.indexOf('son'));
    expect(father.fields.find((f) => f.field === 'birth_date')?.weight).toBeLessThan(0);
  });

  it('weighs what relatives share less than what strangers share, and then accepts at 0.8', async () => {
    // Families: brothers and sisters under one pair of surnames, born in one town a few years
    // apart, a third of them twins; each registered once or twice.
    const families: PersonRecord[] = [];
    for (let f = 0; f < 300; f++) {
      const surnames = `${pick(FAMILY)}${f} ${pick(FAMILY)}`;
      const town = `Town ${f}`;
      const year = 1970 + Math.floor(random() * 30);
      const twins = random() < 0.33;
      for (let c = 0; c < 3; c++) {
        const born = twins && c < 2 ? year : year + c * 2 + 1;
        const date = `${born}-0${1 + (f % 9)}-1${c % 9}`;
        for (let t = 0; t < 1 + Math.floor(random() * 2); t++)
          families.push({
            id: `fam${f}-${c}-${t}`,
            given_names: `${GIVEN[(f + c * 5) % GIVEN.length]}`,
            family_names: surnames,
            birth_date: twins && c < 2 ? `${born}-0${1 + (f % 9)}-15` : date,
            birth_place: town,
            nationality: NATIONS[f % NATIONS.length],
          });
      }
    }
    const result = await dedupe(tableFromRecords([...register, ...families]));
    const family = sameFamilyWeights(result.model);
    expect(family).toBeDefined();
    const place = result.model.comparisons.findIndex((c) => c.field === 'birth_place');
    const strangers = levelWeights(result.model)[place]?.[0] ?? 0;
    // Among people who share rare family names a shared birthplace says much less: they are kin.
    const rare = family?.weights[familyBucket(2)]?.[place]?.[0] ?? 0;
    expect(rare).toBeLessThan(strangers - 1);
    expect(result.stats.threshold).toBe(RELATIVES_THRESHOLD);
    // A handful of records has too few pairs sharing a surname: the uncorrected model and 0.95.
    const small = await dedupe(tableFromRecords(register.filter((r) => !r.id.startsWith('bg'))));
    expect(sameFamilyWeights(small.model)).toBeUndefined();
    expect(small.stats.threshold).toBe(DEFAULT_THRESHOLD);
  });

  it('gives every record a cluster and reports its work', async () => {
    const result = await dedupe(tableFromRecords(register));
    expect(result.clusters.length).toBe(register.length);
    expect(result.stats.candidatePairs).toBeGreaterThan(0);
    expect(result.model.prior).toBeGreaterThan(0);
  });
});

describe('link', () => {
  it('matches two registers', async () => {
    const background = register.filter((r) => r.id.startsWith('bg'));
    const left = tableFromRecords(
      register
        .filter((r) => ['p1-pan', 'twin-a', 'father', 'm1'].includes(r.id))
        .concat(background.filter((r) => r.id.endsWith('-0'))),
    );
    const right = tableFromRecords(
      register
        .filter((r) => ['p1-cri', 'twin-a2', 'son', 'm2', 'twin-b'].includes(r.id))
        .concat(background.filter((r) => r.id.endsWith('-1'))),
    );
    const result = await link(left, right, { assignment: 'one-to-one' });
    const pairs = result.matches.map((m) => `${left.ids[m.left]}→${right.ids[m.right]}`);
    expect(pairs).toEqual(expect.arrayContaining(['m1→m2', 'p1-pan→p1-cri', 'twin-a→twin-a2']));
    expect(pairs).not.toContain('father→son');
    expect(pairs).not.toContain('twin-a→twin-b');
    const background1 = pairs.filter((p) => p.startsWith('bg'));
    const correct = background1.filter((p) => {
      const [l, r] = p.split('→');
      return l?.split('-')[0] === r?.split('-')[0];
    });
    expect(correct.length / Math.max(1, background1.length)).toBeGreaterThan(0.95);
  });
});

describe('trainSupervised', () => {
  it('learns m from labelled pairs', () => {
    const store = buildFeatures([tableFromRecords(register)]);
    const model = trainSupervised(store, [
      { left: 0, right: 1, match: true },
      { left: 0, right: 2, match: true },
      { left: 3, right: 4, match: true },
      { left: 3, right: 5, match: false },
      { left: 6, right: 7, match: false },
    ]);
    const date = model.comparisons.find((c) => c.field === 'birth_date');
    expect(date?.m.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(date?.m[1]).toBeGreaterThan(date?.m[5] ?? 1);
  });
});
