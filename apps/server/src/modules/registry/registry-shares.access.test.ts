import type { Person } from '@enlace/shared';
import { describe, expect, it } from 'vitest';
import type { ShareRow } from '../../platform/shares/shares.repository';
import { personExtentOf, restrictToShare } from './registry-shares.access';

const stay = (id: string) => ({
  id,
  centreId: 'c1',
  centreName: 'Estación 1',
  unit: 'adult_women' as const,
  status: 'open' as const,
  admittedAt: '2026-11-20T09:30:00.000Z',
  releasedAt: null,
  releaseOutcome: null,
  releaseCheckPending: false,
  belongingsHeld: 0,
});

const person: Person = {
  id: 'p1',
  countryCode: 'MEX',
  givenNames: 'Ana Lucía',
  familyNames: 'Pérez Orellana',
  documentGivenNames: 'ANA LUCIA',
  documentFamilyNames: 'PEREZ ORELLANA',
  aliases: ['La Güera'],
  sex: 'female',
  birthDate: '1994-03-07',
  birthDatePrecision: 'exact',
  nationality: 'HND',
  otherNationalities: ['GTM'],
  languages: ['es'],
  documentNumber: 'HN0012345',
  mrz: null,
  documents: [
    {
      id: 'd1',
      kind: 'passport',
      number: 'G12345678',
      issuingCountry: 'HND',
      expiresOn: '2030-01-31',
      mrz: null,
      status: 'current',
      addedAt: '2026-11-20T09:00:00.000Z',
      addedByName: 'Officer',
      withdrawal: null,
    },
  ],
  photo: null,
  mergedInto: null,
  createdAt: '2026-11-20T09:00:00.000Z',
  stays: [stay('s1'), stay('s2')],
  abilities: { admit: true },
};

describe('a person as another country reads them by share', () => {
  it('keeps the identity core and drops every group and stay not shared', () => {
    const seen = restrictToShare(person, { fields: [], stayIds: [] });
    expect(seen).toMatchObject({
      givenNames: 'Ana Lucía',
      familyNames: 'Pérez Orellana',
      sex: 'female',
      birthDate: '1994-03-07',
      nationality: 'HND',
      documentGivenNames: null,
      documentFamilyNames: null,
      documentNumber: null,
      documents: [],
      aliases: [],
      otherNationalities: [],
      languages: [],
      stays: [],
      abilities: { admit: false },
      sharedWithMe: { fields: [], stayIds: [] },
    });
  });

  it('shows a group and a stay once shared, and nothing else', () => {
    const seen = restrictToShare(person, { fields: ['document', 'languages'], stayIds: ['s2'] });
    expect(seen.documentNumber).toBe('HN0012345');
    expect(seen.documents.map((d) => d.number)).toEqual(['G12345678']);
    expect(seen.documentFamilyNames).toBe('PEREZ ORELLANA');
    expect(seen.languages).toEqual(['es']);
    expect(seen.aliases).toEqual([]);
    expect(seen.otherNationalities).toEqual([]);
    expect(seen.stays.map((s) => s.id)).toEqual(['s2']);
  });

  it('reads an extent defensively: unknown groups are ignored, a missing one is empty', () => {
    const row = (extent: string | null) => ({ extent }) as ShareRow;
    expect(personExtentOf(row(null))).toEqual({ fields: [], stayIds: [] });
    expect(personExtentOf(row('{"fields":["aliases","reason"],"stayIds":["s1"]}'))).toEqual({
      fields: ['aliases'],
      stayIds: ['s1'],
    });
  });
});
