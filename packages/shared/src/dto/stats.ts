import { z } from 'zod';
import {
  AGE_GROUPS,
  ASSET_STATUSES,
  CASE_STAGES,
  DATA_QUALITY_LEVELS,
  INCIDENT_SOURCES,
  SEXES,
  SHARING_STATUSES,
  TRANSPORT_MODES,
  UPDATE_FREQUENCIES,
} from '../vocabulary';
import { countryCodeSchema } from './common';
import { EXCHANGE_PRIORITIES } from './exchange';
import { iso3Schema, termCodeSchema } from './incidents';
import { TEXT_MAX } from './limits';

/** A calendar month, YYYY-MM: statistics are kept by month. */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/** The dashboard's filters; every statistics query honours them (cases: period and country). */
export const statsFilterSchema = z.object({
  /** First month included. */
  from: monthSchema.optional(),
  /** Last month included. */
  to: monthSchema.optional(),
  /** Country where the incidents happened. */
  country: iso3Schema.optional(),
  /** A statistical region, or a group of them (`americas`: REGION_GROUPS). */
  region: termCodeSchema.optional(),
  mode: z.enum(TRANSPORT_MODES).optional(),
  route: termCodeSchema.optional(),
  /** Incidents involving migrants of this nationality; people counts of this nationality. */
  nationality: iso3Schema.optional(),
  /** Recorded in Enlace by a country, or imported from a public source. */
  source: z.enum(INCIDENT_SOURCES).optional(),
  /** Figures for publication: small cells are suppressed whoever asks. */
  publication: z.enum(['true', 'false']).optional(),
});
export type StatsFilterQuery = z.infer<typeof statsFilterSchema>;

export const STATS_DIMENSIONS = ['year', 'month', 'country', 'region', 'mode', 'route', 'kind'] as const;
export type StatsDimension = (typeof STATS_DIMENSIONS)[number];

/** Person counts summed over incidents; `known` says over how many incidents each was known. */
export const INCIDENT_MEASURES = [
  'migrants',
  'females',
  'males',
  'children',
  'unaccompaniedChildren',
  'dead',
  'missing',
  'survivors',
  'injured',
  'smugglersApprehended',
] as const;
export type IncidentMeasure = (typeof INCIDENT_MEASURES)[number];

const measureValues = z.object(
  Object.fromEntries(INCIDENT_MEASURES.map((m) => [m, z.number().nullable()])) as Record<
    IncidentMeasure,
    z.ZodNullable<z.ZodNumber>
  >,
);
const knownValues = z.object(
  Object.fromEntries(INCIDENT_MEASURES.map((m) => [m, z.number()])) as Record<IncidentMeasure, z.ZodNumber>,
);

export const incidentStatsRowSchema = z.object({
  key: z.record(z.string(), z.string().nullable()),
  incidents: z.number(),
  values: measureValues,
  known: knownValues,
  /** Measures withheld in this row (small cells): their value is null. */
  suppressed: z.array(z.string()),
});
export type IncidentStatsRow = z.infer<typeof incidentStatsRowSchema>;

const appliedSchema = z.object({
  filters: z.record(z.string(), z.string()),
  /** Whether small cells were suppressed in this answer. */
  suppression: z.boolean(),
});

export const incidentStatsQuerySchema = statsFilterSchema.extend({
  /** Comma-separated dimensions, e.g. "year,route". Empty: one total row. */
  by: z
    .string()
    .max(100)
    .regex(/^[a-z,]*$/)
    .default(''),
});
export const incidentStatsSchema = appliedSchema.extend({
  by: z.array(z.enum(STATS_DIMENSIONS)),
  rows: z.array(incidentStatsRowSchema),
  total: incidentStatsRowSchema,
});
export type IncidentStats = z.infer<typeof incidentStatsSchema>;

const personsCell = z.object({ persons: z.number().nullable(), suppressed: z.boolean() });
export const peopleStatsSchema = appliedSchema.extend({
  bySex: z.array(personsCell.extend({ sex: z.enum(SEXES) })),
  byAgeGroup: z.array(personsCell.extend({ ageGroup: z.enum(AGE_GROUPS) })),
  byNationality: z.array(personsCell.extend({ nationality: z.string().nullable() })),
  /** Persons counted in sex × age × nationality detail. */
  detailed: personsCell,
});
export type PeopleStats = z.infer<typeof peopleStatsSchema>;

