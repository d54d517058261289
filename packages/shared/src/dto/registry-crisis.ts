import { z } from 'zod';
import { handlingCodesSchema } from '../handling';
import { idSchema } from './common';
import { iso3Schema } from './incidents';
import { TEXT_MAX } from './limits';

/**
 * Crisis levels of a country's centres (Work Plan area 3, action 9 and footnote 20: crisis levels,
 * escalation plans, binational communication). Each country sets, for levels 1 to 4, the figures
 * that reach a level; a supervisor may also declare a level by hand. Crossing up to a level tells
 * the focal points named for it; at levels 3 and 4 a binational alert may be opened.
 */
export const CRISIS_LEVELS = [1, 2, 3, 4] as const;
export type CrisisLevel = (typeof CRISIS_LEVELS)[number];
/** From this level on, a binational alert thread may be opened with another country. */
export const CRISIS_ALERT_LEVEL = 3;
/** Focal points named for one level, at most. */
export const CRISIS_FOCAL_POINTS_MAX = 50;
/** The figures a threshold may watch: the whole country's occupancy, any one centre's, arrivals in 24 h. */
export const CRISIS_CRITERIA = ['country_occupancy', 'centre_occupancy', 'arrivals_24h'] as const;
export type CrisisCriterion = (typeof CRISIS_CRITERIA)[number];
/** What changed a level: the figures (after a movement or the periodic job), or a supervisor. */
export const CRISIS_CAUSES = ['automatic', 'declared', 'lifted', 'thresholds', 'alert'] as const;
export type CrisisCause = (typeof CRISIS_CAUSES)[number];

/** An occupancy threshold, in percent of the places (over 100: more people than places). */
const pctSchema = z.number().int().min(1).max(1000);
const arrivalsSchema = z.number().int().min(1).max(100_000);

export const crisisLevelThresholdSchema = z
  .object({
    level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    /** Occupied places of all the country's centres, in percent of their places; null: not watched. */
    countryOccupancyPct: pctSchema.nullable(),
    /** The occupancy of any single centre of the country, in percent of its places. */
    centreOccupancyPct: pctSchema.nullable(),
    /** Admissions to the country's centres in the last 24 hours (transfers inside it are not arrivals). */
    arrivals24h: arrivalsSchema.nullable(),
    /** Directory entries of the country (linked to an account) told when the level is reached. */
    notify: z.array(idSchema).max(CRISIS_FOCAL_POINTS_MAX).default([]),
  })
  .strict();
export type CrisisLevelThreshold = z.infer<typeof crisisLevelThresholdSchema>;

export const crisisThresholdsInputSchema = z
  .object({ levels: z.array(crisisLevelThresholdSchema).length(4) })
  .strict();
export type CrisisThresholdsInput = z.input<typeof crisisThresholdsInputSchema>;

type ThresholdDraft = Pick<
  CrisisLevelThreshold,
  'level' | 'countryOccupancyPct' | 'centreOccupancyPct' | 'arrivals24h'
>;

/**
 * The ordering rule, one function for the form and the API: the levels come as 1, 2, 3, 4, and a
 * figure a level watches is at least the one any lower level watches. Each break names its field
 * (`levels.<i>.<field>`) and the value it must reach.
 */
export function crisisOrderErrors(
  levels: readonly ThresholdDraft[],
): { path: string; code: string; params?: Record<string, number> }[] {
  const out: { path: string; code: string; params?: Record<string, number> }[] = [];
  levels.forEach((l, i) => {
    if (l.level !== i + 1) out.push({ path: `levels.${i}.level`, code: 'registry_crisis_levels_sequence' });
  });
  if (out.length) return out;
  for (const field of ['countryOccupancyPct', 'centreOccupancyPct', 'arrivals24h'] as const) {
    let floor: number | null = null;
    levels.forEach((l, i) => {
      const v = l[field];
      if (v === null) return;
      if (floor !== null && v < floor)
        out.push({
          path: `levels.${i}.${field}`,
          code: 'registry_crisis_threshold_order',
          params: { level: l.level, min: floor },
        });
      floor = Math.max(floor ?? v, v);
    });
  }
  return out;
}

