import {
  AGE_GROUPS,
  type AgeGroup,
  breakdownEntrySchema,
  checkIncidentCounts,
  countSchema,
  EARLIEST_INCIDENT_DATE,
  type IssueMessage,
  placeSchema,
  type ConfidenceLevel,
  type ConveyanceType,
  type IncidentCreateBody,
  type IncidentState,
  type PeopleCounts,
  SEXES,
  type Sex,
  type TransportMode,
} from '@enlace/shared';
import { numberOf, numberRules, numberText, parseNumberText } from '../../components/number-text';
import { PEOPLE_ORDER } from './fields';
import { utcToZoned, zonedToUtc } from './time';

/** A number field of the form: the text as typed ('' while unknown), read on submit. */
export type NumberValue = string;

/** What each number field of the report accepts, from the shared schema the server checks. */
export const NUMBER_RULES = {
  count: numberRules(countSchema),
  breakdownCount: numberRules(breakdownEntrySchema.shape.count),
  latitude: numberRules(placeSchema.shape.latitude),
  longitude: numberRules(placeSchema.shape.longitude),
};

export interface BreakdownRow {
  key: string;
  sex: Sex;
  ageGroup: AgeGroup;
  nationality: string;
  count: NumberValue;
}

export interface IncidentFormValues {
  note: string;
  kind: string;
  mode: string;
  date: string;
  time: string;
  timeZone: string;
  place: {
    name: string;
    latitude: NumberValue;
    longitude: NumberValue;
    countryCode: string;
    maritimeZone: string;
  };
  conveyance: {
    type: string;
    name: string;
    registration: string;
    flagState: string;
    model: string;
    stateless: '' | 'yes' | 'no';
  };
  reportingAgencyId: string;
  confidence: string;
  source: { name: string; url: string; quality: string };
  people: Record<keyof PeopleCounts, NumberValue>;
  breakdown: BreakdownRow[];
  nationalities: string[];
  modusOperandi: string[];
  route: { code: string; origin: string; transit: string[]; destination: string };
  narrative: string;
  causeOfDeath: string;
}

let rowSeq = 0;
export function newBreakdownRow(): BreakdownRow {
  rowSeq += 1;
  return { key: `row-${rowSeq}`, sex: SEXES[0], ageGroup: AGE_GROUPS[2], nationality: '', count: '' };
}

const text = (v: string | null | undefined) => v ?? '';
const num = numberText;

/** The form's values for a new report (`state` absent) or for amending one. */
export function valuesOf(state: IncidentState | null): IncidentFormValues {
  const people = Object.fromEntries(PEOPLE_ORDER.map((m) => [m, num(state?.people[m])])) as Record<
    keyof PeopleCounts,
    NumberValue
  >;
  let date = state?.occurredOn ?? '';
  let time = '';
  if (state?.occurredAt) {
    const local = utcToZoned(state.occurredAt, state.timeZone ?? 'UTC');
    date = local.date;
    time = local.time;
  }
  const c = state?.conveyance;
  return {
    note: '',
    kind: state?.kind ?? '',
    mode: state?.mode ?? '',
    date,
    time,
    timeZone: state?.occurredAt && !state.timeZone ? 'UTC' : text(state?.timeZone),
    place: {
      name: text(state?.place.name),
      latitude: num(state?.place.latitude),
      longitude: num(state?.place.longitude),
      countryCode: text(state?.place.countryCode),
      maritimeZone: text(state?.place.maritimeZone),
    },
    conveyance: {
      type: c?.type ?? '',
      name: text(c?.name),
      registration: text(c?.registration),
      flagState: text(c?.flagState),
      model: text(c?.model),
      stateless: c?.stateless === null || c?.stateless === undefined ? '' : c.stateless ? 'yes' : 'no',
    },
    reportingAgencyId: text(state?.reportingAgencyId),
    confidence: text(state?.confidence),
    source: {
      name: text(state?.source.name),
      url: text(state?.source.url),
      quality: state?.source.quality ? String(state.source.quality) : '',
    },
    people,
    breakdown: (state?.breakdown ?? []).map((e) => ({
      ...newBreakdownRow(),
      sex: e.sex,
      ageGroup: e.ageGroup,
      nationality: e.nationality ?? '',
      count: num(e.count),
    })),
    nationalities: state?.nationalities ?? [],
    modusOperandi: state?.modusOperandi ?? [],
    route: {
      code: text(state?.route.code),
      origin: text(state?.route.origin),
      transit: state?.route.transit ?? [],
      destination: text(state?.route.destination),
    },
    narrative: text(state?.narrative),
    causeOfDeath: text(state?.causeOfDeath),
  };
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

/** What the form says, as the API's request body (every field, unknowns as null). */
export function bodyOf(v: IncidentFormValues): Required<Omit<IncidentCreateBody, 'occurredOn'>> & {
  occurredOn: string;
} {
  const conveyanceType = v.conveyance.type as ConveyanceType | '';
  return {
    kind: v.kind,
    mode: (v.mode || null) as TransportMode | null,
    occurredOn: v.date,
    occurredAt: v.time && v.timeZone ? zonedToUtc(v.date, v.time, v.timeZone) : null,
    timeZone: orNull(v.timeZone),
    place: {
      name: orNull(v.place.name),
      latitude: numberOf(v.place.latitude, NUMBER_RULES.latitude),
      longitude: numberOf(v.place.longitude, NUMBER_RULES.longitude),
      countryCode: orNull(v.place.countryCode),
      maritimeZone: orNull(v.place.maritimeZone),
    },
    conveyance: conveyanceType
      ? {
          type: conveyanceType,
          name: orNull(v.conveyance.name),
          registration: orNull(v.conveyance.registration),
          flagState: orNull(v.conveyance.flagState),
          model: orNull(v.conveyance.model),
          stateless: v.conveyance.stateless === '' ? null : v.conveyance.stateless === 'yes',
        }
      : null,
    reportingAgencyId: orNull(v.reportingAgencyId),
    source: {
      name: orNull(v.source.name),
      url: orNull(v.source.url),
      quality: v.source.quality ? Number(v.source.quality) : null,
    },
    confidence: (v.confidence || null) as ConfidenceLevel | null,
    narrative: orNull(v.narrative),
    people: Object.fromEntries(
      PEOPLE_ORDER.map((m) => [m, numberOf(v.people[m], NUMBER_RULES.count)]),
    ) as Record<keyof PeopleCounts, number | null>,
    breakdown: v.breakdown.map((r) => ({
      sex: r.sex,
      ageGroup: r.ageGroup,
      nationality: r.nationality || null,
      count: numberOf(r.count, NUMBER_RULES.breakdownCount) ?? 0,
    })),
    nationalities: v.nationalities,
    modusOperandi: v.modusOperandi,
    route: {
      code: orNull(v.route.code),
      origin: orNull(v.route.origin),
      transit: v.route.transit,
      destination: orNull(v.route.destination),
    },
    causeOfDeath: orNull(v.causeOfDeath),
  };
}

/** JSON with the keys of every object sorted, to compare values whatever their key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

/**
 * Only what changed since `state`, for a correction or a follow-up: objects are sent whole when any
 * of their fields changed (the server merges them), lists replace the previous ones.
 */
export function changedFields(
  body: ReturnType<typeof bodyOf>,
  state: IncidentState,
): Partial<ReturnType<typeof bodyOf>> {
  const before: Record<string, unknown> = {
    ...state,
    place: {
      name: state.place.name,
      latitude: state.place.latitude,
      longitude: state.place.longitude,
      countryCode: state.place.countryCode,
      maritimeZone: state.place.maritimeZone,
    },
  };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    const was = before[k] ?? null;
    if (k === 'occurredAt' && typeof v === 'string' && typeof was === 'string') {
      if (Date.parse(v) === Date.parse(was)) continue;
    }
    if (stableJson(v) !== stableJson(was)) out[k] = v;
  }
  return out as Partial<ReturnType<typeof bodyOf>>;
}

