import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BreakdownEntry, PeopleCounts } from './dto/incidents';
import { checkIncidentCounts } from './incident-counts';
import { AGE_GROUPS, SEXES } from './vocabulary';

const none: PeopleCounts = {
  migrants: null,
  females: null,
  males: null,
  children: null,
  unaccompaniedChildren: null,
  dead: null,
  missing: null,
  survivors: null,
  injured: null,
  smugglersApprehended: null,
};
const codes = (people: Partial<PeopleCounts>, breakdown: BreakdownEntry[] = []) =>
  checkIncidentCounts({ ...none, ...people }, breakdown).map((i) => `${i.path}:${i.code}`);

describe('checkIncidentCounts', () => {
  it('refuses a part larger than the migrants (10 migrants, 50 dead; 30 women of 10)', () => {
    expect(codes({ migrants: 10, dead: 50 })).toEqual(['people.dead:count_exceeds_migrants']);
    expect(codes({ migrants: 10, females: 30 })).toEqual(['people.females:count_exceeds_migrants']);
    expect(checkIncidentCounts({ ...none, migrants: 10, dead: 50 })[0]?.params).toEqual({
      count: 50,
      total: 10,
    });
  });

  it('refuses more persons by sex or by fate than the migrants, with one error per field', () => {
    expect(codes({ migrants: 10, females: 6, males: 5 })).toEqual(['people.males:sexes_exceed_migrants']);
    expect(codes({ migrants: 10, dead: 4, missing: 4, survivors: 3 })).toEqual([
      'people.survivors:outcomes_exceed_migrants',
    ]);
    expect(codes({ migrants: 10, dead: 4, missing: 7 })).toEqual(['people.missing:outcomes_exceed_migrants']);
    // A single count already too large is said once, not again as a sum.
    expect(codes({ migrants: 10, dead: 12, missing: 1 })).toEqual(['people.dead:count_exceeds_migrants']);
  });

  it('refuses more unaccompanied children than children, or than migrants when children are unknown', () => {
    expect(codes({ children: 2, unaccompaniedChildren: 3 })).toEqual([
      'people.unaccompaniedChildren:count_exceeds_children',
    ]);
    expect(codes({ migrants: 2, unaccompaniedChildren: 3 })).toEqual([
      'people.unaccompaniedChildren:count_exceeds_migrants',
    ]);
  });

  it('checks the breakdown against the totals it details', () => {
    const bd: BreakdownEntry[] = [
      { sex: 'female', ageGroup: '0-11', nationality: null, count: 3 },
      { sex: 'male', ageGroup: '18-59', nationality: 'CUB', count: 6 },
    ];
    expect(codes({ migrants: 8 }, bd)).toEqual(['breakdown:count_exceeds_migrants']);
    expect(codes({ females: 2, children: 1 }, bd)).toEqual([
      'people.females:inconsistent_with_breakdown',
      'people.children:inconsistent_with_breakdown',
    ]);
    // 6 men in the breakdown and 5 females said: 11 persons of 10.
    expect(codes({ migrants: 10, females: 5 }, bd)).toEqual(['people.females:sexes_exceed_migrants']);
    // 8 children said and 6 adults in the breakdown: 14 of 10.
    expect(codes({ migrants: 10, children: 8 }, bd)).toEqual(['people.children:ages_exceed_migrants']);
  });

  it('applies no rule to unknown counts, nor to IOM’s negative adjustments', () => {
    expect(codes({ dead: 50, females: 30, males: 30, survivors: 200 })).toEqual([]);
    expect(codes({ migrants: 10, dead: 12, missing: -3 })).toEqual(['people.dead:count_exceeds_migrants']);
    expect(codes({ migrants: 10, dead: 8, missing: -3, survivors: 4 })).toEqual([]);
    expect(codes({ migrants: -2, dead: 5 })).toEqual([]);
    expect(codes({ migrants: 3, smugglersApprehended: 40 })).toEqual([]);
  });

  // Any incident of real persons, each with a sex, an age, a fate, whatever part of it is known,
  // passes every rule: the rules refuse only what no group of persons can be.
  it('accepts every count that some group of persons gives, whatever is left unknown', () => {
    const person = fc.record({
      sex: fc.constantFrom(...SEXES),
      ageGroup: fc.constantFrom(...AGE_GROUPS),
      fate: fc.constantFrom('dead', 'missing', 'survivor', 'unknown'),
      injured: fc.boolean(),
      unaccompanied: fc.boolean(),
      inBreakdown: fc.boolean(),
    });
    const fields = Object.keys(none) as (keyof PeopleCounts)[];
    fc.assert(
      fc.property(
        fc.array(person, { maxLength: 40 }),
        fc.subarray(fields),
        fc.nat(5),
        (persons, unknown, smugglers) => {
          const minor = (p: (typeof persons)[number]) => p.ageGroup === '0-11' || p.ageGroup === '12-17';
          const n = (f: (p: (typeof persons)[number]) => boolean) => persons.filter(f).length;
          const people: PeopleCounts = {
            migrants: persons.length,
            females: n((p) => p.sex === 'female'),
            males: n((p) => p.sex === 'male'),
            children: n(minor),
            unaccompaniedChildren: n((p) => minor(p) && p.unaccompanied),
            dead: n((p) => p.fate === 'dead'),
            missing: n((p) => p.fate === 'missing'),
            survivors: n((p) => p.fate === 'survivor'),
            injured: n((p) => p.injured),
            smugglersApprehended: smugglers,
          };
          for (const f of unknown) people[f] = null;
          const cells = new Map<string, BreakdownEntry>();
          for (const p of persons.filter((x) => x.inBreakdown)) {
            const key = `${p.sex}|${p.ageGroup}`;
            const cell = cells.get(key) ?? { sex: p.sex, ageGroup: p.ageGroup, nationality: null, count: 0 };
            cell.count += 1;
            cells.set(key, cell);
          }
          expect(checkIncidentCounts(people, [...cells.values()])).toEqual([]);
        },
      ),
    );
  });

  it('refuses any part made larger than known migrants', () => {
    const parts = ['females', 'males', 'children', 'dead', 'missing', 'survivors', 'injured'] as const;
    fc.assert(
      fc.property(
        fc.nat(1000),
        fc.integer({ min: 1, max: 1000 }),
        fc.constantFrom(...parts),
        (m, extra, f) => {
          const issues = checkIncidentCounts({ ...none, migrants: m, [f]: m + extra });
          expect(issues.map((i) => i.path)).toEqual([`people.${f}`]);
        },
      ),
    );
  });
});
