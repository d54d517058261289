import { incidentListQuerySchema, ROLE_PERMISSIONS } from '@enlace/shared';
import { describe, expect, it } from 'vitest';
import { casesLink, incidentsLink, monthEnd } from './drilldown';

const analyst = ROLE_PERMISSIONS.analyst;
const params = (href: string | null) => Object.fromEntries(new URL(href ?? '', 'http://x').searchParams);

describe('links from the dashboard to the records', () => {
  it('ends months on their last day, leap years included', () => {
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(monthEnd('2025-02')).toBe('2025-02-28');
    expect(monthEnd('2026-04')).toBe('2026-04-30');
    expect(monthEnd('2026-12')).toBe('2026-12-31');
  });

  it('carries the filters over, months as first and last days, with the names of the list query', () => {
    const href = incidentsLink(
      { from: '2025-03', to: '2026-02', country: 'MEX', region: 'americas', mode: 'land', source: 'enlace' },
      { dim: 'route', value: 'us_mexico_border' },
      analyst,
    );
    expect(href?.startsWith('/incidents?')).toBe(true);
    const p = params(href);
    expect(p).toEqual({
      from: '2025-03-01',
      to: '2026-02-28',
      country: 'MEX',
      region: 'americas',
      mode: 'land',
      route: 'us_mexico_border',
      source: 'enlace',
    });
    // Every parameter is one the incident list accepts, under the same name.
    expect(incidentListQuerySchema.safeParse(p).success).toBe(true);
  });

  it('narrows the period to the month or year clicked, within the filter’s period', () => {
    expect(params(incidentsLink({}, { dim: 'month', value: '2026-02' }, analyst))).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(params(incidentsLink({ from: '2025-06' }, { dim: 'year', value: '2025' }, analyst))).toEqual({
      from: '2025-06-01',
      to: '2025-12-31',
    });
  });

  it('makes no link the list could not honour, nor for who may not read incidents', () => {
    expect(incidentsLink({ nationality: 'HND' }, { dim: 'month', value: '2026-01' }, analyst)).toBeNull();
    expect(incidentsLink({}, { dim: 'route', value: null }, analyst)).toBeNull();
    expect(incidentsLink({}, { dim: 'month', value: '2026-13' }, analyst)).toBeNull();
    expect(incidentsLink({}, { dim: 'month', value: '2026-01' }, ROLE_PERMISSIONS.prosecutor)).toBeNull();
    expect(incidentsLink({}, { dim: 'month', value: '2026-01' }, ROLE_PERMISSIONS.observer)).toBeNull();
  });

  it('opens the cases of a stage for who reads cases, unless the period or country narrow them', () => {
    expect(casesLink({ region: 'americas', mode: 'sea' }, 'trial', ROLE_PERMISSIONS.prosecutor)).toBe(
      '/cases?stage=trial',
    );
    expect(casesLink({ from: '2026-01' }, 'trial', ROLE_PERMISSIONS.prosecutor)).toBeNull();
    expect(casesLink({ country: 'GTM' }, 'trial', ROLE_PERMISSIONS.prosecutor)).toBeNull();
    expect(casesLink({}, 'trial', ROLE_PERMISSIONS.country_admin)).toBeNull();
  });
});
