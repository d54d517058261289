import {
  type BreakdownEntry,
  checkIncidentCounts,
  EARLIEST_INCIDENT_DATE,
  type IncidentAmendBody,
  type IncidentState,
  type PeopleCounts,
  type Vocabulary,
} from '@enlace/shared';
import { COUNTRY_REGIONS } from '../../seeds/reference/vocabularies';
import type { FieldError } from '../../platform/errors';
import type { CountColumn, Fact } from '../stats/rollups';
import { isIso3, isNationality } from './iso-countries';

/** Vocabulary codes known to the database: active or not, with their attributes. */
export type VocabIndex = ReadonlyMap<
  Vocabulary,
  ReadonlyMap<string, { active: boolean; attributes: Record<string, string> }>
>;

export const EMPTY_PEOPLE: PeopleCounts = {
  migrants: null,
  females: null,
  males: null,
  children: null,
  unaccompaniedChildren: null,
  dead: null,
  missing: null,
  survivors: null,
  injured: null,
  smugglersApprehended: null,
};

export function emptyState(kind: string): IncidentState {
  return {
    kind,
    mode: null,
    occurredOn: '',
    occurredAt: null,
    timeZone: null,
    place: {
      name: null,
      latitude: null,
      longitude: null,
      countryCode: null,
      region: null,
      maritimeZone: null,
    },
    conveyance: null,
    reportingAgencyId: null,
    source: { name: null, url: null, quality: null },
    confidence: null,
    narrative: null,
    people: { ...EMPTY_PEOPLE },
    breakdown: [],
    nationalities: [],
    modusOperandi: [],
    route: { code: null, origin: null, transit: [], destination: null },
    causeOfDeath: null,
  };
}

// Building a date formatter costs tens of microseconds: one per time zone, kept.
const formatters = new Map<string, Intl.DateTimeFormat | null>();
function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      f = null;
    }
    if (formatters.size < 1000) formatters.set(timeZone, f);
  }
  return f;
}

