import type { IncidentCreateBody } from '@enlace/shared';
import type { Browser } from '../helpers';

/** Factory: a report body with sensible values; override what the test is about. */
export function incidentBody(overrides: Partial<IncidentCreateBody> = {}): IncidentCreateBody {
  return {
    kind: 'interception_at_sea',
    mode: 'sea',
    occurredAt: '2026-03-14T07:30:00Z',
    timeZone: 'America/Santo_Domingo',
    place: {
      name: 'Off Higüey',
      latitude: 18.61,
      longitude: -68.35,
      countryCode: 'DOM',
      maritimeZone: 'territorial_sea',
    },
    conveyance: { type: 'vessel', model: 'rustic boat', stateless: true },
    confidence: 'high',
    narrative: 'Boat intercepted at dawn; two people taken to hospital.',
    people: { migrants: 40, dead: 0, missing: null, survivors: 40, smugglersApprehended: 2 },
    modusOperandi: ['makeshift_vessel', 'overloaded_vessel'],
    route: { code: 'dominican_republic_to_puerto_rico', origin: 'DOM', destination: 'USA' },
    ...overrides,
  };
}

/** Reports an incident through the API as the signed-in browser; returns the created incident. */
export async function reportIncident(browser: Browser, overrides: Partial<IncidentCreateBody> = {}) {
  const res = await browser.post('/api/incidents', incidentBody(overrides));
  if (res.statusCode !== 201) throw new Error(`incident not created: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; version: number; countryCode: string; reference: string };
}
