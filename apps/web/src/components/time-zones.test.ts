import { describe, expect, it } from 'vitest';
import {
  allTimeZones,
  byOffset,
  countryTimeZones,
  defaultTimeZone,
  formatOffset,
  offsetAt,
  zoneLabel,
} from './time-zones';

const JAN = new Date('2026-01-15T12:00:00Z');
const JUL = new Date('2026-07-15T12:00:00Z');

describe('time zones of a country', () => {
  it('lists a country’s zones by its alpha-3 code', () => {
    expect(countryTimeZones('GTM')).toEqual(['America/Guatemala']);
    const mexico = countryTimeZones('MEX');
    expect(mexico).toContain('America/Mexico_City');
    expect(mexico).toContain('America/Tijuana');
    expect(mexico).toContain('America/Cancun');
    expect(mexico).not.toContain('America/Guatemala');
    expect(countryTimeZones('XXA')).toEqual([]);
    expect(countryTimeZones(null)).toEqual([]);
  });

  it('knows UTC beside the browser’s zones', () => {
    expect(allTimeZones()).toContain('UTC');
    expect(allTimeZones()).toContain('America/Panama');
  });

  it('starts with the reader’s zone in their country, else its only zone, else the one named after it', () => {
    expect(defaultTimeZone('MEX', 'America/Tijuana')).toBe('America/Tijuana');
    expect(defaultTimeZone('MEX', 'Europe/Madrid')).toBe('America/Mexico_City');
    expect(defaultTimeZone('CRI', 'UTC')).toBe('America/Costa_Rica');
    expect(defaultTimeZone('HND', 'UTC')).toBe('America/Tegucigalpa');
    expect(defaultTimeZone('USA', 'UTC')).toBeNull();
    expect(defaultTimeZone('USA', 'America/Chicago')).toBe('America/Chicago');
    expect(defaultTimeZone(null, 'UTC')).toBeNull();
  });
});

describe('zone labels', () => {
  it('give the offset at the instant, daylight saving included', () => {
    expect(offsetAt('America/Mexico_City', JAN)).toBe(-360);
    expect(offsetAt('America/Tijuana', JAN)).toBe(-480);
    expect(offsetAt('America/Tijuana', JUL)).toBe(-420);
    expect(offsetAt('Asia/Kolkata', JAN)).toBe(330);
    expect(formatOffset(-360)).toBe('UTC\u221206:00');
    expect(formatOffset(330)).toBe('UTC+05:30');
    expect(formatOffset(0)).toBe('UTC');
  });

  it('name the city and the zone in the interface language, with the IANA name', () => {
    const es = zoneLabel('America/Tijuana', 'es', JAN);
    expect(es).toMatch(/^UTC−08:00 · Tijuana, hora .*Pacífico.* \(America\/Tijuana\)$/);
    expect(zoneLabel('America/Tijuana', 'en', JAN)).toMatch(/Pacific/);
    expect(zoneLabel('America/Tijuana', 'fr', JAN)).toMatch(/heure .*Pacifique/);
    expect(zoneLabel('America/Argentina/Buenos_Aires', 'en', JAN)).toContain(' · Buenos Aires');
    expect(zoneLabel('UTC', 'es', JAN)).toBe('UTC');
  });

  it('orders zones west to east', () => {
    expect(byOffset(['America/Cancun', 'America/Tijuana', 'America/Mexico_City'], JAN)).toEqual([
      'America/Tijuana',
      'America/Mexico_City',
      'America/Cancun',
    ]);
  });
});
