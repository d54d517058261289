import { z } from 'zod';
import { AGE_GROUPS } from '../vocabulary';
import { idSchema, localizedTextInputSchema, localizedTextSchema } from './common';
import { iso3Schema, isoDateSchema } from './incidents';
import { COUNT_MAX, TEXT_MAX } from './limits';
import { personDocumentSchema } from './registry-documents';
import { mrzTextSchema, personMrzSchema } from './registry-mrz';

/**
 * The centre registry (Work Plan area 3): centres and their places, the persons they receive
 * (searched before they are registered, so nobody is registered twice), stays from admission to
 * release with the identity check at release (action 5, footnote 16), transfers inside a country.
 */
export const CENTRE_TYPES = ['custody', 'shelter', 'attention', 'detention', 'alternative'] as const;
export type CentreType = (typeof CENTRE_TYPES)[number];
/** A closed centre admits nobody but keeps its residents; a full one still admits (it is a warning). */
export const CENTRE_STATUSES = ['open', 'full', 'closed'] as const;
export const CENTRE_UNITS = ['adult_men', 'adult_women', 'families', 'unaccompanied_children'] as const;
export type CentreUnit = (typeof CENTRE_UNITS)[number];
export const CENTRE_SERVICES = [
  'medical',
  'psychosocial',
  'legal_orientation',
  'consular',
  'child_protection',
  'asylum_information',
  'family_contact',
  'food',
  'hygiene',
  'education',
  'interpretation',
] as const;

export const PERSON_SEXES = ['male', 'female', 'other'] as const;
export type PersonSex = (typeof PERSON_SEXES)[number];
export const BIRTH_DATE_PRECISIONS = ['exact', 'year_month', 'year', 'estimated_age'] as const;
export type BirthDatePrecision = (typeof BIRTH_DATE_PRECISIONS)[number];
/** Custody as the law of the country calls it, or an alternative to detention. */
export const CUSTODY_TYPES = ['administrative_custody', 'detention', 'shelter', 'alternative'] as const;
export type CustodyType = (typeof CUSTODY_TYPES)[number];
/** The attention decided at reception (action 3). */
export const ATTENTION_KINDS = CENTRE_SERVICES;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];
export const RELEASE_OUTCOMES = [
  'return',
  'asylum',
  'regularisation',
  'alternative',
  'transfer',
  'escape',
  'death',
  'other',
] as const;
export type ReleaseOutcome = (typeof RELEASE_OUTCOMES)[number];
export const STAY_STATUSES = ['open', 'released'] as const;
export const RELEASE_DECISIONS = ['same_person', 'not_same_person'] as const;

/** Candidates a search returns, best first. */
export const SEARCH_RESULTS_MAX = 10;
/** Oldest age an officer may estimate. */
export const ESTIMATED_AGE_MAX = 120;

const text = (max: number) => z.string().trim().max(max);
const nameText = text(TEXT_MAX.name);
/** YYYY, YYYY-MM or YYYY-MM-DD: how much of the date is known is its precision. */
export const partialDateSchema = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/);
const languageSchema = z.string().regex(/^[a-z]{2,3}$/);
const codeSchema = z
  .string()
  .trim()
  .min(1)
  .max(TEXT_MAX.acronym)
  .regex(/^[A-Za-z0-9_.-]+$/);
const instantSchema = z.iso.datetime({ offset: true });
const placesSchema = z.number().int().min(0).max(COUNT_MAX);

export const capacitySchema = z
  .object({
    adult_men: placesSchema,
    adult_women: placesSchema,
    families: placesSchema,
    unaccompanied_children: placesSchema,
  })
  .strict();
export type Capacity = z.infer<typeof capacitySchema>;

export const centreInputSchema = z
  .object({
    /** Unique within the actor's country ("CDMX-01"). */
    code: codeSchema,
    names: localizedTextInputSchema,
    type: z.enum(CENTRE_TYPES),
    agencyId: idSchema.nullable().optional(),
    status: z.enum(CENTRE_STATUSES).default('open'),
    capacity: capacitySchema,
    services: z.array(z.enum(CENTRE_SERVICES)).max(CENTRE_SERVICES.length).default([]),
  })
  .strict();
export type CentreInput = z.input<typeof centreInputSchema>;

