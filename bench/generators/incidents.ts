import { stringify } from 'csv-stringify/sync';
import {
  type GeneratedCase,
  type GeneratedIncident,
  generateCase,
  generateIncidents,
  prng,
} from '../../apps/server/src/seeds/demo/generator';
import { mmDate } from '../../apps/server/src/modules/incidents/incidents.export';
import { countryName } from '../../apps/server/src/modules/incidents/iso-countries';
import { MM_MONTHS, MM22_HEADERS } from '../../apps/server/src/modules/incidents/missing-migrants';

// Synthetic incidents at benchmark scale, from the same seeded generator as the demo data
// (apps/server/src/seeds/demo/generator.ts: the region's routes, hotspots, modes, reporting
// countries, nationalities, group sizes, unknown counts, seasonality and growth), spread over
// January 2015 to October 2026; cases at one for every twenty incidents; and files in the
// Missing Migrants download layout for the import benchmark.

export const FIRST_MONTH = 201501;
export const LAST_MONTH = 202610;

export function syntheticIncidents(count: number, seed = 1): Generator<GeneratedIncident> {
  return generateIncidents({ seed, count, firstMonth: FIRST_MONTH, lastMonth: LAST_MONTH });
}

/** A case for an incident of its country, opened on the incident's date. */
export function syntheticCase(r: () => number, owner: string, openedOn: string, n: number): GeneratedCase {
  return generateCase(r, owner, openedOn, '2026-11-01', n);
}

export { prng };

const MM_REGION: Record<string, string> = {
  central_america: 'Central America',
  caribbean: 'Caribbean',
  north_america: 'North America',
  south_america: 'South America',
};
const MM_ROUTE: Record<string, string> = {
  us_mexico_border: 'US-Mexico border crossing',
  darien: 'Darien',
  caribbean_to_us: 'Caribbean to US',
  caribbean_to_central_america: 'Caribbean to Central America',
  dominican_republic_to_puerto_rico: 'Dominican Republic to Puerto Rico',
  haiti_to_dominican_republic: 'Haiti to Dominican Republic',
};
const REGION_OF: Record<string, string> = {
  MEX: 'central_america',
  GTM: 'central_america',
  HND: 'central_america',
  SLV: 'central_america',
  NIC: 'central_america',
  CRI: 'central_america',
  PAN: 'central_america',
  BLZ: 'central_america',
  USA: 'north_america',
  CAN: 'north_america',
  DOM: 'caribbean',
  BHS: 'caribbean',
};
const CAUSES = [
  'Drowning',
  'Vehicle accident / death linked to hazardous transport',
  'Harsh environmental conditions / lack of adequate shelter, food, water',
  'Violence',
  'Mixed or unknown',
];

/**
 * `rows` deaths and disappearances in the Missing Migrants 22-column download layout, with its
 * quirks: dates as "Thu, 01/01/2026 - 12:00", coordinates "lat, lon" in one field, blank counts,
 * several sources in one quoted field, country names in words.
 */
export function missingMigrantsCsv(rows: number, seed = 7): string {
  const r = prng(seed);
  const out: string[][] = [[...MM22_HEADERS]];
  let n = 0;
  for (const { state } of syntheticIncidents(rows, seed)) {
    n++;
    const [y, m] = state.occurredOn.split('-');
    const country = state.place.countryCode;
    const region = country ? (MM_REGION[REGION_OF[country] ?? ''] ?? 'Central America') : 'Caribbean';
    const dead = 1 + Math.floor(r() * (state.mode === 'sea' ? 12 : 3));
    const missing = r() < 0.3 ? Math.floor(r() * 10) : r() < 0.5 ? 0 : null;
    const survivors = state.people.migrants !== null && r() < 0.4 ? state.people.migrants : null;
    const nats = [
      ...new Set([
        ...state.nationalities,
        ...state.breakdown.flatMap((b) => (b.nationality ? [b.nationality] : [])),
      ]),
    ];
    const id = `${y}.MMP${String(n).padStart(7, '0')}`;
    out.push([
      id,
      id,
      region,
      mmDate(state.occurredOn),
      y ?? '',
      MM_MONTHS[Number(m) - 1] ?? '',
      String(dead),
      missing === null ? '' : String(missing),
      survivors === null ? '' : String(survivors),
      r() < 0.3 ? String(Math.floor(r() * dead)) : '',
      r() < 0.6 ? String(dead) : '',
      r() < 0.2 ? String(Math.floor(r() * 2)) : '',
      r() < 0.5 ? 'Central America' : 'Unknown',
      CAUSES[Math.floor(r() * CAUSES.length)] ?? 'Mixed or unknown',
      // As in the real download: about half "Unknown", a few "Mixed", else one or two countries.
      r() < 0.5 || nats.length === 0
        ? r() < 0.06
          ? 'Mixed'
          : 'Unknown'
        : nats
            .slice(0, 2)
            .map((c) => countryName(c))
            .join(', '),
      `${state.place.name ?? 'Undetermined location'}, ${country ? countryName(country) : 'Unknown'}`,
      'Local press, IOM field staff',
      state.place.latitude === null ? '' : `${state.place.latitude}, ${state.place.longitude}`,
      (state.route.code && MM_ROUTE[state.route.code]) ?? '',
      'https://example.org/source/1, https://example.org/source/2',
      region,
      String(1 + Math.floor(r() * 5)),
    ]);
  }
  return stringify(out);
}
