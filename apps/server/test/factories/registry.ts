import type { AdmissionInput, CentreInput, PersonInput } from '@enlace/shared';
import type { Browser } from '../helpers';

let centres = 0;

/** Factory: a centre's request body (a unique code each time). */
export function centreBody(overrides: Partial<CentreInput> = {}): CentreInput {
  centres += 1;
  return {
    code: `EST-${centres}`,
    names: {
      es: `Estación migratoria ${centres}`,
      en: `Migration station ${centres}`,
      fr: `Station migratoire ${centres}`,
    },
    type: 'custody',
    capacity: { adult_men: 10, adult_women: 8, families: 4, unaccompanied_children: 2 },
    services: ['medical', 'consular'],
    ...overrides,
  };
}

/** Creates a centre as a supervisor's browser; returns its id. */
export async function buildCentre(
  supervisor: Browser,
  overrides: Partial<CentreInput> = {},
): Promise<string> {
  const res = await supervisor.post('/api/registry/centres', centreBody(overrides));
  if (res.statusCode !== 201) throw new Error(`centre: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

/** Factory: a person's request body. */
export function personBody(overrides: Partial<PersonInput> = {}): PersonInput {
  return {
    givenNames: 'María José',
    familyNames: 'Hernández Ávila',
    sex: 'female',
    birthDate: '1994-03-07',
    birthDatePrecision: 'exact',
    nationality: 'HND',
    languages: ['es'],
    ...overrides,
  };
}

export async function buildPerson(officer: Browser, overrides: Partial<PersonInput> = {}): Promise<string> {
  const res = await officer.post('/api/registry/persons', personBody(overrides));
  if (res.statusCode !== 201) throw new Error(`person: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

/** Factory: an admission's request body. */
export function admissionBody(
  personId: string,
  centreId: string,
  overrides: Partial<AdmissionInput> = {},
): AdmissionInput {
  return {
    personId,
    centreId,
    unit: 'adult_women',
    admittedAt: '2026-11-20T09:30:00Z',
    referringAuthority: 'Instituto Nacional de Migración, Tapachula',
    reason: 'Irregular entry, presented by the referring authority',
    custodyType: 'administrative_custody',
    attention: { kinds: ['medical', 'consular'], note: 'Asks to call her sister' },
    ...overrides,
  };
}

export async function buildStay(
  officer: Browser,
  personId: string,
  centreId: string,
  overrides: Partial<AdmissionInput> = {},
): Promise<string> {
  const res = await officer.post('/api/registry/stays', admissionBody(personId, centreId, overrides));
  if (res.statusCode !== 201) throw new Error(`stay: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}