/** The local calendar date of an instant in a time zone (UTC when none). */
export function localDate(instant: string, timeZone: string | null): string {
  const parts = (
    formatterFor(timeZone ?? 'UTC') ?? (formatterFor('UTC') as Intl.DateTimeFormat)
  ).formatToParts(new Date(instant));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function isTimeZone(tz: string): boolean {
  return formatterFor(tz) !== null;
}

const uniqueSorted = (xs: readonly string[]) => [...new Set(xs)].sort();

/** Region of a country for statistics, when the report names none. */
export function regionOf(country: string | null | undefined): string | null {
  return (country && COUNTRY_REGIONS[country]) || null;
}

/** A deep copy of a state (faster than structuredClone, which matters in imports). */
export function cloneState(s: IncidentState): IncidentState {
  return {
    ...s,
    place: { ...s.place },
    conveyance: s.conveyance ? { ...s.conveyance } : null,
    source: { ...s.source },
    people: { ...s.people },
    breakdown: s.breakdown.map((b) => ({ ...b })),
    nationalities: [...s.nationalities],
    modusOperandi: [...s.modusOperandi],
    route: { ...s.route, transit: [...s.route.transit] },
  };
}

/**
 * Applies a new report or an amendment to a state: fields given replace the current ones,
 * objects merge field by field, lists are replaced. Values derived from others (the local date,
 * the region, totals implied by the breakdown) follow their sources unless given explicitly.
 */
export function applyPatch(
  base: IncidentState,
  patch: Omit<IncidentAmendBody, 'expectedVersion' | 'note'>,
  owner: string,
): { state: IncidentState; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const next = cloneState(base);
  if (patch.kind !== undefined) next.kind = patch.kind;
  if (patch.mode !== undefined) next.mode = patch.mode;
  // Instants are kept in UTC, whatever offset they came with.
  if (patch.occurredAt !== undefined) {
    next.occurredAt = patch.occurredAt === null ? null : new Date(patch.occurredAt).toISOString();
  }
  if (patch.timeZone !== undefined) next.timeZone = patch.timeZone;
  if (patch.place) Object.assign(next.place, patch.place);
  if (patch.conveyance !== undefined) {
    next.conveyance =
      patch.conveyance === null
        ? null
        : {
            ...(next.conveyance && next.conveyance.type === patch.conveyance.type
              ? next.conveyance
              : { name: null, registration: null, flagState: null, model: null, stateless: null }),
            ...patch.conveyance,
            type: patch.conveyance.type,
          };
  }
  if (patch.reportingAgencyId !== undefined) next.reportingAgencyId = patch.reportingAgencyId;
  if (patch.source) Object.assign(next.source, patch.source);
  if (patch.confidence !== undefined) next.confidence = patch.confidence;
  if (patch.narrative !== undefined) next.narrative = patch.narrative === '' ? null : patch.narrative;
  if (patch.people) Object.assign(next.people, patch.people);
  if (patch.breakdown !== undefined) next.breakdown = patch.breakdown;
  if (patch.nationalities !== undefined) next.nationalities = uniqueSorted(patch.nationalities);
  if (patch.modusOperandi !== undefined) next.modusOperandi = [...new Set(patch.modusOperandi)];
  if (patch.route) Object.assign(next.route, patch.route);
  if (patch.causeOfDeath !== undefined) next.causeOfDeath = patch.causeOfDeath;

  // The local date follows the instant when there is one; given too, they must agree.
  if (next.occurredAt) {
    const derived = localDate(
      next.occurredAt,
      next.timeZone && isTimeZone(next.timeZone) ? next.timeZone : null,
    );
    if (patch.occurredOn !== undefined && patch.occurredOn !== derived) {
      errors.push({ path: 'occurredOn', code: 'occurred_on_mismatch', params: { date: derived } });
    }
    next.occurredOn = derived;
  } else if (patch.occurredOn !== undefined) {
    next.occurredOn = patch.occurredOn;
  }
  if (!next.occurredOn) errors.push({ path: 'occurredOn', code: 'occurred_on_required' });

  // The region follows the country (of the place, else the reporting country) unless given.
  if (patch.place?.region === undefined) {
    const before = regionOf(base.place.countryCode ?? owner);
    if (next.place.region === null || next.place.region === before) {
      next.place.region = regionOf(next.place.countryCode ?? owner) ?? next.place.region;
    }
  }

  if (patch.breakdown !== undefined) {
    // A count given as unknown (null) does not contradict a breakdown: it is derived like an absent one.
    const given = Object.entries(patch.people ?? {}).filter(([, v]) => v !== null && v !== undefined);
    deriveFromBreakdown(next, base, new Set(given.map(([k]) => k)));
  }
  return { state: next, errors };
}

function sum(entries: readonly BreakdownEntry[], pick: (e: BreakdownEntry) => boolean): number {
  return entries.reduce((s, e) => (pick(e) ? s + e.count : s), 0);
}

/** Totals implied by a new breakdown, for the counts this request did not give explicitly. */
function deriveFromBreakdown(next: IncidentState, base: IncidentState, explicit: Set<string>): void {
  const b = next.breakdown;
  if (b.length === 0) return;
  const derive = (field: keyof PeopleCounts, exact: boolean, lower: number) => {
    if (explicit.has(field)) return;
    if (exact) next.people[field] = lower;
    else {
      const current = base.people[field];
      next.people[field] = current !== null && current >= lower ? current : null;
    }
  };
  const anySex = b.some((e) => e.sex === 'unknown');
  const anyAge = b.some((e) => e.ageGroup === 'unknown');
  derive(
    'females',
    !anySex,
    sum(b, (e) => e.sex === 'female'),
  );
  derive(
    'males',
    !anySex,
    sum(b, (e) => e.sex === 'male'),
  );
  derive(
    'children',
    !anyAge,
    sum(b, (e) => e.ageGroup === '0-11' || e.ageGroup === '12-17'),
  );
  if (!explicit.has('migrants')) {
    const total = sum(b, () => true);
    const current = base.people.migrants;
    next.people.migrants = current !== null && current >= total ? current : total;
  }
}

/**
 * Rules beyond the request schema: vocabulary terms, country codes, time zone, coherence of
 * counts and of the sea fields. Terms already used by `current` stay valid after deactivation.
 */
// Checks called for every row of an import live at module level: closures made per call are
// costly there (one property definition each, under the TypeScript loader).
function checkTerm(
  errors: FieldError[],
  vocab: VocabIndex,
  vocabulary: Vocabulary,
  code: string | null,
  path: string,
  was: readonly (string | null)[],
): void {
  if (code === null) return;
  const t = vocab.get(vocabulary)?.get(code);
  if (!t || (!t.active && !was.includes(code)))
    errors.push({ path, code: 'unknown_term', params: { value: code } });
}

function checkCountry(errors: FieldError[], code: string | null, path: string, nationality: boolean): void {
  if (code !== null && !(nationality ? isNationality(code) : isIso3(code))) {
    errors.push({ path, code: 'unknown_country_code', params: { value: code } });
  }
}

export function checkState(
  s: IncidentState,
  vocab: VocabIndex,
  today: string,
  current: IncidentState | null = null,
  opts: { adjustments?: boolean } = {},
): FieldError[] {
  const errors: FieldError[] = [];
  // Negative counts are adjustments that only Missing Migrants imports bring (kept when unchanged).
  for (const [field, value] of Object.entries(s.people) as [keyof PeopleCounts, number | null][]) {
    if (value !== null && value < 0 && !opts.adjustments && current?.people[field] !== value) {
      errors.push({ path: `people.${field}`, code: 'negative_count' });
    }
  }
  checkTerm(errors, vocab, 'incident_kind', s.kind, 'kind', [current?.kind ?? null]);
  checkTerm(errors, vocab, 'maritime_zone', s.place.maritimeZone, 'place.maritimeZone', [
    current?.place.maritimeZone ?? null,
  ]);
  checkTerm(errors, vocab, 'region', s.place.region, 'place.region', [current?.place.region ?? null]);
  checkTerm(errors, vocab, 'route', s.route.code, 'route.code', [current?.route.code ?? null]);
  s.modusOperandi.forEach((c, i) => {
    checkTerm(errors, vocab, 'modus_operandi', c, `modusOperandi.${i}`, current?.modusOperandi ?? []);
  });
  checkCountry(errors, s.place.countryCode, 'place.countryCode', false);
  checkCountry(errors, s.conveyance?.flagState ?? null, 'conveyance.flagState', false);
  checkCountry(errors, s.route.origin, 'route.origin', false);
  checkCountry(errors, s.route.destination, 'route.destination', false);
  s.route.transit.forEach((c, i) => {
    checkCountry(errors, c, `route.transit.${i}`, false);
  });
  s.nationalities.forEach((c, i) => {
    checkCountry(errors, c, `nationalities.${i}`, true);
  });
  s.breakdown.forEach((e, i) => {
    checkCountry(errors, e.nationality, `breakdown.${i}.nationality`, true);
  });

  if (s.timeZone !== null && !isTimeZone(s.timeZone))
    errors.push({ path: 'timeZone', code: 'invalid_time_zone' });
  // A date kept from before (an old import) does not block other corrections.
  if (
    s.occurredOn &&
    s.occurredOn !== current?.occurredOn &&
    (s.occurredOn > today || s.occurredOn < EARLIEST_INCIDENT_DATE)
  ) {
    errors.push({ path: 'occurredOn', code: 'date_out_of_range', params: { min: EARLIEST_INCIDENT_DATE } });
  }
  if ((s.place.latitude === null) !== (s.place.longitude === null)) {
    errors.push({ path: 'place.latitude', code: 'coordinates_incomplete' });
  }
  if (s.place.maritimeZone !== null && s.mode !== 'sea') {
    errors.push({ path: 'place.maritimeZone', code: 'maritime_zone_requires_sea' });
  }
  if (s.conveyance?.stateless && s.conveyance.type !== 'vessel') {
    errors.push({ path: 'conveyance.stateless', code: 'stateless_vessels_only' });
  }
  if (s.conveyance?.stateless && s.conveyance.flagState !== null) {
    errors.push({ path: 'conveyance.flagState', code: 'stateless_with_flag' });
  }
  if (s.source.url !== null && !/^https?:\/\/\S+$/i.test(s.source.url.split(/,\s*/)[0] ?? '')) {
    errors.push({ path: 'source.url', code: 'invalid_url' });
  }

  const seen = new Set<string>();
  s.breakdown.forEach((e, i) => {
    const key = `${e.sex}|${e.ageGroup}|${e.nationality ?? ''}`;
    if (seen.has(key)) errors.push({ path: `breakdown.${i}`, code: 'duplicate_breakdown' });
    seen.add(key);
  });
  // Every consistency rule of the counts: the one function the web form and the import use too.
  for (const issue of checkIncidentCounts(s.people, s.breakdown)) errors.push(issue);
  return errors;
}

/** Fields as compared by history: one level into the plain objects, lists and conveyance whole. */
const OBJECT_FIELDS = new Set(['place', 'source', 'people', 'route']);

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

function flatten(s: IncidentState): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(s)) {
    if (OBJECT_FIELDS.has(k) && v && typeof v === 'object') {
      for (const [k2, v2] of Object.entries(v)) out.set(`${k}.${k2}`, v2);
    } else out.set(k, v);
  }
  return out;
}

