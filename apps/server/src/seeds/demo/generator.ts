import type {
  AgeGroup,
  BreakdownEntry,
  CaseStage,
  ConveyanceType,
  IncidentState,
  Sex,
  TransportMode,
} from '@enlace/shared';
import type { CaseBulkInput } from '../../modules/cases/cases.service';

/**
 * Synthetic incidents and cases for the demo data and the benchmark: deterministic (seeded), and
 * shaped like the region's reality — routes with their hotspots, modes, reporting countries,
 * nationalities, group sizes, deaths mostly at sea and on the border, unknown counts, seasonality
 * and growth over the years. Nothing here describes a real person or event.
 */

/** mulberry32: small, fast, good enough for synthetic data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
function weighted<T>(r: Rand, xs: readonly (readonly [T, number])[]): T {
  const total = xs.reduce((a, [, w]) => a + w, 0);
  let x = r() * total;
  for (const [v, w] of xs) {
    x -= w;
    if (x <= 0) return v;
  }
  return (xs[xs.length - 1] as readonly [T, number])[0];
}
/** Box–Muller normal. */
function normal(r: Rand): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}
/** A group size: log-normal around `median`, at least 1, at most `max`. */
function groupSize(r: Rand, median: number, spread: number, max: number): number {
  return Math.max(1, Math.min(max, Math.round(median * Math.exp(spread * normal(r)))));
}

interface Hotspot {
  lat: number;
  lon: number;
  /** Degrees of scatter. */
  spread: number;
  country: string | null;
  name: string;
  zone?: string;
  tz: string;
}

interface Scenario {
  route: string | null;
  mode: TransportMode;
  weight: number;
  /** Who reports: the tenants. */
  owners: readonly (readonly [string, number])[];
  kinds: readonly (readonly [string, number])[];
  hotspots: readonly Hotspot[];
  nationalities: readonly (readonly [string, number])[];
  destination: string | null;
  groupMedian: number;
  groupMax: number;
  conveyance: ConveyanceType | null;
  modus: readonly string[];
  /** Probability that a death/disappearance kind also has missing persons. */
  missingRate: number;
}

const S = (
  lat: number,
  lon: number,
  spread: number,
  country: string | null,
  name: string,
  tz: string,
  zone?: string,
): Hotspot => ({
  lat,
  lon,
  spread,
  country,
  name,
  tz,
  ...(zone ? { zone } : {}),
});

