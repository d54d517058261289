import { describe, expect, it } from 'vitest';
import { REFERENCE_VOCABULARIES } from '../../seeds/reference/vocabularies';
import {
  applyPatch,
  checkState,
  diffStates,
  emptyState,
  factOf,
  localDate,
  revertChanges,
  vocabIndexOf,
} from './incident-state';

const vocab = vocabIndexOf(REFERENCE_VOCABULARIES);
const report = (patch: Parameters<typeof applyPatch>[1], owner = 'MEX') =>
  applyPatch(emptyState('interception_at_sea'), { kind: 'interception_at_sea', ...patch }, owner);

describe('incident state', () => {
  it('derives the local date from the instant in its time zone, and refuses a contradiction', () => {
    expect(localDate('2026-03-14T03:30:00.000Z', 'America/Mexico_City')).toBe('2026-03-13');
    const { state } = report({ occurredAt: '2026-03-14T03:30:00-06:00', timeZone: 'America/Mexico_City' });
    expect(state.occurredAt).toBe('2026-03-14T09:30:00.000Z');
    expect(state.occurredOn).toBe('2026-03-14');
    const bad = report({
      occurredAt: '2026-03-14T03:30:00Z',
      timeZone: 'America/Mexico_City',
      occurredOn: '2026-03-14',
    });
    expect(bad.errors).toEqual([
      { path: 'occurredOn', code: 'occurred_on_mismatch', params: { date: '2026-03-13' } },
    ]);
    expect(report({}).errors).toEqual([{ path: 'occurredOn', code: 'occurred_on_required' }]);
  });

  it('derives the region from the country, else from the reporting country, unless given', () => {
    expect(report({ occurredOn: '2026-01-01', place: { countryCode: 'HTI' } }).state.place.region).toBe(
      'caribbean',
    );
    expect(report({ occurredOn: '2026-01-01' }, 'PAN').state.place.region).toBe('central_america');
    expect(
      report({ occurredOn: '2026-01-01', place: { countryCode: 'HTI', region: 'north_america' } }).state.place
        .region,
    ).toBe('north_america');
    const moved = applyPatch(
      report({ occurredOn: '2026-01-01', place: { countryCode: 'HTI' } }).state,
      { place: { countryCode: 'USA' } },
      'MEX',
    );
    expect(moved.state.place.region).toBe('north_america');
  });

  it('derives totals from a breakdown where it can, and leaves the rest unknown', () => {
    const { state } = report({
      occurredOn: '2026-01-01',
      breakdown: [
        { sex: 'female', ageGroup: '18-59', nationality: 'CUB', count: 4 },
        { sex: 'unknown', ageGroup: '0-11', nationality: null, count: 2 },
      ],
    });
    expect(state.people).toMatchObject({ migrants: 6, females: null, males: null, children: 2 });
  });

  it('checks terms, countries, coherence of sea fields and counts', () => {
    const { state } = report({
      occurredOn: '2026-01-01',
      mode: 'land',
      place: { maritimeZone: 'high_seas', latitude: 10 },
      conveyance: { type: 'vehicle', stateless: true },
      people: { migrants: 3, children: 4, unaccompaniedChildren: 1 },
      modusOperandi: ['teleport'],
      route: { origin: 'XYZ' },
    });
    const codes = checkState(state, vocab, '2026-12-01').map((e) => `${e.path}:${e.code}`);
    expect(codes).toEqual([
      'modusOperandi.0:unknown_term',
      'route.origin:unknown_country_code',
      'place.latitude:coordinates_incomplete',
      'place.maritimeZone:maritime_zone_requires_sea',
      'conveyance.stateless:stateless_vessels_only',
      'people.children:count_exceeds_migrants',
    ]);
    expect(checkState(report({ occurredOn: '2027-01-01' }).state, vocab, '2026-12-01')[0]?.code).toBe(
      'date_out_of_range',
    );
  });

  it('records a change field by field and reverts it', () => {
    const first = report({ occurredOn: '2026-01-01', people: { dead: 2 }, narrative: 'first' }).state;
    const next = applyPatch(first, { people: { dead: 3 }, narrative: 'second' }, 'MEX').state;
    const changes = diffStates(first, next);
    expect(changes).toEqual([
      { field: 'narrative', before: 'first', after: 'second' },
      { field: 'people.dead', before: 2, after: 3 },
    ]);
    expect(revertChanges(next, changes)).toEqual(first);
  });

  it('gives the statistics its dimensions, unknowns as empty', () => {
    const fact = factOf(
      report({ occurredOn: '2026-02-03', mode: 'sea', nationalities: ['HTI', 'CUB'] }).state,
      'missing_migrants',
    );
    expect(fact).toMatchObject({
      month: 202602,
      mode: 'sea',
      route: '',
      country: '',
      source: 'missing_migrants',
      nationalities: ['CUB', 'HTI'],
    });
    expect(fact.counts.dead).toBeNull();
  });
});

describe('incident rows', () => {
  it('lists their columns in table order, as bulk inserts take them', async () => {
    const { rowOf } = await import('./incident-row');
    const { INCIDENT_COLUMNS } = await import('./incidents.repository');
    const row = rowOf(
      report({ occurredOn: '2026-01-01' }).state,
      {
        id: 'x',
        countryCode: 'MEX',
        reference: 'r',
        source: 'enlace',
        externalId: null,
        sourceExtra: null,
        version: 1,
        isDemo: false,
        createdAt: 'a',
        createdBy: null,
        updatedAt: 'a',
        updatedBy: null,
      },
      null,
      'pr',
    );
    expect(Object.keys(row)).toEqual(INCIDENT_COLUMNS.map((c) => c.name));
  });
});