export const crisisDeclarationInputSchema = z
  .object({
    level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    reason: z.string().trim().min(1).max(TEXT_MAX.purpose),
  })
  .strict();
export type CrisisDeclarationInput = z.infer<typeof crisisDeclarationInputSchema>;

export const crisisLiftInputSchema = z
  .object({ reason: z.string().trim().min(1).max(TEXT_MAX.purpose) })
  .strict();

export const crisisAlertInputSchema = z
  .object({
    /** The neighbouring country the alert is addressed to. */
    countryCode: iso3Schema,
    /** The codes of the alert's message, chosen by its author as every exchange message's. */
    codes: handlingCodesSchema,
    /** A word from the supervisor, added to the level and the figures. */
    note: z.string().trim().max(TEXT_MAX.note).optional(),
  })
  .strict();
export type CrisisAlertInput = z.input<typeof crisisAlertInputSchema>;

export const crisisHistoryQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

/** The figures of a country's centres at one moment: what the thresholds are compared with. */
export const crisisFiguresSchema = z.object({
  at: z.string(),
  places: z.number().int(),
  occupied: z.number().int(),
  /** Null when the country's centres have no places. */
  countryOccupancyPct: z.number().nullable(),
  /** The fullest centre (with places), its occupancy in percent. */
  centreOccupancyPct: z.number().nullable(),
  centreId: z.string().nullable(),
  arrivals24h: z.number().int(),
});
export type CrisisFigures = z.infer<typeof crisisFiguresSchema>;

/** Why a level holds: the threshold met (its level, criterion, threshold and value), or a declaration. */
export const crisisTriggerSchema = z.object({
  kind: z.enum(['threshold', 'declared', 'none']),
  level: z.number().int(),
  criterion: z.enum(CRISIS_CRITERIA).nullable(),
  threshold: z.number().nullable(),
  value: z.number().nullable(),
  centreId: z.string().nullable(),
});
export type CrisisTrigger = z.infer<typeof crisisTriggerSchema>;

export const crisisHistoryEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  fromLevel: z.number().int(),
  toLevel: z.number().int(),
  cause: z.enum(CRISIS_CAUSES),
  trigger: crisisTriggerSchema,
  figures: crisisFiguresSchema,
  byName: z.string().nullable(),
  reason: z.string().nullable(),
  /** How many accounts were told (a crossing up). */
  notified: z.number().int(),
  alertCountry: z.string().nullable(),
  threadId: z.string().nullable(),
});
export type CrisisHistoryEntry = z.infer<typeof crisisHistoryEntrySchema>;

export const crisisFocalPointSchema = z.object({
  entryId: z.string(),
  name: z.string(),
  function: z.string(),
  /** False when the entry has lost its account: it is kept but nobody is told. */
  reachable: z.boolean(),
});

export const crisisThresholdsSchema = z.object({
  levels: z.array(
    crisisLevelThresholdSchema.extend({ focalPoints: z.array(crisisFocalPointSchema) }).strip(),
  ),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
});
export type CrisisThresholds = z.infer<typeof crisisThresholdsSchema>;

export const crisisSchema = z.object({
  countryCode: z.string(),
  /** 0 when no level is reached. */
  level: z.number().int().min(0).max(4),
  since: z.string().nullable(),
  trigger: crisisTriggerSchema,
  /** The level a supervisor declared, until lifted. */
  declared: z
    .object({ level: z.number().int(), reason: z.string(), at: z.string(), byName: z.string().nullable() })
    .nullable(),
  /** The figures now. */
  figures: crisisFiguresSchema,
  thresholds: crisisThresholdsSchema,
  history: z.object({ total: z.number().int(), items: z.array(crisisHistoryEntrySchema) }),
  /** Countries an alert may be addressed to (members and partners of the network but one's own). */
  alertCountries: z.array(z.string()),
  abilities: z.object({ configure: z.boolean(), declare: z.boolean(), alert: z.boolean() }),
});
export type Crisis = z.infer<typeof crisisSchema>;

export const crisisAlertSchema = z.object({
  threadId: z.string(),
  reference: z.string(),
  countryCode: z.string(),
  level: z.number().int(),
  recipients: z.number().int(),
});
export type CrisisAlert = z.infer<typeof crisisAlertSchema>;