export const SCENARIOS: readonly Scenario[] = [
  {
    route: 'us_mexico_border',
    mode: 'land',
    weight: 26,
    owners: [
      ['MEX', 6],
      ['USA', 4],
    ],
    kinds: [
      ['border_post_detection', 4],
      ['transit_detection', 3],
      ['smuggler_apprehension', 2],
      ['death_disappearance', 1.2],
    ],
    hotspots: [
      S(31.72, -106.45, 0.15, 'MEX', 'Ciudad Juárez, Chihuahua', 'America/Ciudad_Juarez'),
      S(28.7, -100.52, 0.12, 'MEX', 'Piedras Negras, Coahuila', 'America/Matamoros'),
      S(27.48, -99.52, 0.12, 'MEX', 'Nuevo Laredo, Tamaulipas', 'America/Matamoros'),
      S(26.08, -98.29, 0.15, 'MEX', 'Reynosa, Tamaulipas', 'America/Matamoros'),
      S(32.53, -117.03, 0.1, 'MEX', 'Tijuana, Baja California', 'America/Tijuana'),
      S(31.4, -111.2, 0.4, 'USA', 'Sonoran Desert, Arizona', 'America/Phoenix'),
      S(26.2, -98.1, 0.2, 'USA', 'Rio Grande Valley, Texas', 'America/Chicago'),
      S(31.76, -106.49, 0.08, 'USA', 'El Paso, Texas', 'America/Denver'),
    ],
    nationalities: [
      ['MEX', 30],
      ['GTM', 18],
      ['HND', 16],
      ['SLV', 8],
      ['VEN', 7],
      ['CUB', 5],
      ['ECU', 5],
      ['COL', 4],
      ['HTI', 3],
      ['NIC', 3],
      ['CHN', 1],
    ],
    destination: 'USA',
    groupMedian: 7,
    groupMax: 180,
    conveyance: 'vehicle',
    modus: [
      'guided_on_foot',
      'river_crossing',
      'tractor_trailer',
      'concealment_in_vehicle',
      'stash_house',
      'staged_payments',
    ],
    missingRate: 0.15,
  },
  {
    route: 'central_america_to_us',
    mode: 'land',
    weight: 14,
    owners: [
      ['MEX', 6],
      ['GTM', 3],
    ],
    kinds: [
      ['transit_detection', 5],
      ['smuggler_apprehension', 2],
      ['border_post_detection', 1],
      ['death_disappearance', 0.4],
    ],
    hotspots: [
      S(18.85, -97.1, 0.3, 'MEX', 'Orizaba, Veracruz', 'America/Mexico_City'),
      S(19.43, -99.13, 0.2, 'MEX', 'Ciudad de México', 'America/Mexico_City'),
      S(17.99, -92.93, 0.25, 'MEX', 'Villahermosa, Tabasco', 'America/Mexico_City'),
      S(25.67, -100.31, 0.2, 'MEX', 'Monterrey, Nuevo León', 'America/Monterrey'),
      S(14.63, -90.51, 0.15, 'GTM', 'Ciudad de Guatemala', 'America/Guatemala'),
    ],
    nationalities: [
      ['GTM', 25],
      ['HND', 25],
      ['SLV', 12],
      ['NIC', 6],
      ['VEN', 8],
      ['CUB', 6],
      ['HTI', 5],
      ['ECU', 5],
      ['IND', 2],
    ],
    destination: 'USA',
    groupMedian: 14,
    groupMax: 300,
    conveyance: 'vehicle',
    modus: [
      'tractor_trailer',
      'concealment_in_vehicle',
      'freight_train',
      'stash_house',
      'kidnapping_extortion',
      'corruption_of_officials',
    ],
    missingRate: 0.05,
  },
  {
    route: 'guatemala_mexico_border',
    mode: 'land',
    weight: 10,
    owners: [
      ['MEX', 5],
      ['GTM', 4],
    ],
    kinds: [
      ['border_post_detection', 4],
      ['transit_detection', 2],
      ['smuggler_apprehension', 1],
      ['death_disappearance', 0.3],
    ],
    hotspots: [
      S(14.9, -92.26, 0.12, 'MEX', 'Tapachula, Chiapas', 'America/Mexico_City'),
      S(14.68, -92.14, 0.05, 'GTM', 'Tecún Umán, San Marcos', 'America/Guatemala'),
      S(16.25, -91.98, 0.15, 'MEX', 'Frontera Comalapa, Chiapas', 'America/Mexico_City'),
      S(17.4, -91.4, 0.3, 'GTM', 'El Ceibo, Petén', 'America/Guatemala'),
    ],
    nationalities: [
      ['HND', 28],
      ['GTM', 20],
      ['SLV', 10],
      ['VEN', 12],
      ['CUB', 8],
      ['HTI', 8],
      ['NIC', 6],
      ['ECU', 4],
    ],
    destination: 'MEX',
    groupMedian: 9,
    groupMax: 120,
    conveyance: null,
    modus: ['guided_on_foot', 'river_crossing', 'concealment_in_vehicle', 'online_recruitment'],
    missingRate: 0.05,
  },
  {
    route: 'darien',
    mode: 'land',
    weight: 12,
    owners: [
      ['PAN', 6],
      ['CRI', 3],
      ['HND', 2],
      ['NIC', 1],
    ],
    kinds: [
      ['transit_detection', 5],
      ['border_post_detection', 2],
      ['smuggler_apprehension', 1],
      ['death_disappearance', 0.6],
    ],
    hotspots: [
      S(8.05, -77.6, 0.15, 'PAN', 'Bajo Chiquito, Darién', 'America/Panama'),
      S(8.3, -77.9, 0.1, 'PAN', 'Lajas Blancas, Darién', 'America/Panama'),
      S(8.55, -82.84, 0.05, 'CRI', 'Paso Canoas, Puntarenas', 'America/Costa_Rica'),
      S(11.21, -85.61, 0.05, 'CRI', 'Peñas Blancas, Guanacaste', 'America/Costa_Rica'),
      S(14.03, -86.57, 0.1, 'HND', 'Danlí, El Paraíso', 'America/Tegucigalpa'),
      S(13.07, -86.35, 0.2, 'NIC', 'Estelí', 'America/Managua'),
    ],
    nationalities: [
      ['VEN', 40],
      ['ECU', 12],
      ['HTI', 10],
      ['COL', 6],
      ['CHN', 6],
      ['AFG', 3],
      ['CMR', 2],
      ['IND', 2],
      ['PER', 2],
    ],
    destination: 'USA',
    groupMedian: 18,
    groupMax: 400,
    conveyance: null,
    modus: ['guided_on_foot', 'river_crossing', 'online_recruitment', 'staged_payments'],
    missingRate: 0.3,
  },
  {
    route: 'caribbean_to_us',
    mode: 'sea',
    weight: 8,
    owners: [
      ['USA', 6],
      ['BHS', 3],
      ['DOM', 1],
    ],
    kinds: [
      ['interception_at_sea', 6],
      ['rescue_at_sea', 2],
      ['death_disappearance', 1],
      ['smuggler_apprehension', 0.5],
    ],
    hotspots: [
      S(24.3, -81.0, 0.4, 'USA', 'Florida Straits', 'America/New_York', 'exclusive_economic_zone'),
      S(24.6, -81.7, 0.1, 'USA', 'Off Key West', 'America/New_York', 'territorial_sea'),
      S(25.05, -77.4, 0.3, 'BHS', 'Off New Providence', 'America/Nassau', 'territorial_sea'),
      S(22.5, -75.8, 0.5, 'BHS', 'Ragged Island', 'America/Nassau', 'contiguous_zone'),
      S(20.0, -73.9, 0.3, null, 'Windward Passage', 'America/Port-au-Prince', 'high_seas'),
    ],
    nationalities: [
      ['CUB', 50],
      ['HTI', 40],
      ['DOM', 8],
      ['JAM', 2],
    ],
    destination: 'USA',
    groupMedian: 25,
    groupMax: 250,
    conveyance: 'vessel',
    modus: ['makeshift_vessel', 'overloaded_vessel', 'go_fast_boat', 'mother_ship'],
    missingRate: 0.5,
  },
  {
    route: 'dominican_republic_to_puerto_rico',
    mode: 'sea',
    weight: 4,
    owners: [
      ['DOM', 6],
      ['USA', 4],
    ],
    kinds: [
      ['interception_at_sea', 6],
      ['rescue_at_sea', 1],
      ['death_disappearance', 1],
    ],
    hotspots: [
      S(18.3, -67.9, 0.2, null, 'Mona Passage', 'America/Santo_Domingo', 'exclusive_economic_zone'),
      S(18.6, -68.35, 0.1, 'DOM', 'Off Higüey, La Altagracia', 'America/Santo_Domingo', 'territorial_sea'),
      S(18.15, -67.25, 0.1, 'USA', 'Off Aguadilla, Puerto Rico', 'America/Puerto_Rico', 'territorial_sea'),
    ],
    nationalities: [
      ['DOM', 70],
      ['HTI', 20],
      ['VEN', 10],
    ],
    destination: 'USA',
    groupMedian: 30,
    groupMax: 150,
    conveyance: 'vessel',
    modus: ['makeshift_vessel', 'overloaded_vessel', 'staged_payments'],
    missingRate: 0.5,
  },
  {
    route: 'haiti_to_dominican_republic',
    mode: 'land',
    weight: 7,
    owners: [['DOM', 1]],
    kinds: [
      ['border_post_detection', 5],
      ['transit_detection', 3],
      ['smuggler_apprehension', 1],
      ['death_disappearance', 0.2],
    ],
    hotspots: [
      S(19.55, -71.71, 0.05, 'DOM', 'Dajabón', 'America/Santo_Domingo'),
      S(18.88, -71.7, 0.08, 'DOM', 'Elías Piña', 'America/Santo_Domingo'),
      S(18.49, -71.85, 0.05, 'DOM', 'Jimaní, Independencia', 'America/Santo_Domingo'),
      S(18.45, -69.95, 0.1, 'DOM', 'Santo Domingo', 'America/Santo_Domingo'),
    ],
    nationalities: [['HTI', 1]],
    destination: 'DOM',
    groupMedian: 10,
    groupMax: 90,
    conveyance: 'vehicle',
    modus: ['guided_on_foot', 'concealment_in_vehicle', 'corruption_of_officials', 'fraudulent_documents'],
    missingRate: 0.05,
  },
  {
    route: 'caribbean_to_central_america',
    mode: 'sea',
    weight: 4,
    owners: [
      ['MEX', 4],
      ['BLZ', 1],
      ['HND', 1],
    ],
    kinds: [
      ['interception_at_sea', 5],
      ['rescue_at_sea', 2],
      ['death_disappearance', 0.8],
    ],
    hotspots: [
      S(21.2, -86.7, 0.2, 'MEX', 'Off Isla Mujeres, Quintana Roo', 'America/Cancun', 'territorial_sea'),
      S(18.6, -87.3, 0.2, 'MEX', 'Banco Chinchorro, Quintana Roo', 'America/Cancun', 'contiguous_zone'),
      S(17.5, -88.0, 0.2, 'BLZ', 'Off Belize City', 'America/Belize', 'territorial_sea'),
      S(15.9, -84.3, 0.3, 'HND', 'Off La Mosquitia', 'America/Tegucigalpa', 'exclusive_economic_zone'),
    ],
    nationalities: [
      ['CUB', 70],
      ['HTI', 20],
      ['VEN', 10],
    ],
    destination: 'MEX',
    groupMedian: 20,
    groupMax: 120,
    conveyance: 'vessel',
    modus: ['go_fast_boat', 'makeshift_vessel', 'mother_ship', 'overloaded_vessel'],
    missingRate: 0.4,
  },
  {
    route: 'pacific_corridor',
    mode: 'sea',
    weight: 4,
    owners: [
      ['GTM', 2],
      ['MEX', 2],
      ['CRI', 2],
      ['SLV', 1],
    ],
    kinds: [
      ['interception_at_sea', 5],
      ['smuggler_apprehension', 2],
      ['death_disappearance', 0.5],
    ],
    hotspots: [
      S(13.8, -91.4, 0.3, 'GTM', 'Off Puerto San José, Escuintla', 'America/Guatemala', 'territorial_sea'),
      S(
        15.6,
        -96.5,
        0.3,
        'MEX',
        'Off Puerto Escondido, Oaxaca',
        'America/Mexico_City',
        'exclusive_economic_zone',
      ),
      S(9.6, -85.4, 0.3, 'CRI', 'Off Cabo Blanco, Puntarenas', 'America/Costa_Rica', 'contiguous_zone'),
      S(13.1, -89.5, 0.2, 'SLV', 'Off La Libertad', 'America/El_Salvador', 'territorial_sea'),
      S(11.0, -92.0, 0.6, null, 'Eastern Pacific', 'America/Guatemala', 'high_seas'),
    ],
    nationalities: [
      ['ECU', 35],
      ['COL', 15],
      ['CHN', 15],
      ['IND', 10],
      ['PER', 10],
      ['NPL', 5],
      ['BGD', 5],
    ],
    destination: 'MEX',
    groupMedian: 22,
    groupMax: 200,
    conveyance: 'vessel',
    modus: ['go_fast_boat', 'fishing_vessel_cover', 'mother_ship', 'overloaded_vessel'],
    missingRate: 0.3,
  },
  {
    route: 'air_arrivals_central_america',
    mode: 'air',
    weight: 8,
    owners: [
      ['MEX', 3],
      ['SLV', 2],
      ['NIC', 1],
      ['PAN', 2],
      ['CRI', 1],
      ['GTM', 1],
      ['CAN', 2],
    ],
    kinds: [
      ['document_fraud_airport', 6],
      ['border_post_detection', 3],
      ['smuggler_apprehension', 1],
    ],
    hotspots: [
      S(19.44, -99.07, 0.01, 'MEX', 'Aeropuerto Internacional de la Ciudad de México', 'America/Mexico_City'),
      S(21.04, -86.87, 0.01, 'MEX', 'Aeropuerto Internacional de Cancún', 'America/Cancun'),
      S(13.44, -89.06, 0.01, 'SLV', 'Aeropuerto Internacional de El Salvador', 'America/El_Salvador'),
      S(12.14, -86.17, 0.01, 'NIC', 'Aeropuerto Internacional de Managua', 'America/Managua'),
      S(9.07, -79.38, 0.01, 'PAN', 'Aeropuerto Internacional de Tocumen', 'America/Panama'),
      S(9.99, -84.2, 0.01, 'CRI', 'Aeropuerto Internacional Juan Santamaría', 'America/Costa_Rica'),
      S(14.58, -90.53, 0.01, 'GTM', 'Aeropuerto Internacional La Aurora', 'America/Guatemala'),
      S(43.68, -79.63, 0.01, 'CAN', 'Toronto Pearson International Airport', 'America/Toronto'),
      S(45.47, -73.74, 0.01, 'CAN', 'Montréal-Trudeau International Airport', 'America/Toronto'),
    ],
    nationalities: [
      ['IND', 18],
      ['CHN', 12],
      ['HTI', 10],
      ['CUB', 10],
      ['SEN', 8],
      ['CMR', 6],
      ['NPL', 6],
      ['VEN', 8],
      ['MEX', 6],
      ['UZB', 4],
      ['MAR', 4],
    ],
    destination: 'USA',
    groupMedian: 2,
    groupMax: 12,
    conveyance: 'aircraft',
    modus: [
      'fraudulent_documents',
      'impostor_documents',
      'fraudulent_visa',
      'air_transit_abuse',
      'tourism_cover',
    ],
    missingRate: 0,
  },
  {
    route: null,
    mode: 'land',
    weight: 3,
    owners: [
      ['CAN', 3],
      ['USA', 2],
    ],
    kinds: [
      ['border_post_detection', 4],
      ['transit_detection', 2],
      ['smuggler_apprehension', 1],
      ['death_disappearance', 0.2],
    ],
    hotspots: [
      S(45.01, -73.46, 0.05, 'CAN', 'Lacolle, Québec', 'America/Toronto'),
      S(45.0, -71.5, 0.3, 'USA', 'Northern Vermont', 'America/New_York'),
      S(49.0, -97.2, 0.3, 'CAN', 'Emerson, Manitoba', 'America/Winnipeg'),
      S(44.99, -74.7, 0.1, 'CAN', 'Akwesasne, Ontario', 'America/Toronto'),
    ],
    nationalities: [
      ['MEX', 25],
      ['IND', 25],
      ['HTI', 15],
      ['NGA', 10],
      ['COL', 10],
      ['ROU', 5],
    ],
    destination: 'USA',
    groupMedian: 4,
    groupMax: 30,
    conveyance: 'vehicle',
    modus: ['guided_on_foot', 'concealment_in_vehicle', 'online_recruitment'],
    missingRate: 0.2,
  },
];