/** What changed from `a` to `b`, field by field. */
export function diffStates(a: IncidentState, b: IncidentState): FieldChange[] {
  const fa = flatten(a);
  const fb = flatten(b);
  const changes: FieldChange[] = [];
  for (const [field, after] of fb) {
    const before = fa.get(field) ?? null;
    if (JSON.stringify(before) !== JSON.stringify(after)) changes.push({ field, before, after });
  }
  return changes;
}

/** The state before `changes` were made. */
export function revertChanges(s: IncidentState, changes: readonly FieldChange[]): IncidentState {
  const out = cloneState(s) as unknown as Record<string, unknown>;
  for (const { field, before } of changes) {
    const [head, tail] = field.split('.', 2) as [string, string | undefined];
    if (tail === undefined) out[head] = structuredClone(before);
    else (out[head] as Record<string, unknown>)[tail] = structuredClone(before);
  }
  return out as unknown as IncidentState;
}

const COUNT_OF: Record<CountColumn, keyof PeopleCounts> = {
  migrants: 'migrants',
  females: 'females',
  males: 'males',
  children: 'children',
  unaccompanied_children: 'unaccompaniedChildren',
  dead: 'dead',
  missing: 'missing',
  survivors: 'survivors',
  injured: 'injured',
  smugglers_apprehended: 'smugglersApprehended',
};