export const flowStatsSchema = appliedSchema.extend({
  flows: z.array(
    z.object({
      origin: z.string().nullable(),
      destination: z.string().nullable(),
      incidents: z.number(),
      migrants: z.number().nullable(),
      dead: z.number().nullable(),
      missing: z.number().nullable(),
      suppressed: z.array(z.string()),
    }),
  ),
});
export type FlowStats = z.infer<typeof flowStatsSchema>;

export const modusStatsSchema = appliedSchema.extend({
  terms: z.array(z.object({ code: z.string(), incidents: z.number() })),
  /** Incidents in the selection, so shares can be shown. */
  incidents: z.number(),
});
export type ModusStats = z.infer<typeof modusStatsSchema>;

const defendantsCell = z.number().nullable();
export const caseStatsSchema = appliedSchema.extend({
  /** Filters that do not apply to cases (they have no mode, route or nationality). */
  ignoredFilters: z.array(z.string()),
  cases: z.number(),
  byStage: z.array(z.object({ stage: z.enum(CASE_STAGES), cases: z.number() })),
  defendants: z.object({
    convicted: defendantsCell,
    acquitted: defendantsCell,
    dismissed: defendantsCell,
    pending: defendantsCell,
    suppressed: z.array(z.string()),
  }),
  /** Convicted ÷ (convicted + acquitted); null when unknown or suppressed. */
  convictionRate: z.number().nullable(),
  timeToJudgment: z.object({
    cases: z.number(),
    medianDays: z.number().nullable(),
    meanDays: z.number().nullable(),
    p90Days: z.number().nullable(),
  }),
  assets: z.array(
    z.object({ status: z.enum(ASSET_STATUSES), currency: z.string(), items: z.number(), value: z.number() }),
  ),
});
export type CaseStats = z.infer<typeof caseStatsSchema>;

/** A median and a 90th percentile of durations in hours (to the minute); null when nothing was timed. */
const hoursSchema = z.object({ medianHours: z.number().nullable(), p90Hours: z.number().nullable() });

/**
 * How one responding country (null: all of them) answered the exchanges of one priority: counted
 * over the threads the reader's country takes part in, from when the country was added to the thread.
 */
export const exchangeResponseRowSchema = z.object({
  country: z.string().nullable(),
  priority: z.enum(EXCHANGE_PRIORITIES),
  received: z.number(),
  acknowledged: z.number(),
  replied: z.number(),
  toAcknowledge: hoursSchema,
  toReply: hoursSchema,
  /** Threads with a deadline that has passed or was met: those that can be judged on time or late. */
  due: z.number(),
  repliedByDeadline: z.number(),
  /** repliedByDeadline ÷ due; null when nothing was due. */
  onTimeShare: z.number().nullable(),
});
export type ExchangeResponseRow = z.infer<typeof exchangeResponseRowSchema>;

export const exchangeStatsSchema = z.object({
  filters: z.record(z.string(), z.string()),
  /** Filters that do not apply to exchanges (only the period does). */
  ignoredFilters: z.array(z.string()),
  /** Per responding country and priority, countries in code order. */
  rows: z.array(exchangeResponseRowSchema),
  /** Per priority, every responding country together. */
  totals: z.array(exchangeResponseRowSchema),
});
export type ExchangeStats = z.infer<typeof exchangeStatsSchema>;

export const mapQuerySchema = statsFilterSchema.extend({
  zoom: z.coerce.number().int().min(0).max(20).default(3),
  /** west,south,east,north in degrees. */
  bbox: z
    .string()
    .regex(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/)
    .optional(),
});
export const mapStatsSchema = appliedSchema.extend({
  /** "cells": aggregated by a grid of `cellDegrees`; "points": single incidents of the actor's scope. */
  kind: z.enum(['cells', 'points']),
  cellDegrees: z.number().nullable(),
  cells: z.array(
    z.object({
      /** The centre of the cell: never an incident's own coordinates. */
      lat: z.number(),
      lon: z.number(),
      /** The size of this cell: a cell of few incidents is merged into its 1° cell. */
      degrees: z.number(),
      incidents: z.number(),
      migrants: z.number().nullable(),
      dead: z.number().nullable(),
      missing: z.number().nullable(),
      suppressed: z.array(z.string()),
    }),
  ),
  points: z.array(
    z.object({
      id: z.string(),
      lat: z.number(),
      lon: z.number(),
      kind: z.string(),
      occurredOn: z.string(),
      migrants: z.number().nullable(),
      dead: z.number().nullable(),
      missing: z.number().nullable(),
    }),
  ),
  /** More points than one answer carries: zoom in. */
  truncated: z.boolean(),
});
export type MapStats = z.infer<typeof mapStatsSchema>;

