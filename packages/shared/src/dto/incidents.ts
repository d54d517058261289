import { z } from 'zod';
import {
  AGE_GROUPS,
  CONFIDENCE_LEVELS,
  CONVEYANCE_TYPES,
  INCIDENT_LINK_RELATIONS,
  INCIDENT_SOURCES,
  INCIDENT_VERSION_KINDS,
  SEXES,
  TRANSPORT_MODES,
  VOCABULARIES,
} from '../vocabulary';
import { idSchema, localizedTextInputSchema, localizedTextSchema } from './common';
import { COUNT_MAX, TEXT_MAX } from './limits';
import { pageQueryShape, pageSchema } from './lists';

/** ISO 3166-1 alpha-3 (any country, not only tenants), or XXA for stateless persons (ICAO 9303). */
export const iso3Schema = z.string().regex(/^[A-Z]{3}$/);
/** A code of a database vocabulary (checked against it by the server). */
export const termCodeSchema = z.string().regex(/^[a-z0-9_]{2,60}$/);
/** A count of persons: null means unknown, never silently zero. */
export const countSchema = z.number().int().min(0).max(COUNT_MAX).nullable();
/**
 * A stored count: Missing Migrants records may carry IOM's adjustments (a negative number of
 * missing when people reported missing are later found dead), kept so that totals match IOM's.
 */
export const storedCountSchema = z.number().int().min(-COUNT_MAX).max(COUNT_MAX).nullable();
export const isoDateSchema = z.iso.date();
const text = (max: number) => z.string().trim().max(max);

export const placeSchema = z.object({
  name: text(TEXT_MAX.placeName).nullable(),
  latitude: z.number().min(-90).max(90).nullable(),
  longitude: z.number().min(-180).max(180).nullable(),
  /** Country where it happened (at sea: the coastal State, null on the high seas). */
  countryCode: iso3Schema.nullable(),
  /** Statistical region; derived from the country when not given. */
  region: termCodeSchema.nullable(),
  /** At sea: internal waters, territorial sea, contiguous zone, EEZ, high seas. */
  maritimeZone: termCodeSchema.nullable(),
});
export type Place = z.infer<typeof placeSchema>;

export const conveyanceSchema = z.object({
  type: z.enum(CONVEYANCE_TYPES),
  /** Vessel name, vehicle description or flight number. */
  name: text(TEXT_MAX.conveyance).nullable(),
  /** IMO or registration number, licence plate, aircraft registration. */
  registration: text(TEXT_MAX.registration).nullable(),
  /** Flag State of a vessel, State of registration of a vehicle or carrier. */
  flagState: iso3Schema.nullable(),
  /** Kind of craft, e.g. "go-fast boat", "cargo truck", "commercial flight". */
  model: text(TEXT_MAX.conveyance).nullable(),
  /** A vessel without nationality (Protocol art. 8(7)); null when not known. */
  stateless: z.boolean().nullable(),
});
export type Conveyance = z.infer<typeof conveyanceSchema>;

const peopleShape = <C extends z.ZodType>(count: C) =>
  z.object({
    migrants: count,
    females: count,
    males: count,
    /** Persons under 18. */
    children: count,
    unaccompaniedChildren: count,
    dead: count,
    missing: count,
    survivors: count,
    injured: count,
    smugglersApprehended: count,
  });
export const peopleCountsSchema = peopleShape(storedCountSchema);
const peopleCountsInputSchema = peopleShape(countSchema);
export type PeopleCounts = z.infer<typeof peopleCountsSchema>;
export const PEOPLE_FIELDS = Object.keys(peopleCountsSchema.shape) as (keyof PeopleCounts)[];

export const breakdownEntrySchema = z.object({
  sex: z.enum(SEXES),
  ageGroup: z.enum(AGE_GROUPS),
  /** null: nationality unknown. */
  nationality: iso3Schema.nullable(),
  count: z.number().int().min(1).max(COUNT_MAX),
});
export type BreakdownEntry = z.infer<typeof breakdownEntrySchema>;