export interface GeneratedIncident {
  owner: string;
  state: IncidentState;
}

const SEX_AGE: readonly (readonly [[Sex, AgeGroup], number])[] = [
  [['male', '18-59'], 54],
  [['female', '18-59'], 25],
  [['male', '12-17'], 5],
  [['female', '12-17'], 3],
  [['male', '0-11'], 5],
  [['female', '0-11'], 5],
  [['male', '60+'], 1.5],
  [['female', '60+'], 1.5],
];
/** Some reports cannot tell everyone's sex or age. */
const SEX_AGE_PARTIAL: readonly (readonly [[Sex, AgeGroup], number])[] = [
  ...SEX_AGE,
  [['unknown', 'unknown'], 10],
  [['male', 'unknown'], 6],
  [['female', 'unknown'], 3],
];

/**
 * `count` incidents spread over the months [firstMonth, lastMonth] (yyyymm), growing ~8% a
 * year with a seasonal swing. The same seed gives the same incidents.
 */
export function* generateIncidents(opts: {
  seed: number;
  count: number;
  firstMonth: number;
  lastMonth: number;
  /** Narratives make a demo readable; the benchmark leaves them out. */
  narratives?: boolean;
}): Generator<GeneratedIncident> {
  const r = prng(opts.seed);
  const months: { month: number; weight: number }[] = [];
  for (let m = opts.firstMonth; m <= opts.lastMonth; ) {
    const year = Math.floor(m / 100);
    const mon = m % 100;
    const years = year - Math.floor(opts.firstMonth / 100);
    const season = 1 + 0.25 * Math.sin(((mon - 3) / 12) * 2 * Math.PI);
    months.push({ month: m, weight: 1.08 ** years * season });
    m = mon === 12 ? (year + 1) * 100 + 1 : m + 1;
  }
  const totalWeight = months.reduce((a, x) => a + x.weight, 0);
  const scenarios = SCENARIOS.map((s) => [s, s.weight] as const);
  let emitted = 0;
  let cumulative = 0;
  for (const { month, weight } of months) {
    cumulative += weight;
    const due = Math.min(opts.count, Math.round((opts.count * cumulative) / totalWeight));
    for (; emitted < due; emitted++)
      yield incident(r, weighted(r, scenarios), month, opts.narratives ?? false);
  }
}