export const STATS_EXPORT_TABLES = ['incidents', 'people', 'flows'] as const;
export const statsExportQuerySchema = incidentStatsQuerySchema.extend({
  table: z.enum(STATS_EXPORT_TABLES).default('incidents'),
  /** "hxl": CSV with a second header row of HXL hashtags. */
  format: z.enum(['csv', 'xlsx', 'json', 'hxl']).default('csv'),
});

export const dataInventorySchema = z.object({
  id: z.string(),
  countryCode: z.string(),
  name: z.string(),
  ownerAgency: z.string(),
  description: z.string().nullable(),
  coverage: z.string().nullable(),
  coverageFrom: z.number().nullable(),
  coverageTo: z.number().nullable(),
  fields: z.array(z.string()),
  updateFrequency: z.enum(UPDATE_FREQUENCIES),
  sharingStatus: z.enum(SHARING_STATUSES),
  quality: z.enum(DATA_QUALITY_LEVELS),
  qualityNotes: z.string().nullable(),
  updatedAt: z.string(),
  abilities: z.object({ update: z.boolean() }),
});
export type DataInventoryEntry = z.infer<typeof dataInventorySchema>;
/** A year of a database's coverage. */
export const coverageYearSchema = z.number().int().min(1900).max(2100);
const year = coverageYearSchema;
export const dataInventoryCreateBodySchema = z
  .object({
    countryCode: countryCodeSchema.optional(),
    name: z.string().trim().min(1).max(TEXT_MAX.title),
    ownerAgency: z.string().trim().min(1).max(TEXT_MAX.title),
    description: z.string().trim().max(TEXT_MAX.notes).nullable().optional(),
    coverage: z.string().trim().max(TEXT_MAX.purpose).nullable().optional(),
    coverageFrom: year.nullable().optional(),
    coverageTo: year.nullable().optional(),
    fields: z.array(z.string().trim().min(1).max(TEXT_MAX.fieldName)).max(200).default([]),
    updateFrequency: z.enum(UPDATE_FREQUENCIES),
    sharingStatus: z.enum(SHARING_STATUSES),
    quality: z.enum(DATA_QUALITY_LEVELS).default('unknown'),
    qualityNotes: z.string().trim().max(TEXT_MAX.notes).nullable().optional(),
  })
  .strict();
export type DataInventoryCreateBody = z.input<typeof dataInventoryCreateBodySchema>;
export const dataInventoryUpdateBodySchema = z
  .object({
    name: z.string().trim().min(1).max(TEXT_MAX.title).optional(),
    ownerAgency: z.string().trim().min(1).max(TEXT_MAX.title).optional(),
    description: z.string().trim().max(TEXT_MAX.notes).nullable().optional(),
    coverage: z.string().trim().max(TEXT_MAX.purpose).nullable().optional(),
    coverageFrom: year.nullable().optional(),
    coverageTo: year.nullable().optional(),
    fields: z.array(z.string().trim().min(1).max(TEXT_MAX.fieldName)).max(200).optional(),
    updateFrequency: z.enum(UPDATE_FREQUENCIES).optional(),
    sharingStatus: z.enum(SHARING_STATUSES).optional(),
    quality: z.enum(DATA_QUALITY_LEVELS).optional(),
    qualityNotes: z.string().trim().max(TEXT_MAX.notes).nullable().optional(),
  })
  .strict();
export type DataInventoryUpdateBody = z.infer<typeof dataInventoryUpdateBodySchema>;
export const dataInventoryQuerySchema = z.object({ country: countryCodeSchema.optional() });