export const routeSchema = z.object({
  /** A named route of the vocabulary. */
  code: termCodeSchema.nullable(),
  origin: iso3Schema.nullable(),
  transit: z.array(iso3Schema).max(12),
  destination: iso3Schema.nullable(),
});
export type IncidentRoute = z.infer<typeof routeSchema>;

export const sourceSchema = z.object({
  name: text(TEXT_MAX.sourceName).nullable(),
  url: text(TEXT_MAX.url).nullable(),
  /** Missing Migrants' source quality, 1 (single unverified source) to 5 (official, verified). */
  quality: z.number().int().min(1).max(5).nullable(),
});

/** Everything a report says about an incident: what follow-ups amend and history records. */
export const incidentStateSchema = z.object({
  kind: termCodeSchema,
  mode: z.enum(TRANSPORT_MODES).nullable(),
  /** Local calendar date where it happened. */
  occurredOn: isoDateSchema,
  /** The instant in UTC, when the time is known. */
  occurredAt: z.iso.datetime().nullable(),
  /** IANA time zone of the place, e.g. America/Mexico_City. */
  timeZone: text(64).nullable(),
  place: placeSchema,
  conveyance: conveyanceSchema.nullable(),
  reportingAgencyId: idSchema.nullable(),
  source: sourceSchema,
  confidence: z.enum(CONFIDENCE_LEVELS).nullable(),
  /** Sensitive: encrypted at rest, never in URLs or logs. */
  narrative: z.string().max(TEXT_MAX.narrative).nullable(),
  people: peopleCountsSchema,
  breakdown: z.array(breakdownEntrySchema).max(500),
  /** Nationalities known to be involved besides those counted in the breakdown. */
  nationalities: z.array(iso3Schema).max(60),
  modusOperandi: z.array(termCodeSchema).max(40),
  route: routeSchema,
  causeOfDeath: text(TEXT_MAX.causeOfDeath).nullable(),
});
export type IncidentState = z.infer<typeof incidentStateSchema>;

// Request bodies refuse unknown keys at every depth (a test walks every route's body schema).
const partialPlace = placeSchema.partial().strict();
const partialPeople = peopleCountsInputSchema.partial().strict();
const partialRoute = routeSchema.partial().strict();
const partialSource = sourceSchema.partial().strict();
const breakdownInputSchema = breakdownEntrySchema.strict();

/** A new report: the kind and the date (or the instant) are required, the rest may be unknown. */
export const incidentCreateBodySchema = z
  .object({
    kind: termCodeSchema,
    mode: z.enum(TRANSPORT_MODES).nullable().optional(),
    occurredOn: isoDateSchema.optional(),
    /** With "Z" or an offset; kept in UTC. */
    occurredAt: z.iso.datetime({ offset: true }).nullable().optional(),
    timeZone: text(64).nullable().optional(),
    place: partialPlace.optional(),
    conveyance: conveyanceSchema
      .partial()
      .extend({ type: z.enum(CONVEYANCE_TYPES) })
      .strict()
      .nullable()
      .optional(),
    reportingAgencyId: idSchema.nullable().optional(),
    source: partialSource.optional(),
    confidence: z.enum(CONFIDENCE_LEVELS).nullable().optional(),
    narrative: z.string().max(TEXT_MAX.narrative).nullable().optional(),
    people: partialPeople.optional(),
    breakdown: z.array(breakdownInputSchema).max(500).optional(),
    nationalities: z.array(iso3Schema).max(60).optional(),
    modusOperandi: z.array(termCodeSchema).max(40).optional(),
    route: partialRoute.optional(),
    causeOfDeath: text(TEXT_MAX.causeOfDeath).nullable().optional(),
  })
  .strict();
