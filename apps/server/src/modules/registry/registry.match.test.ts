import { describe, expect, it } from 'vitest';
import {
  ageGroupOn,
  agreementOf,
  birthDateOf,
  isFuture,
  KEY_POSTINGS_MAX,
  KEY_ROWS_BUDGET,
  keyWeights,
  median,
  personBlockingKeys,
  precisionFits,
  RELEASE_MATCH_THRESHOLD,
  scoreCandidates,
} from './registry.match';

const maria = {
  givenNames: 'María José',
  familyNames: 'Hernández Ávila',
  birthDate: '1994-03-07',
  sex: 'female',
  nationality: 'HND',
};
const sister = { ...maria, givenNames: 'Ana Lucía', birthDate: '1997-11-20' };
const namesake = { ...maria, familyNames: 'Pérez Gómez', nationality: 'GTM', birthDate: '1980-01-01' };

describe('registry identity matching on the linkage engine', () => {
  it('ranks the same person first although the accents were dropped and day and month swapped', () => {
    const typed = {
      ...maria,
      givenNames: 'Maria Jose',
      familyNames: 'Hernandez Avila',
      birthDate: '1994-07-03',
    };
    const ranked = scoreCandidates(typed, [namesake, sister, maria], (c) => [c]);
    expect(ranked[0]?.candidate).toBe(maria);
    expect(ranked[0]?.probability).toBeGreaterThanOrEqual(RELEASE_MATCH_THRESHOLD);
    const date = ranked[0]?.explanation.fields.find((f) => f.field === 'birth_date');
    expect(date?.level).toBe('day and month swapped');
    expect(date?.agreement === 'strong' || date?.agreement === 'partial').toBe(true);
    const family = ranked[0]?.explanation.fields.find((f) => f.field === 'family_names');
    expect(family?.agreement).toBe('strong');
    expect((ranked[1]?.probability ?? 1) < 0.5).toBe(true);
  });

  it('does not compare an estimated age as a birth date, on either side, and still keys by its year', () => {
    // Her first registration gave no date: the officer estimated "about 40" (born 1986).
    const estimated = { ...maria, birthDate: '1986', birthDateEstimated: true };
    const undated = { ...maria, birthDate: null };
    const [asEstimated] = scoreCandidates(maria, [estimated], (c) => [c]);
    const [asUndated] = scoreCandidates(maria, [undated], (c) => [c]);
    expect(asEstimated?.explanation.total).toBe(asUndated?.explanation.total);
    const date = asEstimated?.explanation.fields.find((f) => f.field === 'birth_date');
    expect(date).toMatchObject({ given: '1994-03-07', recorded: '1986', level: null, agreement: 'missing' });
    // Compared as a year, the same record is far less likely to be her.
    const [asYear] = scoreCandidates(maria, [{ ...estimated, birthDateEstimated: false }], (c) => [c]);
    expect(asYear?.explanation.total ?? 0).toBeLessThan((asEstimated?.explanation.total ?? 0) - 5);
    // An age typed at the desk is not compared either.
    const [typedAge] = scoreCandidates(estimated, [maria], (c) => [c]);
    expect(typedAge?.explanation.fields.find((f) => f.field === 'birth_date')).toMatchObject({
      given: '1986',
      agreement: 'missing',
    });
    expect(personBlockingKeys(estimated).some((k) => k.endsWith('|1986'))).toBe(true);
  });

  it('shares a blocking key between the two spellings, none with an unrelated person', () => {
    const a = new Set(personBlockingKeys(maria));
    const b = personBlockingKeys({ ...maria, givenNames: 'MARIA JOSE', birthDate: '1994-07-03' });
    expect(b.some((k) => a.has(k))).toBe(true);
    const other = personBlockingKeys({ givenNames: 'Tesfaye', familyNames: 'Gebre', birthDate: '1990' });
    expect(other.some((k) => a.has(k))).toBe(false);
  });

  it('takes a candidate’s best variant (names as in a document)', () => {
    const person = { ...maria, givenNames: 'Majo', familyNames: 'H.' };
    const ranked = scoreCandidates(maria, [person], (c) => [
      c,
      { ...c, givenNames: 'María José', familyNames: 'Hernández Ávila' },
    ]);
    expect(ranked[0]?.probability).toBeGreaterThan(0.95);
  });

  it('stops a release when someone else answers for the person', () => {
    const [r] = scoreCandidates(
      { givenNames: 'Pedro', familyNames: 'Ramírez', sex: 'male', birthDate: '1988-05-01' },
      [maria],
      (c) => [c],
    );
    expect(r?.probability).toBeLessThan(RELEASE_MATCH_THRESHOLD);
    expect(r?.explanation.fields.find((f) => f.field === 'given_names')?.agreement).toBe('disagrees');
  });

  it('helpers: agreement words, dates, precision, median', () => {
    expect(agreementOf(null, 3)).toBe('missing');
    expect(agreementOf('exact', 8)).toBe('strong');
    expect(agreementOf('different', -5)).toBe('disagrees');
    expect(birthDateOf({ estimatedAge: 30 }, '2026-11-23')).toBe('1996');
    expect(birthDateOf({ birthDate: '2001-02' }, '2026-11-23')).toBe('2001-02');
    expect(birthDateOf({}, '2026-11-23')).toBeNull();
    expect(precisionFits('exact', '2001-02-03')).toBe(true);
    expect(precisionFits('exact', '2001')).toBe(false);
    expect(precisionFits('year_month', '2001-02')).toBe(true);
    expect(precisionFits('estimated_age', '1996')).toBe(true);
    expect(isFuture('2026-11-24', '2026-11-23')).toBe(true);
    expect(isFuture('2026-11', '2026-11-23')).toBe(false);
    expect(isFuture('2027', '2026-11-23')).toBe(true);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('ageGroupOn', () => {
  it('counts the years completed on the day', () => {
    expect(ageGroupOn('2014-12-03', '2026-12-02T23:00:00Z')).toBe('0-11');
    expect(ageGroupOn('2014-12-03', '2026-12-03T00:00:00Z')).toBe('12-17');
    expect(ageGroupOn('1966-06-30', '2026-06-30T08:00:00Z')).toBe('60+');
    expect(ageGroupOn('1994-03-07', '2026-12-03T00:00:00Z')).toBe('18-59');
  });

  it('counts a partly known birth date as its latest possible day, so a possible child is a child', () => {
    // Born in 2008: 18 from 2026-01-01 at the earliest, from 2026-12-31 at the latest.
    expect(ageGroupOn('2008', '2026-12-30T12:00:00Z')).toBe('12-17');
    expect(ageGroupOn('2008', '2026-12-31T00:00:00Z')).toBe('18-59');
    // Born in February 2008 (a leap year): the 29th is the latest day.
    expect(ageGroupOn('2008-02', '2026-02-28T12:00:00Z')).toBe('12-17');
    expect(ageGroupOn('2008-02', '2026-03-01T00:00:00Z')).toBe('18-59');
  });

  it('says unknown without a birth date or with one after the day', () => {
    expect(ageGroupOn(null, '2026-12-03T00:00:00Z')).toBe('unknown');
    expect(ageGroupOn('2027-01-01', '2026-12-03T00:00:00Z')).toBe('unknown');
  });
});

describe('keyWeights', () => {
  it('weighs a rare key more than a common one and reads the rarest first', () => {
    const w = keyWeights(
      new Map([
        ['common', 4_000],
        ['rare', 3],
        ['none', 0],
        ['middle', 200],
      ]),
    );
    expect([...w.keys()]).toEqual(['rare', 'middle', 'common']);
    expect(w.get('rare')).toBeGreaterThan(w.get('middle') ?? 0);
    expect(w.get('middle')).toBeGreaterThan(w.get('common') ?? 0);
    expect(w.get('common')).toBeGreaterThan(0);
  });

  it('leaves out keys too common to say anything, and stops at the rows budget', () => {
    const tooCommon = keyWeights(
      new Map([
        ['a', 10],
        ['b', KEY_POSTINGS_MAX + 1],
      ]),
    );
    expect([...tooCommon.keys()]).toEqual(['a']);
    const n = KEY_POSTINGS_MAX - 1;
    const fit = Math.floor(KEY_ROWS_BUDGET / n);
    const many = new Map(Array.from({ length: fit + 2 }, (_, i) => [`k${i}`, n] as const));
    expect(keyWeights(many).size).toBe(fit);
  });

  it('still reads the rarest key when every key is very common (a common name and nothing else)', () => {
    const w = keyWeights(
      new Map([
        ['p', 90_000],
        ['q', KEY_POSTINGS_MAX + 1],
      ]),
    );
    expect([...w.keys()]).toEqual(['q']);
  });
});
