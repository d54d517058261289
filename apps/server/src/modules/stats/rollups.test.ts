import { describe, expect, it } from 'vitest';
import { WRITE_ORDER } from './rollup.repository';
import { cellOf, type Fact, ROLLUPS, RollupDelta } from './rollups';
import { periodRanges } from './stats.repository';

const fact = (over: Partial<Fact> = {}): Fact => ({
  month: 202601,
  country: 'MEX',
  region: 'central_america',
  mode: 'land',
  route: 'us_mexico_border',
  source: 'enlace',
  kind: 'death_disappearance',
  origin: 'HND',
  destination: 'USA',
  nationalities: ['GTM', 'HND'],
  counts: {
    migrants: 12,
    females: 5,
    males: 7,
    children: 2,
    unaccompanied_children: null,
    dead: 1,
    missing: null,
    survivors: 11,
    injured: null,
    smugglers_apprehended: 0,
  },
  breakdown: [
    { sex: 'female', ageGroup: '18-59', nationality: 'HND', count: 5 },
    { sex: 'male', ageGroup: '12-17', nationality: 'GTM', count: 2 },
    { sex: 'male', ageGroup: '18-59', nationality: '', count: 5 },
  ],
  modus: ['guided_on_foot', 'river_crossing'],
  lat: 28.7,
  lon: -100.5,
  ...over,
});

/** The monthly rows (each contribution also has a row for its whole year). */
const rows = (d: RollupDelta) =>
  [...d.rows()].filter((r) => Number(r.dims[ROLLUPS[r.name].dims.indexOf('month')]) % 100 !== 0);

describe('rollup contributions', () => {
  it('counts each contribution in its month and in its year', () => {
    const d = new RollupDelta();
    d.add(fact({ nationalities: [] }));
    d.add(fact({ nationalities: [], month: 202603 }));
    const incidents = [...d.rows()].filter((r) => r.name === 'incidents');
    expect(incidents.map((r) => [r.dims[1], r.measures[0]]).sort()).toEqual([
      [202600, 2],
      [202601, 1],
      [202603, 1],
    ]);
  });

  it('sums a year row from every table of its months, and keeps the finest map grid by year only', () => {
    const d = new RollupDelta();
    d.add(fact({ month: 202511 }));
    d.add(fact({ month: 202512, counts: { ...fact().counts, migrants: 30 } }));
    d.add(fact({ month: 202601 }));
    const years = [...d.rows()].filter(
      (r) => Number(r.dims[ROLLUPS[r.name].dims.indexOf('month')]) % 100 === 0,
    );
    const allIncidents = years.filter((r) => r.name === 'incidents' && r.dims[0] === '*');
    expect(allIncidents.map((r) => [r.dims[1], r.measures[0], r.measures[1]]).sort()).toEqual([
      [202500, 2, 42],
      [202600, 1, 12],
    ]);
    for (const name of ['flows', 'people', 'peopleNat', 'modus'] as const) {
      expect(years.some((r) => r.name === name)).toBe(true);
    }
    // The finest grid (level 1) is kept by year only: one row for 2025, one for 2026.
    const grid = years.filter((r) => r.name === 'grid' && r.dims[0] === '*');
    expect(grid.map((r) => [r.dims[1], r.dims[4], r.measures[0]]).sort()).toEqual([
      [0, 202500, 2],
      [0, 202600, 1],
      [1, 202500, 2],
      [1, 202600, 1],
    ]);
    expect(rows(d).some((r) => r.name === 'grid' && r.dims[1] === 1)).toBe(false);
  });

  it('counts an incident once in the all slice and once per nationality involved', () => {
    const d = new RollupDelta();
    d.add(fact());
    const incidents = rows(d)
      .filter((r) => r.name === 'incidents')
      .sort((a, b) => String(a.dims[0]).localeCompare(String(b.dims[0])));
    expect(incidents.map((r) => r.dims[0])).toEqual(['*', 'GTM', 'HND']);
    expect(incidents[0]?.dims).toEqual([
      '*',
      202601,
      'MEX',
      'central_america',
      'land',
      'us_mexico_border',
      'enlace',
      'death_disappearance',
    ]);
    // incidents, migrants, migrants_known, females, females_known, …, unaccompanied (unknown)
    expect(incidents[0]?.measures.slice(0, 11)).toEqual([1, 12, 1, 5, 1, 7, 1, 2, 1, 0, 0]);
  });

  it('counts persons by sex and age in their own nationality slice, unknown nationality in all only', () => {
    const d = new RollupDelta();
    d.add(fact());
    const people = rows(d).filter((r) => r.name === 'people');
    expect(people.map((r) => `${r.dims[0]} ${r.dims[7]} ${r.dims[8]} ${r.measures[0]}`).sort()).toEqual([
      '* female 18-59 5',
      '* male 12-17 2',
      '* male 18-59 5',
      'GTM male 12-17 2',
      'HND female 18-59 5',
    ]);
    const byNat = rows(d).filter((r) => r.name === 'peopleNat');
    expect(byNat.map((r) => `${r.dims[6]}:${r.measures[0]}`).sort()).toEqual([':5', 'GTM:2', 'HND:5']);
  });

  it('places located incidents in a cell of each grid level', () => {
    const d = new RollupDelta();
    d.add(fact({ nationalities: [] }));
    const grid = [...d.rows()].filter((r) => r.name === 'grid');
    expect(grid.map((r) => [...r.dims.slice(1, 4), r.dims[4]]).sort()).toEqual([
      [0, 79, 118, 202600],
      [0, 79, 118, 202601],
      [1, 397, 593, 202600],
    ]);
    expect(cellOf(1, -0.2, 0.4)).toEqual({ cx: 902, cy: 449 });
    const none = new RollupDelta();
    none.add(fact({ lat: null, lon: null }));
    expect(rows(none).some((r) => r.name === 'grid')).toBe(false);
  });

  it('nets an amendment to the changed rows only, and a removal to nothing', () => {
    const d = new RollupDelta();
    d.add(fact(), -1);
    d.add(fact({ counts: { ...fact().counts, dead: 3 } }), 1);
    const changed = rows(d);
    expect(changed.every((r) => r.name === 'incidents' || r.name === 'flows' || r.name === 'grid')).toBe(
      true,
    );
    const all = changed.find((r) => r.name === 'incidents' && r.dims[0] === '*');
    expect(all?.measures.filter((m) => m !== 0)).toEqual([2]);
    const gone = new RollupDelta();
    gone.add(fact());
    gone.add(fact(), -1);
    expect(rows(gone)).toEqual([]);
  });
});

describe('writing the rollups', () => {
  it('writes every rollup table, in one fixed order', () => {
    expect([...WRITE_ORDER].sort()).toEqual(Object.keys(ROLLUPS).sort());
  });
});

describe('periods', () => {
  it('reads whole years from year rows and the rest month by month', () => {
    expect(periodRanges(202311, 202610, false)).toEqual({
      years: [202400, 202500],
      months: [
        [202311, 202312],
        [202601, 202610],
      ],
    });
    expect(periodRanges(202401, 202412, false)).toEqual({ years: [202400], months: [] });
    expect(periodRanges(202403, 202405, false)).toEqual({ years: [], months: [[202403, 202405]] });
    expect(periodRanges(202403, 202405, true)).toEqual({ years: [], months: [[202403, 202405]] });
    const all = periodRanges(null, null, false);
    expect(all.months).toEqual([]);
    expect(all.years[0]).toBe(190000);
    expect(all.years.length).toBe(200);
  });
});