function incident(r: Rand, sc: Scenario, month: number, narratives: boolean): GeneratedIncident {
  const owner = weighted(r, sc.owners);
  const kind = weighted(r, sc.kinds);
  const spot = pick(r, sc.hotspots);
  const year = Math.floor(month / 100);
  const mon = month % 100;
  const days = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  const day = 1 + Math.floor(r() * days);
  const occurredOn = `${year}-${String(mon).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const timeKnown = r() < 0.6;
  const hour = Math.floor(r() * 24);
  const lat = Math.round((spot.lat + normal(r) * spot.spread) * 1e5) / 1e5;
  const lon = Math.round((spot.lon + normal(r) * spot.spread) * 1e5) / 1e5;
  const located = r() < 0.93;

  const size = groupSize(r, sc.groupMedian, 0.9, sc.groupMax);
  const migrantsKnown = r() < 0.95;
  const death = kind === 'death_disappearance';
  const sea = sc.mode === 'sea';
  let dead = 0;
  let missing = 0;
  if (death) {
    dead = sea ? groupSize(r, 3, 1, Math.max(1, size)) : groupSize(r, 1.3, 0.6, Math.max(1, size));
    if (r() < sc.missingRate) missing = groupSize(r, sea ? 6 : 2, 1, Math.max(1, size * 2));
  } else if (kind === 'rescue_at_sea' && r() < 0.1) {
    dead = 1 + Math.floor(r() * 3);
  }
  const migrants = Math.max(size, dead + missing);
  const survivors = Math.max(0, migrants - dead - missing);

  const natCount = sc.nationalities.length === 1 ? 1 : 1 + (r() < 0.45 ? 1 : 0) + (r() < 0.15 ? 1 : 0);
  const nats: string[] = [];
  for (let i = 0; i < natCount * 3 && nats.length < natCount; i++) {
    const n = weighted(r, sc.nationalities);
    if (!nats.includes(n)) nats.push(n);
  }
  const breakdown: BreakdownEntry[] = [];
  const detailed = migrantsKnown && r() < 0.7;
  if (detailed) {
    const cells = new Map<string, BreakdownEntry>();
    const natUnknown = r() < 0.1;
    const profile = r() < 0.15 ? SEX_AGE_PARTIAL : SEX_AGE;
    for (let p = 0; p < migrants; p++) {
      const [sex, ageGroup] = weighted(r, profile);
      const nationality = natUnknown && r() < 0.5 ? null : ((r() < 0.7 ? nats[0] : pick(r, nats)) ?? null);
      const key = `${sex}|${ageGroup}|${nationality ?? ''}`;
      const cell = cells.get(key);
      if (cell) cell.count++;
      else cells.set(key, { sex, ageGroup, nationality, count: 1 });
    }
    breakdown.push(...cells.values());
  }
  const sum = (pick: (b: BreakdownEntry) => boolean) =>
    breakdown.filter(pick).reduce((a, b) => a + b.count, 0);
  const anySexUnknown = breakdown.some((b) => b.sex === 'unknown');
  const anyAgeUnknown = breakdown.some((b) => b.ageGroup === 'unknown');
  const children =
    detailed && !anyAgeUnknown ? sum((b) => b.ageGroup === '0-11' || b.ageGroup === '12-17') : null;
  const teens = sum((b) => b.ageGroup === '12-17');
  const unaccompanied = detailed ? Math.min(teens, Math.round(teens * r() * 0.6)) : r() < 0.3 ? 0 : null;

  const smugglers =
    kind === 'smuggler_apprehension'
      ? 1 + Math.floor(r() * 6)
      : r() < 0.6
        ? r() < 0.2
          ? 1 + Math.floor(r() * 2)
          : 0
        : null;
  const conveyance =
    sc.conveyance && r() < 0.8
      ? {
          type: sc.conveyance,
          name:
            sc.conveyance === 'aircraft'
              ? `${pick(r, ['AM', 'CM', 'AV', 'TA', 'AC', 'UA'])}${100 + Math.floor(r() * 900)}`
              : null,
          registration:
            sc.conveyance === 'vehicle' && r() < 0.5 ? `DEMO-${Math.floor(r() * 9000) + 1000}` : null,
          flagState: sc.conveyance === 'vessel' && r() < 0.3 ? owner : null,
          model:
            sc.conveyance === 'vessel'
              ? pick(r, ['rustic boat', 'go-fast boat', 'fishing vessel', 'raft'])
              : sc.conveyance === 'vehicle'
                ? pick(r, ['tractor-trailer', 'van', 'pick-up truck', 'bus', 'car'])
                : 'commercial flight',
          stateless: sc.conveyance === 'vessel' ? (r() < 0.6 ? null : r() < 0.7) : null,
        }
      : null;
  if (conveyance?.stateless) conveyance.flagState = null;
  const modus = sc.modus.filter(() => r() < 0.35).slice(0, 3);
  const origin = nats.length === 1 ? (nats[0] ?? null) : null;
  const quality = r();

  const state: IncidentState = {
    kind,
    mode: sc.mode,
    occurredOn,
    occurredAt: null,
    timeZone: timeKnown ? spot.tz : null,
    place: {
      name: spot.name,
      latitude: located ? lat : null,
      longitude: located ? lon : null,
      countryCode: spot.country,
      region: null,
      maritimeZone: sea ? (spot.zone ?? null) : null,
    },
    conveyance,
    reportingAgencyId: null,
    source: { name: null, url: null, quality: null },
    confidence: quality < 0.6 ? 'high' : quality < 0.9 ? 'medium' : 'low',
    narrative: narratives
      ? `(demo) ${kindText[kind] ?? 'Incident'} near ${spot.name}: ${migrantsKnown ? migrants : 'an unknown number of'} migrants.`
      : null,
    people: {
      migrants: migrantsKnown ? migrants : null,
      females: detailed && !anySexUnknown ? sum((b) => b.sex === 'female') : null,
      males: detailed && !anySexUnknown ? sum((b) => b.sex === 'male') : null,
      children,
      unaccompaniedChildren:
        children !== null && unaccompanied !== null ? Math.min(unaccompanied, children) : null,
      dead: death || sea || r() < 0.7 ? dead : null,
      missing: death || sea ? missing : null,
      survivors: death || sea ? survivors : null,
      injured: r() < 0.5 ? (r() < 0.15 ? Math.min(migrants, 1 + Math.floor(r() * 4)) : 0) : null,
      smugglersApprehended: smugglers,
    },
    breakdown,
    nationalities: detailed ? [] : nats,
    modusOperandi: modus,
    route: { code: sc.route, origin, transit: [], destination: sc.destination },
    causeOfDeath: death
      ? sea
        ? 'Drowning'
        : pick(r, ['Drowning', 'Harsh environmental conditions', 'Vehicle accident', 'Violence'])
      : null,
  };
  if (timeKnown) {
    // A local hour, stated as the UTC instant it was (offsets of the region's zones, ignoring DST).
    const offset = TZ_OFFSETS[spot.tz] ?? -6;
    const utc = new Date(Date.UTC(year, mon - 1, day, hour - offset, Math.floor(r() * 60)));
    state.occurredAt = utc.toISOString();
  }
  return { owner, state };
}

const kindText: Record<string, string> = {
  interception_at_sea: 'Interception at sea',
  rescue_at_sea: 'Rescue at sea',
  border_post_detection: 'Detection at a border post',
  transit_detection: 'Detection in transit',
  smuggler_apprehension: 'Apprehension of smugglers',
  document_fraud_airport: 'Document fraud at an airport',
  death_disappearance: 'Death or disappearance',
};

const TZ_OFFSETS: Record<string, number> = {
  'America/Ciudad_Juarez': -6,
  'America/Matamoros': -6,
  'America/Tijuana': -8,
  'America/Phoenix': -7,
  'America/Chicago': -6,
  'America/Denver': -7,
  'America/Mexico_City': -6,
  'America/Monterrey': -6,
  'America/Guatemala': -6,
  'America/Panama': -5,
  'America/Costa_Rica': -6,
  'America/Tegucigalpa': -6,
  'America/Managua': -6,
  'America/New_York': -5,
  'America/Nassau': -5,
  'America/Port-au-Prince': -5,
  'America/Santo_Domingo': -4,
  'America/Puerto_Rico': -4,
  'America/Cancun': -5,
  'America/Belize': -6,
  'America/El_Salvador': -6,
  'America/Toronto': -5,
  'America/Winnipeg': -6,
};

/** A generated case: the cases module's bulk input, before it is linked to incidents. */
export type GeneratedCase = Omit<CaseBulkInput, 'incidentIds'>;

const GIVEN = [
  'Juan',
  'María',
  'José',
  'Ana',
  'Luis',
  'Rosa',
  'Carlos',
  'Elena',
  'Pedro',
  'Lucía',
  'Jean',
  'Marie',
  'Miguel',
  'Sofía',
];
const FAMILY = [
  'Pérez',
  'López',
  'Martínez',
  'García',
  'Hernández',
  'Rodríguez',
  'Joseph',
  'Pierre',
  'Castillo',
  'Morales',
  'Ramírez',
  'Cruz',
];
const ORGS = [
  'Los del Norte',
  'Red del Golfo',
  'Grupo Frontera',
  'Transportes Rápidos',
  'La Ruta',
  'Agencia Viajes Sol',
];
const CURRENCY: Record<string, string> = {
  USA: 'USD',
  CAN: 'CAD',
  MEX: 'MXN',
  GTM: 'GTQ',
  HND: 'HNL',
  CRI: 'CRC',
  PAN: 'USD',
  SLV: 'USD',
  DOM: 'DOP',
  NIC: 'NIO',
  BLZ: 'BZD',
  BHS: 'BSD',
};

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A case with its stages up to `today`, suspects and outcomes, assets. Names say "(demo)". */
export function generateCase(
  r: Rand,
  owner: string,
  openedOn: string,
  today: string,
  n: number,
): GeneratedCase {
  const order: CaseStage[] = [
    'detection',
    'interdiction',
    'investigation',
    'prosecution',
    'trial',
    'judgment',
  ];
  const depth = weighted(r, [
    [1, 15],
    [2, 15],
    [3, 25],
    [4, 15],
    [5, 10],
    [6, 20],
  ] as const);
  const stages: { stage: CaseStage; occurredOn: string }[] = [];
  let date = openedOn;
  for (let i = 0; i < depth; i++) {
    if (i > 0) date = addDays(date, 15 + Math.floor(r() * (i >= 4 ? 300 : 150)));
    if (date > today) break;
    stages.push({ stage: order[i] as CaseStage, occurredOn: date });
  }
  const judged = stages[stages.length - 1]?.stage === 'judgment';
  if (judged && r() < 0.3) {
    const appeal = addDays(date, 30 + Math.floor(r() * 60));
    if (appeal <= today) stages.push({ stage: r() < 0.5 ? 'appeal' : 'closed', occurredOn: appeal });
  }
  const offences = ['smuggling_of_migrants'];
  if (r() < 0.4) offences.push('endangering_life');
  if (r() < 0.15) offences.push('inhuman_degrading_treatment');
  if (r() < 0.25) offences.push('document_fraud');
  if (r() < 0.2) offences.push('money_laundering');
  if (r() < 0.1) offences.push('trafficking_in_persons');
  if (r() < 0.08) offences.push('corruption');
  const prosecuted = stages.some((s) => s.stage === 'prosecution');
  const judgedOn = stages.find((s) => s.stage === 'judgment')?.occurredOn ?? null;
  const suspects: GeneratedCase['suspects'] = [];
  const count = 1 + Math.floor(r() * 5);
  for (let i = 0; i < count; i++) {
    const organisation = i === 0 && r() < 0.2;
    const defendant = prosecuted && !organisation && r() < 0.85;
    const outcome =
      judgedOn && defendant
        ? weighted(r, [
            ['convicted', 70],
            ['acquitted', 20],
            ['dismissed', 10],
          ] as const)
        : 'pending';
    suspects.push({
      kind: organisation ? 'organisation' : 'person',
      name: organisation ? `${pick(r, ORGS)} (demo)` : `${pick(r, GIVEN)} ${pick(r, FAMILY)} (demo)`,
      nationality: organisation
        ? null
        : r() < 0.7
          ? owner
          : pick(r, ['GTM', 'HND', 'MEX', 'COL', 'CUB', 'HTI']),
      role: pick(r, [
        'leader',
        'organiser',
        'recruiter',
        'transporter',
        'guide',
        'facilitator',
        'financier',
        'document_forger',
      ] as const),
      defendant,
      charges: defendant ? offences.slice(0, 1 + Math.floor(r() * offences.length)) : [],
      outcome,
      outcomeOn: outcome === 'pending' ? null : judgedOn,
      sentenceMonths: outcome === 'convicted' ? 12 * (2 + Math.floor(r() * 10)) : null,
    });
  }
  const assets: GeneratedCase['assets'] = [];
  const financial = r() < 0.45;
  if (financial) {
    const k = 1 + Math.floor(r() * 3);
    for (let i = 0; i < k; i++) {
      const status = weighted(r, [
        ['identified', 3],
        ['seized', 4],
        ['confiscated', judgedOn ? 5 : 0.01],
      ] as const);
      const dates: GeneratedCase['assets'][number]['dates'] = { identified_on: addDays(openedOn, 10) };
      if (status !== 'identified') dates.seized_on = addDays(openedOn, 40);
      if (status === 'confiscated' && judgedOn) dates.confiscated_on = judgedOn;
      assets.push({
        kind: pick(r, ['cash', 'bank_account', 'vehicle', 'vessel', 'real_estate'] as const),
        status: status === 'confiscated' && !judgedOn ? 'seized' : status,
        value: Math.round(groupSize(r, 20_000, 1.2, 5_000_000)),
        currency: CURRENCY[owner] ?? 'USD',
        dates,
      });
    }
  }
  const jit = r() < 0.12;
  const partner = pick(
    r,
    ['GTM', 'MEX', 'USA', 'HND', 'PAN', 'CRI', 'COL'].filter((c) => c !== owner),
  );
  return {
    owner,
    reference: `${owner}-${openedOn.slice(0, 4)}-${String(n).padStart(5, '0')}`,
    title: `${pick(r, ['Operación', 'Operation', 'Caso'])} ${pick(r, ['Coral', 'Sendero', 'Marea', 'Frontera', 'Relámpago', 'Eco', 'Cóndor', 'Puente'])} ${n} (demo)`,
    openedOn,
    stages,
    offences,
    financialInvestigation: financial,
    jointTeam: jit ? { name: `ECI ${owner}–${partner} (demo)`, establishedOn: addDays(openedOn, 60) } : null,
    countries: [
      {
        countryCode: partner,
        role: jit ? 'jit_member' : pick(r, ['origin', 'transit', 'destination'] as const),
      },
    ],
    suspects,
    assets,
  };
}
