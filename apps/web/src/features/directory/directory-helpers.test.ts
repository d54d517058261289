import { describe, expect, it } from 'vitest';
import {
  channelHref,
  countryZones,
  daysLeft,
  expiresSoon,
  exportHref,
  freshnessTotal,
  freshShare,
  languageName,
  localTimeIn,
  shareColour,
  zonesCountryFirst,
} from './directory-helpers';

describe('freshness share', () => {
  it('is the verified entries over all entries, and 0 for a country with none', () => {
    expect(freshShare({ countryCode: 'MEX', entries: 8, fresh: 6 })).toBe(0.75);
    expect(freshShare({ countryCode: 'GTM', entries: 0, fresh: 0 })).toBe(0);
  });

  it('sums the region', () => {
    expect(
      freshnessTotal([
        { countryCode: 'MEX', entries: 8, fresh: 6 },
        { countryCode: 'GTM', entries: 2, fresh: 0 },
      ]),
    ).toEqual({ entries: 10, fresh: 6 });
  });

  it('colours a share red below half, orange below 80 %, green above', () => {
    expect([0.2, 0.5, 0.79, 0.8, 1].map(shareColour)).toEqual(['red', 'orange', 'orange', 'green', 'green']);
  });
});

describe('local time of a focal point', () => {
  const noonUtc = new Date('2026-03-02T12:00:00Z');
  it('is the time in the entry’s zone, not the reader’s', () => {
    expect(localTimeIn('America/Mexico_City', 'en-GB', noonUtc)).toMatch(/06:00/);
    expect(localTimeIn('America/Guatemala', 'es', noonUtc)).toMatch(/06:00/);
    expect(localTimeIn('Europe/Madrid', 'fr', noonUtc)).toMatch(/13:00/);
  });

  it('answers null for a zone the browser does not know', () => {
    expect(localTimeIn('Mars/Olympus_Mons', 'en', noonUtc)).toBeNull();
  });
});

describe('time zones', () => {
  it('lists the country’s zones first, then every other', () => {
    const all = ['Africa/Abidjan', 'America/Cancun', 'America/Mexico_City', 'America/Tijuana', 'UTC'];
    const ordered = zonesCountryFirst('MEX', all);
    expect(ordered.slice(0, 3).sort()).toEqual(['America/Cancun', 'America/Mexico_City', 'America/Tijuana']);
    expect(ordered).toHaveLength(all.length);
  });

  it('has no zones for an organisation', () => {
    expect(countryZones('IOM')).toEqual([]);
    expect(countryZones('GTM')).toEqual(['America/Guatemala']);
  });
});

describe('authorisation days left', () => {
  const today = new Date('2026-12-02T15:00:00Z');
  it('counts calendar days to the last day', () => {
    expect(daysLeft('2026-12-02', today)).toBe(0);
    expect(daysLeft('2027-01-01', today)).toBe(30);
    expect(daysLeft('2026-11-30', today)).toBe(-2);
  });

  it('warns within 30 days, only while current', () => {
    expect(expiresSoon(true, '2027-01-01', today)).toBe(true);
    expect(expiresSoon(true, '2027-01-02', today)).toBe(false);
    expect(expiresSoon(false, '2026-12-10', today)).toBe(false);
    expect(expiresSoon(true, '2026-11-30', today)).toBe(false);
  });
});

describe('channels and languages', () => {
  it('dials a phone number as digits with its +', () => {
    expect(channelHref('work_phone', '+52 (55) 1234-5678 ext. 9')).toBe('tel:+5255123456789');
    expect(channelHref('secure_email', ' enlace@sre.gob.mx ')).toBe('mailto:enlace@sre.gob.mx');
    expect(channelHref('messaging', 'Signal +52 55 1234')).toBeNull();
  });

  it('names languages in the UI language', () => {
    expect(languageName('pt', 'es')).toBe('portugués');
    expect(languageName('ht', 'en')).toBe('Haitian Creole');
  });
});

describe('export link', () => {
  it('carries the search and filters, never the paging', () => {
    expect(exportHref('csv', { q: ' josé ', filters: { country: 'MEX', stale: '1', area: undefined } })).toBe(
      '/api/directory/export?format=csv&q=jos%C3%A9&country=MEX&stale=1',
    );
  });
});