export type IncidentCreateBody = z.infer<typeof incidentCreateBodySchema>;

/**
 * A correction (PATCH) or follow-up report: the fields given replace the current ones (objects
 * merge field by field, lists are replaced). `expectedVersion` guards against lost updates.
 */
export const incidentAmendBodySchema = incidentCreateBodySchema
  .partial()
  .extend({
    expectedVersion: z.number().int().min(1).optional(),
    note: z.string().trim().max(TEXT_MAX.note).optional(),
  })
  .strict();
export type IncidentAmendBody = z.infer<typeof incidentAmendBodySchema>;
export const incidentFollowUpBodySchema = incidentAmendBodySchema.extend({
  note: z.string().trim().min(1).max(TEXT_MAX.note),
});
export type IncidentFollowUpBody = z.infer<typeof incidentFollowUpBodySchema>;

export const incidentLinkSchema = z.object({
  incidentId: z.string(),
  reference: z.string(),
  relation: z.enum(INCIDENT_LINK_RELATIONS),
});

export const incidentSchema = incidentStateSchema.extend({
  id: z.string(),
  countryCode: z.string(),
  reference: z.string(),
  origin: z.object({ source: z.enum(INCIDENT_SOURCES), externalId: z.string().nullable() }),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  links: z.array(incidentLinkSchema),
  caseIds: z.array(z.string()),
  abilities: z.object({ update: z.boolean(), delete: z.boolean(), link: z.boolean() }),
});
export type Incident = z.infer<typeof incidentSchema>;

export const incidentSummarySchema = z.object({
  id: z.string(),
  countryCode: z.string(),
  reference: z.string(),
  kind: z.string(),
  mode: z.enum(TRANSPORT_MODES).nullable(),
  occurredOn: z.string(),
  placeName: z.string().nullable(),
  placeCountry: z.string().nullable(),
  route: z.string().nullable(),
  migrants: z.number().nullable(),
  dead: z.number().nullable(),
  missing: z.number().nullable(),
  source: z.enum(INCIDENT_SOURCES),
  version: z.number().int(),
});
export type IncidentSummary = z.infer<typeof incidentSummarySchema>;

/** Columns the incident list sorts by. */
export const INCIDENT_SORTS = [
  'occurredOn',
  'reference',
  'country',
  'kind',
  'mode',
  'migrants',
  'dead',
  'missing',
] as const;
export type IncidentSort = (typeof INCIDENT_SORTS)[number];
export const incidentListQuerySchema = z.object({
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  kind: termCodeSchema.optional(),
  mode: z.enum(TRANSPORT_MODES).optional(),
  route: termCodeSchema.optional(),
  source: z.enum(INCIDENT_SOURCES).optional(),
  /** Country where it happened (the dashboard's `country`). */
  country: iso3Schema.optional(),
  /** Statistical region of the place (the dashboard's `region`). */
  region: termCodeSchema.optional(),
  ...pageQueryShape(INCIDENT_SORTS, { sort: 'occurredOn', dir: 'desc', limit: 50 }),
});
export type IncidentListQuery = z.infer<typeof incidentListQuerySchema>;
export const incidentPageSchema = pageSchema(incidentSummarySchema);
export type IncidentPage = z.infer<typeof incidentPageSchema>;

