import type { IncidentState } from '@enlace/shared';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import { fieldLabelKey, PEOPLE_ORDER } from './fields';
import { bodyOf, changedFields, formIssues, formPathOf, valuesOf } from './form-values';

const STATE: IncidentState = {
  kind: 'interception_at_sea',
  mode: 'sea',
  occurredOn: '2026-03-02',
  occurredAt: '2026-03-02T14:30:00Z',
  timeZone: 'America/Cancun',
  place: {
    name: 'Off Isla Mujeres',
    latitude: 21.3,
    longitude: -86.6,
    countryCode: 'MEX',
    region: 'central_america',
    maritimeZone: 'territorial_sea',
  },
  conveyance: {
    type: 'vessel',
    name: 'La Esperanza',
    registration: null,
    flagState: 'HND',
    model: null,
    stateless: false,
  },
  reportingAgencyId: null,
  source: { name: null, url: null, quality: null },
  confidence: 'high',
  narrative: 'Interceptada al amanecer.',
  people: {
    migrants: 23,
    females: 8,
    males: 15,
    children: 4,
    unaccompaniedChildren: null,
    dead: 0,
    missing: null,
    survivors: null,
    injured: null,
    smugglersApprehended: 2,
  },
  breakdown: [{ sex: 'female', ageGroup: '18-59', nationality: 'CUB', count: 6 }],
  nationalities: [],
  modusOperandi: ['go_fast_boat'],
  route: { code: null, origin: 'CUB', transit: [], destination: 'MEX' },
  causeOfDeath: null,
};

function lookup(key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en);
}

describe('the incident form’s values', () => {
  it('sends every count left blank as unknown (null), never as 0', () => {
    const body = bodyOf({ ...valuesOf(null), kind: 'rescue_at_sea', date: '2026-01-05' });
    for (const m of PEOPLE_ORDER) expect(body.people[m]).toBeNull();
    expect(body.occurredAt).toBeNull();
    expect(body.conveyance).toBeNull();
  });

  it('keeps a 0 as a 0', () => {
    const values = valuesOf(null);
    values.people.dead = '0';
    expect(bodyOf(values).people.dead).toBe(0);
  });

  it('reads a report back unchanged: amending it without edits changes nothing', () => {
    expect(changedFields(bodyOf(valuesOf(STATE)), STATE)).toEqual({});
  });

  it('sends only what changed, objects whole', () => {
    const values = valuesOf(STATE);
    values.people.dead = '2';
    values.modusOperandi = ['go_fast_boat', 'overloaded_vessel'];
    const changes = changedFields(bodyOf(values), STATE);
    expect(Object.keys(changes).sort()).toEqual(['modusOperandi', 'people']);
    expect(changes.people?.dead).toBe(2);
    expect(changes.people?.missing).toBeNull();
  });

  it('records the local time of the place as the UTC instant', () => {
    const values = valuesOf(STATE);
    expect(values.time).toBe('09:30');
    values.time = '10:15';
    expect(bodyOf(values).occurredAt).toBe('2026-03-02T15:15:00.000Z');
  });

  it('puts the server’s field errors under the right fields', () => {
    expect(formPathOf('occurredOn')).toBe('date');
    expect(formPathOf('occurredAt')).toBe('time');
    expect(formPathOf('route.transit.2')).toBe('route.transit');
    expect(formPathOf('people.dead')).toBe('people.dead');
    expect(formPathOf('breakdown.0.count')).toBe('breakdown.0.count');
  });

  it('has a label for every field the server may name', () => {
    const paths = Object.entries(STATE).flatMap(([k, v]) =>
      v && typeof v === 'object' && !Array.isArray(v) ? [k, ...Object.keys(v).map((s) => `${k}.${s}`)] : [k],
    );
    const missing = paths.map(fieldLabelKey).filter((key) => typeof lookup(key) !== 'string');
    expect(missing).toEqual([]);
  });
});

describe('what the incident form refuses before sending', () => {
  const base = () => ({ ...valuesOf(null), kind: 'rescue_at_sea', date: '2026-01-05' });

  it('keeps the text typed in a count and refuses 3.5 or -5 at the field', () => {
    const v = base();
    v.people.migrants = '3.5';
    v.people.dead = '-5';
    expect(formIssues(v, '2026-12-01')).toEqual({
      'people.migrants': { key: 'validation.not_integer', params: {} },
      'people.dead': { key: 'validation.too_small', params: { minimum: 0 } },
    });
    expect(v.people.migrants).toBe('3.5');
  });

  it('applies the shared counts rules, each at its field', () => {
    const v = base();
    v.people.migrants = '10';
    v.people.dead = '50';
    expect(formIssues(v, '2026-12-01')).toEqual({
      'people.dead': { key: 'errors.count_exceeds_migrants', params: { count: 50, total: 10 } },
    });
  });

  it('refuses a date before 1990 or after today', () => {
    expect(formIssues({ ...base(), date: '1900-01-01' }, '2026-12-01').date?.key).toBe(
      'errors.date_out_of_range',
    );
    expect(formIssues({ ...base(), date: '2026-12-02' }, '2026-12-01').date?.key).toBe(
      'errors.date_out_of_range',
    );
    expect(formIssues(base(), '2026-12-01')).toEqual({});
  });
});
