import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCentre, buildPerson, buildStay } from '../factories/registry';
import { buildTestApp, signedIn, type TestApp } from '../helpers';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

/** Registers and admits `n` persons in a new centre of `country`. */
async function fill(
  country: string,
  people: { sex: 'female' | 'male'; nationality: string; birthDate?: string }[],
) {
  const supervisor = await signedIn(t, { role: 'centre_supervisor', countryCode: country });
  const officer = await signedIn(t, { role: 'centre_officer', countryCode: country });
  const centre = await buildCentre(supervisor.browser);
  for (const [i, p] of people.entries()) {
    const person = await buildPerson(officer.browser, {
      givenNames: `Persona ${country} ${i}`,
      familyNames: 'Aggregada Prueba',
      sex: p.sex,
      nationality: p.nationality,
      birthDate: p.birthDate ?? '1994-03-07',
    });
    await buildStay(officer.browser, person, centre, {
      unit: p.sex === 'female' ? 'adult_women' : 'adult_men',
    });
  }
}

const times = <T>(n: number, v: T): T[] => Array.from({ length: n }, () => v);

describe('regional aggregates of people in centres', () => {
  it('shows every country its neighbours’ counts by sex, age group and nationality, small cells withheld', async () => {
    await fill('GTM', [
      ...times(6, { sex: 'female' as const, nationality: 'GTM' }),
      { sex: 'female', nationality: 'SLV', birthDate: '2012-05-01' },
      ...times(5, { sex: 'male' as const, nationality: 'SLV' }),
    ]);
    await fill('HND', times(6, { sex: 'male' as const, nationality: 'HND' }));
    await fill('MEX', [{ sex: 'female', nationality: 'CUB' }]);

    const reader = await signedIn(t, { role: 'protection_officer', countryCode: 'MEX' });
    const res = await reader.browser.get('/api/registry/aggregates');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(res.body).not.toContain('Aggregada');
    expect(body.total).toEqual({ persons: 19, suppressed: false });
    // Mexico's single resident is withheld, and Honduras with it: 19 − 12 would give Mexico away.
    expect(
      body.countries.map((c: { countryCode: string; persons: number | null }) => [c.countryCode, c.persons]),
    ).toEqual([
      ['GTM', 12],
      ['HND', null],
      ['MEX', null],
    ]);
    const gtm = body.countries[0];
    expect(gtm.bySex).toEqual([
      { sex: 'male', persons: 5, suppressed: false },
      { sex: 'female', persons: 7, suppressed: false },
      { sex: 'other', persons: 0, suppressed: false },
    ]);
    // One child of 14: withheld, and the adults with it (secondary suppression).
    expect(gtm.byAgeGroup).toEqual([
      { ageGroup: '0-11', persons: 0, suppressed: false },
      { ageGroup: '12-17', persons: null, suppressed: true },
      { ageGroup: '18-59', persons: null, suppressed: true },
      { ageGroup: '60+', persons: 0, suppressed: false },
      { ageGroup: 'unknown', persons: 0, suppressed: false },
    ]);
    expect(gtm.byNationality).toEqual([
      { nationality: 'GTM', persons: 6, suppressed: false },
      { nationality: 'SLV', persons: 6, suppressed: false },
    ]);
    const mex = body.countries[2];
    expect(mex.byNationality).toEqual([{ nationality: 'CUB', persons: null, suppressed: true }]);
  });

  it('refuses a role that does not read the registry, and logs it', async () => {
    const liaison = await signedIn(t, { role: 'liaison_officer', countryCode: 'MEX' });
    const res = await liaison.browser.get('/api/registry/aggregates');
    expect(res.statusCode).toBe(403);
    const denied = await t.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'access.denied')
      .where('actor_id', '=', liaison.user.id)
      .execute();
    expect(denied.length).toBeGreaterThanOrEqual(1);
  });
});