export const fieldChangeSchema = z.object({
  field: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export const incidentVersionSchema = z.object({
  version: z.number().int(),
  kind: z.enum(INCIDENT_VERSION_KINDS),
  recordedAt: z.string(),
  recordedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  note: z.string().nullable(),
  /** Fields this version changed, from their value in the previous version. */
  changes: z.array(fieldChangeSchema),
  /** The whole report as it stood at this version. */
  state: incidentStateSchema,
});
export type IncidentVersion = z.infer<typeof incidentVersionSchema>;

export const incidentLinkBodySchema = z
  .object({
    incidentId: idSchema,
    relation: z.enum(INCIDENT_LINK_RELATIONS),
  })
  .strict();
export const linkParamsSchema = z.object({ id: idSchema, linkedId: idSchema });

export const IMPORT_FORMATS = ['missing-migrants'] as const;
export const EXPORT_FORMATS = ['csv', 'xlsx', 'hxl'] as const;
export const EXPORT_LAYOUTS = ['missing-migrants', 'enlace'] as const;

export const importQuerySchema = z.object({
  format: z.enum(IMPORT_FORMATS).default('missing-migrants'),
  /** Network administrators choose the owning country; everyone else imports into their own. */
  country: z
    .string()
    .regex(/^[A-Z]{3,5}$/)
    .optional(),
  dryRun: z.enum(['true', 'false']).default('false'),
});
export const importRowErrorSchema = z.object({
  /** Line of the file, counting the header as line 1. */
  row: z.number().int(),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;
export const importResultSchema = z.object({
  layout: z.string(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  dryRun: z.boolean(),
  /** Values kept as text because no vocabulary term matches them (the row is still imported). */
  warnings: z.array(importRowErrorSchema),
});
export type ImportResult = z.infer<typeof importResultSchema>;
export const importFailureSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  layout: z.string().nullable(),
  rows: z.number().int(),
  errors: z.array(importRowErrorSchema),
});

export const IMPORT_JOB_STATES = ['running', 'done', 'failed'] as const;
export const IMPORT_PHASES = ['reading', 'writing', 'done'] as const;
/** An import run as a job: the import page starts it, then polls it until it is done or failed. */
export const importJobSchema = z.object({
  id: idSchema,
  state: z.enum(IMPORT_JOB_STATES),
  phase: z.enum(IMPORT_PHASES),
  dryRun: z.boolean(),
  /** Data rows read and checked so far, and about how many the file holds (its line count). */
  rowsRead: z.number().int(),
  rowsEstimated: z.number().int(),
  result: importResultSchema.nullable(),
  /** Why it failed: the file's row errors (code `import_rejected`), or another problem. */
  failure: z
    .object({
      code: z.string(),
      title: z.string(),
      layout: z.string().nullable(),
      rows: z.number().int(),
      errors: z.array(importRowErrorSchema),
    })
    .nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

export const exportQuerySchema = z.object({
  format: z.enum(EXPORT_FORMATS).default('csv'),
  layout: z.enum(EXPORT_LAYOUTS).default('missing-migrants'),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});

export const vocabularyTermSchema = z.object({
  code: z.string(),
  label: localizedTextSchema,
  /** E.g. an offence's category, a route's usual mode and region. */
  attributes: z.record(z.string(), z.string()),
  active: z.boolean(),
});
export type VocabularyTerm = z.infer<typeof vocabularyTermSchema>;
export const vocabulariesSchema = z.object({
  terms: z.record(z.enum(VOCABULARIES), z.array(vocabularyTermSchema)),
  /** Labels of the fixed lists (modes, sexes, age groups, stages, …). */
  fixed: z.record(z.string(), z.record(z.string(), localizedTextSchema)),
  /** Every ISO 3166 country, for nationalities, flags and places. */
  countries: z.array(z.object({ code: z.string(), name: localizedTextSchema })),
});
export type Vocabularies = z.infer<typeof vocabulariesSchema>;
export const vocabularyParamsSchema = z.object({ vocabulary: z.enum(VOCABULARIES) });
export const termParamsSchema = z.object({ vocabulary: z.enum(VOCABULARIES), code: termCodeSchema });
export const termCreateBodySchema = z
  .object({
    code: termCodeSchema,
    label: localizedTextInputSchema,
    attributes: z.record(z.string().max(40), z.string().max(200)).optional(),
  })
  .strict();
export const termUpdateBodySchema = z
  .object({
    label: localizedTextInputSchema.optional(),
    active: z.boolean().optional(),
  })
  .strict();
