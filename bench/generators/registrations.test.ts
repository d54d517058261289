import { dedupe, type PersonRecord, parseCsv, tableFromRecords } from '@enlace/linkage';
import { describe, expect, it } from 'vitest';
import { scoreClusters } from '../lib/metrics';
import { generateRegistrations, REGISTRATION_COLUMNS, registrationsToCsv } from './registrations';

describe('generateRegistrations', () => {
  it('is reproducible from its seed', () => {
    expect(generateRegistrations({ persons: 200, seed: 5 })).toEqual(
      generateRegistrations({ persons: 200, seed: 5 }),
    );
    expect(generateRegistrations({ persons: 200, seed: 6 })).not.toEqual(
      generateRegistrations({ persons: 200, seed: 5 }),
    );
  });

  it('registers each person one to six times, along the route', () => {
    const regs = generateRegistrations({ persons: 2000, seed: 1 });
    const perPerson = new Map<string, number>();
    for (const r of regs) perPerson.set(r.person_id, (perPerson.get(r.person_id) ?? 0) + 1);
    const counts = [...perPerson.values()];
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...counts)).toBeLessThanOrEqual(6);
    expect(counts.filter((c) => c >= 4).length).toBeGreaterThan(100);
    expect(new Set(regs.map((r) => r.registered_in))).toEqual(
      new Set(['PAN', 'CRI', 'NIC', 'HND', 'GTM', 'MEX']),
    );
    expect(new Set(regs.map((r) => r.rec_id)).size).toBe(regs.length);
  });

  it('mixes Hispanic, Haitian and extra-continental people', () => {
    const nationalities = new Set(
      generateRegistrations({ persons: 3000, seed: 2 }).map((r) => r.nationality),
    );
    for (const n of [
      'HND',
      'GTM',
      'SLV',
      'VEN',
      'CUB',
      'HTI',
      'AFG',
      'BGD',
      'ERI',
      'ETH',
      'SOM',
      'CMR',
      'CHN',
      'IND',
    ]) {
      expect(nationalities).toContain(n);
    }
  });

  it('contains the hard negatives: different people with the same full name, and twins', () => {
    const regs = generateRegistrations({ persons: 3000, seed: 3 });
    const byName = new Map<string, Set<string>>();
    const byTwinKey = new Map<string, Set<string>>();
    for (const r of regs) {
      const name = `${r.given_names}|${r.family_names}`.toLowerCase();
      byName.set(name, (byName.get(name) ?? new Set()).add(r.person_id));
      if (r.birth_date.length === 10) {
        const key = `${r.family_names}|${r.birth_date}|${r.birth_place}`.toLowerCase();
        byTwinKey.set(key, (byTwinKey.get(key) ?? new Set()).add(r.person_id));
      }
    }
    expect([...byName.values()].filter((s) => s.size > 1).length).toBeGreaterThan(20);
    expect([...byTwinKey.values()].filter((s) => s.size > 1).length).toBeGreaterThan(5);
  });

  it('writes CSV that reads back', () => {
    const regs = generateRegistrations({ persons: 50, seed: 4 });
    const csv = parseCsv(registrationsToCsv(regs));
    expect(csv.header).toEqual([...REGISTRATION_COLUMNS]);
    expect(csv.rows).toBe(regs.length);
  });
});

describe('the engine on generated registrations', () => {
  it('deduplicates a register of the route with high precision and recall', async () => {
    const regs = generateRegistrations({ persons: 1500, seed: 11 });
    const records: PersonRecord[] = regs.map((r) => ({
      id: r.rec_id,
      given_names: r.given_names,
      family_names: r.family_names,
      sex: r.sex,
      birth_date: r.birth_date,
      nationality: r.nationality,
      document_number: r.document_number,
      birth_place: r.birth_place,
    }));
    const result = await dedupe(tableFromRecords(records));
    const score = scoreClusters(
      result.clusters,
      regs.map((r) => r.person_id),
    );
    expect(score.precision).toBeGreaterThan(0.95);
    expect(score.recall).toBeGreaterThan(0.95);
  }, 60_000);
});