export const centreSchema = z.object({
  id: z.string(),
  countryCode: z.string(),
  code: z.string(),
  names: localizedTextSchema,
  name: z.string(),
  type: z.enum(CENTRE_TYPES),
  agencyId: z.string().nullable(),
  status: z.enum(CENTRE_STATUSES),
  capacity: capacitySchema,
  services: z.array(z.enum(CENTRE_SERVICES)),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Centre = z.infer<typeof centreSchema>;
export const centreListSchema = z.object({ items: z.array(centreSchema) });

/** What the person says (or shows): the search before create, and the identity given at release. */
export const identityInputSchema = z
  .object({
    givenNames: nameText.optional(),
    familyNames: nameText.optional(),
    birthDate: partialDateSchema.optional(),
    /** When the person does not know their birth date: the age the officer estimates. */
    estimatedAge: z.number().int().min(0).max(ESTIMATED_AGE_MAX).optional(),
    sex: z.enum(PERSON_SEXES).optional(),
    nationality: iso3Schema.optional(),
    documentNumber: text(TEXT_MAX.reference).optional(),
  })
  .strict();
export type IdentityInput = z.infer<typeof identityInputSchema>;

export const personInputSchema = z
  .object({
    /** The names as the person states them. */
    givenNames: nameText.min(1),
    familyNames: nameText.min(1),
    /** The names as written in a document, if any. */
    documentGivenNames: nameText.optional(),
    documentFamilyNames: nameText.optional(),
    aliases: z.array(nameText.min(1)).max(10).default([]),
    sex: z.enum(PERSON_SEXES),
    birthDate: partialDateSchema.optional(),
    birthDatePrecision: z.enum(BIRTH_DATE_PRECISIONS),
    estimatedAge: z.number().int().min(0).max(ESTIMATED_AGE_MAX).optional(),
    nationality: iso3Schema,
    otherNationalities: z.array(iso3Schema).max(5).default([]),
    languages: z.array(languageSchema).max(10).default([]),
    documentNumber: text(TEXT_MAX.reference).optional(),
    /** A staged image of the officer (platform files): the person's photo, shown at release. */
    photoFileId: idSchema.optional(),
    /** The document's machine-readable zone: checked and flagged, never corrected (registry-mrz). */
    mrz: mrzTextSchema.optional(),
  })
  .strict();
export type PersonInput = z.input<typeof personInputSchema>;

export const staySummarySchema = z.object({
  id: z.string(),
  centreId: z.string(),
  centreName: z.string(),
  unit: z.enum(CENTRE_UNITS),
  status: z.enum(STAY_STATUSES),
  admittedAt: z.string(),
  releasedAt: z.string().nullable(),
  releaseOutcome: z.enum(RELEASE_OUTCOMES).nullable(),
  /** A release stopped by the identity check waits for a supervisor. */
  releaseCheckPending: z.boolean(),
  /** Items of the belongings inventory still held (current, no return recorded): 0 when none. */
  belongingsHeld: z.number().int(),
});

export const personSchema = z.object({
  id: z.string(),
  countryCode: z.string(),
  givenNames: z.string(),
  familyNames: z.string(),
  documentGivenNames: z.string().nullable(),
  documentFamilyNames: z.string().nullable(),
  aliases: z.array(z.string()),
  sex: z.enum(PERSON_SEXES),
  birthDate: z.string().nullable(),
  birthDatePrecision: z.enum(BIRTH_DATE_PRECISIONS),
  nationality: z.string(),
  otherNationalities: z.array(z.string()),
  languages: z.array(z.string()),
  documentNumber: z.string().nullable(),
  mergedInto: z.string().nullable(),
  createdAt: z.string(),
  stays: z.array(staySummarySchema),
  /** The document's MRZ and the flags of its check, when one was given. */
  mrz: personMrzSchema.nullable(),
  /** Every travel or identity document recorded (registry-documents), withdrawn ones included. */
  documents: z.array(personDocumentSchema),
  /** The latest photo (platform files: GET /api/files/:id), shown at the identity check. */
  photo: z.object({ id: z.string(), name: z.string(), type: z.string() }).nullable(),
  abilities: z.object({ admit: z.boolean() }),
  /** Set when another country reads the person by share (dto/registry-shares.ts): what the shares carry. */
  sharedWithMe: z.object({ fields: z.array(z.string()), stayIds: z.array(z.string()) }).optional(),
});
export type Person = z.infer<typeof personSchema>;

/** How strongly one field agreed, in words the UI translates. */
export const AGREEMENTS = ['strong', 'partial', 'weak', 'disagrees', 'missing'] as const;
export const fieldExplanationSchema = z.object({
  field: z.string(),
  /** What was typed, and what the record holds. */
  given: z.string(),
  recorded: z.string(),
  /** The linkage engine's comparison level (its label), null when a value is missing. */
  level: z.string().nullable(),
  agreement: z.enum(AGREEMENTS),
  /** Weight of evidence in bits (log2 of the likelihood ratio): positive favours the same person. */
  weight: z.number(),
});
export const matchExplanationSchema = z.object({
  prior: z.number(),
  total: z.number(),
  fields: z.array(fieldExplanationSchema),
});
export type MatchExplanation = z.infer<typeof matchExplanationSchema>;

export const candidateSchema = z.object({
  person: z.object({
    id: z.string(),
    givenNames: z.string(),
    familyNames: z.string(),
    sex: z.enum(PERSON_SEXES),
    birthDate: z.string().nullable(),
    birthDatePrecision: z.enum(BIRTH_DATE_PRECISIONS),
    nationality: z.string(),
    inCentre: z.boolean(),
  }),
  /** The engine's match probability, 0–1. */
  score: z.number(),
  explanation: matchExplanationSchema,
});
export const searchResultSchema = z.object({
  candidates: z.array(candidateSchema),
  /** Persons retrieved by their blocking keys and scored (before keeping the best). */
  compared: z.number().int(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const attentionSchema = z
  .object({
    kinds: z.array(z.enum(ATTENTION_KINDS)).max(ATTENTION_KINDS.length).default([]),
    note: text(TEXT_MAX.note).optional(),
  })
  .strict();

export const admissionInputSchema = z
  .object({
    personId: idSchema,
    centreId: idSchema,
    unit: z.enum(CENTRE_UNITS),
    admittedAt: instantSchema,
    referringAuthority: text(TEXT_MAX.title).min(1),
    incidentId: idSchema.nullable().optional(),
    reason: text(TEXT_MAX.purpose).min(1),
    custodyType: z.enum(CUSTODY_TYPES),
    attention: attentionSchema.default({ kinds: [] }),
  })
  .strict();
export type AdmissionInput = z.input<typeof admissionInputSchema>;

export const transferInputSchema = z
  .object({
    toCentreId: idSchema,
    /** The unit in the receiving centre; the same as before when absent. */
    unit: z.enum(CENTRE_UNITS).optional(),
    at: instantSchema,
    note: text(TEXT_MAX.purpose).optional(),
  })
  .strict();
export type TransferInput = z.input<typeof transferInputSchema>;

export const releaseInputSchema = z
  .object({
    releasedAt: instantSchema,
    outcome: z.enum(RELEASE_OUTCOMES),
    notes: text(TEXT_MAX.notes).optional(),
    /** What the person leaving says and shows, matched against the admission record. */
    identity: identityInputSchema,
  })
  .strict();
export type ReleaseInput = z.input<typeof releaseInputSchema>;

export const releaseResolveInputSchema = z
  .object({
    decision: z.enum(RELEASE_DECISIONS),
    note: text(TEXT_MAX.purpose).min(1),
  })
  .strict();

export const staySchema = z.object({
  id: z.string(),
  personId: z.string(),
  countryCode: z.string(),
  centreId: z.string(),
  unit: z.enum(CENTRE_UNITS),
  admittedAt: z.string(),
  referringAuthority: z.string(),
  incidentId: z.string().nullable(),
  /** The linked incident's reference (of the stay's country); the UI links it for incident readers. */
  incident: z.object({ id: z.string(), reference: z.string() }).nullable(),
  reason: z.string(),
  custodyType: z.enum(CUSTODY_TYPES),
  attention: z.object({ kinds: z.array(z.enum(ATTENTION_KINDS)), note: z.string().optional() }),
  status: z.enum(STAY_STATUSES),
  releasedAt: z.string().nullable(),
  releaseOutcome: z.enum(RELEASE_OUTCOMES).nullable(),
  releaseNotes: z.string().nullable(),
  transfers: z.array(
    z.object({
      fromCentreId: z.string(),
      toCentreId: z.string(),
      at: z.string(),
      byName: z.string().nullable(),
    }),
  ),
  releaseCheck: z
    .object({
      status: z.enum(['pending', 'confirmed', 'rejected']),
      score: z.number(),
      attemptedAt: z.string(),
      resolvedAt: z.string().nullable(),
      /** The release asked for: recorded as of this time and outcome if a supervisor confirms. */
      releasedAt: z.string(),
      outcome: z.enum(RELEASE_OUTCOMES),
      /** The engine's comparison of what was shown at release with the admission record. */
      explanation: matchExplanationSchema.nullable(),
    })
    .nullable(),
  abilities: z.object({ transfer: z.boolean(), release: z.boolean(), resolve: z.boolean() }),
});
export type Stay = z.infer<typeof staySchema>;

export const occupancyQuerySchema = z
  .object({ from: isoDateSchema.optional(), to: isoDateSchema.optional() })
  .strict();
export type OccupancyQuery = z.infer<typeof occupancyQuerySchema>;

const placesCountSchema = z.object({
  places: z.number().int(),
  occupied: z.number().int(),
  free: z.number().int(),
});
export const occupancySchema = z.object({
  centreId: z.string(),
  asOf: z.string(),
  from: z.string(),
  to: z.string(),
  units: z.array(placesCountSchema.extend({ unit: z.enum(CENTRE_UNITS) })),
  total: placesCountSchema,
  /** Every day of the range (UTC), admissions and transfers in, releases and transfers out. */
  days: z.array(z.object({ date: z.string(), arrivals: z.number().int(), departures: z.number().int() })),
  lengthOfStay: z.object({
    /** Stays released from this centre in the range, in days from admission to release. */
    released: z.number().int(),
    meanDays: z.number().nullable(),
    medianDays: z.number().nullable(),
    /** The residents now, in days since admission. */
    current: z.number().int(),
    currentMeanDays: z.number().nullable(),
  }),
  /**
   * The residents now, by sex, by age group on the day (a partly known birth date counts as its
   * latest possible day: whoever may still be a child is counted as one) and by nationality.
   */
  residents: z.object({
    bySex: z.array(z.object({ sex: z.enum(PERSON_SEXES), count: z.number().int() })),
    byAgeGroup: z.array(z.object({ ageGroup: z.enum(AGE_GROUPS), count: z.number().int() })),
    byNationality: z.array(z.object({ nationality: z.string(), count: z.number().int() })),
  }),
  /**
   * The residents at the end of each day of the range (UTC; today: now), in total and by sex, by
   * age group on that day (as `residents`) and by nationality: `counts[i]` is for `dates[i]`.
   */
  residentsOverTime: z.object({
    dates: z.array(z.string()),
    total: z.array(z.number().int()),
    bySex: z.array(z.object({ sex: z.enum(PERSON_SEXES), counts: z.array(z.number().int()) })),
    byAgeGroup: z.array(z.object({ ageGroup: z.enum(AGE_GROUPS), counts: z.array(z.number().int()) })),
    byNationality: z.array(z.object({ nationality: z.string(), counts: z.array(z.number().int()) })),
  }),
});
export type Occupancy = z.infer<typeof occupancySchema>;

/** A count of persons as a regional view shows it: null when withheld by small-cell suppression. */
const shownCountSchema = z.object({ persons: z.number().int().nullable(), suppressed: z.boolean() });

/**
 * People in centres now, by country, sex, age group and nationality, for every country of the
 * network (action 6): aggregates only, small cells withheld as in the statistics.
 */
export const registryAggregatesSchema = z.object({
  asOf: z.string(),
  countries: z.array(
    shownCountSchema.extend({
      countryCode: z.string(),
      bySex: z.array(shownCountSchema.extend({ sex: z.enum(PERSON_SEXES) })),
      byAgeGroup: z.array(shownCountSchema.extend({ ageGroup: z.enum(AGE_GROUPS) })),
      byNationality: z.array(shownCountSchema.extend({ nationality: z.string() })),
    }),
  ),
  total: shownCountSchema,
});
export type RegistryAggregates = z.infer<typeof registryAggregatesSchema>;

/** Who works in a centre, as action 7 counts them. */
export const CENTRE_STAFF_ROLES = [
  'custody',
  'social_work',
  'medical',
  'psychosocial',
  'legal',
  'interpreters',
  'child_protection',
  'administration',
  'other',
] as const;
export type CentreStaffRole = (typeof CENTRE_STAFF_ROLES)[number];

/** A declaration of a centre's resources on a day: staff by role and budget lines. */
export const centreResourcesInputSchema = z
  .object({
    asOf: isoDateSchema,
    staff: z
      .array(z.object({ role: z.enum(CENTRE_STAFF_ROLES), count: placesSchema }).strict())
      .max(CENTRE_STAFF_ROLES.length),
    budget: z
      .array(
        z
          .object({
            line: text(TEXT_MAX.title).min(1),
            year: z.number().int().min(1990).max(2100),
            amount: z.number().min(0).max(1e12),
            currency: z.string().regex(/^[A-Z]{3}$/),
          })
          .strict(),
      )
      .max(50),
  })
  .strict();
export type CentreResourcesInput = z.input<typeof centreResourcesInputSchema>;

export const centreResourcesSchema = z.object({
  centreId: z.string(),
  asOf: z.string(),
  staff: z.array(z.object({ role: z.enum(CENTRE_STAFF_ROLES), count: z.number().int() })),
  budget: z.array(
    z.object({ line: z.string(), year: z.number().int(), amount: z.number(), currency: z.string() }),
  ),
  declaredAt: z.string(),
});
export type CentreResources = z.infer<typeof centreResourcesSchema>;

/** The latest declaration (null before the first) and the dates of every one, newest first. */
export const centreResourcesHistorySchema = z.object({
  current: centreResourcesSchema.nullable(),
  history: z.array(z.object({ asOf: z.string(), declaredAt: z.string(), staff: z.number().int() })),
  /**
   * The resources over time, oldest first: one point per day declared (the latest declaration of
   * that day), the staff of each role and the budget of each currency (the sum of its lines).
   */
  series: z.object({
    dates: z.array(z.string()),
    staff: z.array(z.object({ role: z.enum(CENTRE_STAFF_ROLES), counts: z.array(z.number().int()) })),
    budget: z.array(z.object({ currency: z.string(), amounts: z.array(z.number()) })),
  }),
});
export type CentreResourcesHistory = z.infer<typeof centreResourcesHistorySchema>;

/** Who is in a centre now: the open stays of its current residents, newest admission first. */
export const residentsQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
export type ResidentsQuery = z.input<typeof residentsQuerySchema>;

export const residentSchema = z.object({
  stayId: z.string(),
  personId: z.string(),
  givenNames: z.string(),
  familyNames: z.string(),
  sex: z.enum(PERSON_SEXES),
  birthDate: z.string().nullable(),
  birthDatePrecision: z.enum(BIRTH_DATE_PRECISIONS),
  nationality: z.string(),
  unit: z.enum(CENTRE_UNITS),
  admittedAt: z.string(),
  releaseCheckPending: z.boolean(),
});
export type Resident = z.infer<typeof residentSchema>;
export const residentPageSchema = z.object({ total: z.number().int(), items: z.array(residentSchema) });
export type ResidentPage = z.infer<typeof residentPageSchema>;

/** A release stopped by the identity check, waiting for a supervisor (their work queue). */
export const pendingReleaseCheckSchema = z.object({
  stayId: z.string(),
  personId: z.string(),
  givenNames: z.string(),
  familyNames: z.string(),
  centreId: z.string(),
  centreName: z.string(),
  score: z.number(),
  outcome: z.enum(RELEASE_OUTCOMES),
  releasedAt: z.string(),
  attemptedAt: z.string(),
  attemptedByName: z.string().nullable(),
  /** Whether the reader may decide it (a supervisor who did not attempt the release). */
  mayResolve: z.boolean(),
});
export type PendingReleaseCheck = z.infer<typeof pendingReleaseCheckSchema>;
export const pendingReleaseCheckListSchema = z.object({ items: z.array(pendingReleaseCheckSchema) });

/** A photo added to a person registered without one, or a newer one. */
export const personPhotoInputSchema = z.object({ fileId: idSchema }).strict();