/** Every nationality involved: declared, and those of the breakdown. */
export function nationalitiesOf(s: IncidentState): string[] {
  if (s.breakdown.length === 0)
    return s.nationalities.length < 2 ? s.nationalities : uniqueSorted(s.nationalities);
  return uniqueSorted([
    ...s.nationalities,
    ...s.breakdown.map((e) => e.nationality).filter((n): n is string => n !== null),
  ]);
}

export function monthOf(date: string): number {
  return Number(date.slice(0, 4)) * 100 + Number(date.slice(5, 7));
}

/** What the statistics keep of an incident. */
const COUNT_ENTRIES = Object.entries(COUNT_OF) as [CountColumn, keyof PeopleCounts][];

/** `source`: the incident's (its row's `source`), 'enlace' or the public source it came from. */
export function factOf(s: IncidentState, source: string): Fact {
  const counts = {} as Record<CountColumn, number | null>;
  for (const [col, field] of COUNT_ENTRIES) counts[col] = s.people[field];
  return {
    month: monthOf(s.occurredOn),
    country: s.place.countryCode ?? '',
    region: s.place.region ?? '',
    mode: s.mode ?? '',
    route: s.route.code ?? '',
    source,
    kind: s.kind,
    origin: s.route.origin ?? '',
    destination: s.route.destination ?? '',
    nationalities: nationalitiesOf(s),
    counts,
    breakdown: s.breakdown.map((e) => ({
      sex: e.sex,
      ageGroup: e.ageGroup,
      nationality: e.nationality ?? '',
      count: e.count,
    })),
    modus: s.modusOperandi,
    lat: s.place.latitude,
    lon: s.place.longitude,
  };
}

/** A vocabulary index from term lists (the reference seeds), for tests and tools without a database. */
export function vocabIndexOf(
  terms: Partial<Record<Vocabulary, readonly { code: string; attributes?: Record<string, string> }[]>>,
): VocabIndex {
  const index = new Map<Vocabulary, Map<string, { active: boolean; attributes: Record<string, string> }>>();
  for (const [vocabulary, list] of Object.entries(terms) as [
    Vocabulary,
    { code: string; attributes?: Record<string, string> }[],
  ][]) {
    index.set(
      vocabulary,
      new Map(list.map((t) => [t.code, { active: true, attributes: t.attributes ?? {} }])),
    );
  }
  return index;
}