/** Where the server's path of a field error points in the form. */
export function formPathOf(serverPath: string): string {
  if (serverPath === 'occurredOn') return 'date';
  if (serverPath === 'occurredAt') return 'time';
  const parts = serverPath.split('.');
  if (['nationalities', 'modusOperandi'].includes(parts[0] ?? '')) return parts[0] ?? serverPath;
  if (parts[0] === 'route' && parts[1] === 'transit') return 'route.transit';
  if (parts[0] === 'source' && parts[1] === 'quality') return 'source.quality';
  return serverPath;
}

/** Today's calendar date where the user is (YYYY-MM-DD). */
export function localToday(now = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/**
 * What the form refuses before sending, by form path, as messages of the shared catalogue: each
 * number as its field reads it, the date's range, and the consistency rules of the counts — the
 * same function the server and the import apply (`checkIncidentCounts`).
 */
export function formIssues(v: IncidentFormValues, today: string): Record<string, IssueMessage> {
  const issues: Record<string, IssueMessage> = {};
  const put = (path: string, m: IssueMessage) => {
    if (!issues[path]) issues[path] = m;
  };
  const read = (path: string, text: string, rules: (typeof NUMBER_RULES)[keyof typeof NUMBER_RULES]) => {
    const parsed = parseNumberText(text, rules);
    if (!parsed.ok) put(path, parsed.error);
    return parsed.ok ? parsed.value : null;
  };
  const people = Object.fromEntries(
    PEOPLE_ORDER.map((m) => [m, read(`people.${m}`, v.people[m], NUMBER_RULES.count)]),
  ) as Record<keyof PeopleCounts, number | null>;
  const breakdown = v.breakdown.map((r, i) => {
    const count = read(`breakdown.${i}.count`, r.count, NUMBER_RULES.breakdownCount);
    if (count === null && !issues[`breakdown.${i}.count`]) {
      put(`breakdown.${i}.count`, { key: 'validation.required', params: {} });
    }
    return { sex: r.sex, ageGroup: r.ageGroup, count: count ?? 0 };
  });
  read('place.latitude', v.place.latitude, NUMBER_RULES.latitude);
  read('place.longitude', v.place.longitude, NUMBER_RULES.longitude);
  if (v.date && (v.date < EARLIEST_INCIDENT_DATE || v.date > today)) {
    put('date', { key: 'errors.date_out_of_range', params: { min: EARLIEST_INCIDENT_DATE } });
  }
  for (const issue of checkIncidentCounts(people, breakdown)) {
    // The breakdown as a whole has no field: its total is said at the number of migrants.
    put(issue.path === 'breakdown' ? 'people.migrants' : issue.path, {
      key: `errors.${issue.code}`,
      params: issue.params,
    });
  }
  return issues;
}
