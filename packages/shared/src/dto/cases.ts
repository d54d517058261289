import { z } from 'zod';
import {
  ASSET_KINDS,
  ASSET_STATUSES,
  CASE_COUNTRY_ROLES,
  CASE_STAGES,
  DEFENDANT_OUTCOMES,
  EVIDENCE_KINDS,
  SUSPECT_KINDS,
  SUSPECT_ROLES,
} from '../vocabulary';
import { countryCodeSchema, idSchema } from './common';
import { iso3Schema, isoDateSchema, termCodeSchema } from './incidents';
import { TEXT_MAX } from './limits';
import { pageQueryShape, pageSchema } from './lists';

const text = (max: number) => z.string().trim().max(max);
const currencySchema = z.string().regex(/^[A-Z]{3}$/);
/** Decimals of a money amount (kept in hundredths). */
export const AMOUNT_DECIMALS = 2;
/** A money amount with at most two decimals. */
export const amountSchema = z
  .number()
  .min(0)
  .max(1e13)
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, {
    params: { message: 'decimals', count: AMOUNT_DECIMALS },
  });

/** A sentence, in months (a hundred years at most). */
export const sentenceMonthsSchema = z.number().int().min(0).max(1200);

export const caseCountrySchema = z.object({ countryCode: iso3Schema, role: z.enum(CASE_COUNTRY_ROLES) });
const caseCountryInputSchema = caseCountrySchema.strict();
const jointTeamInputSchema = z
  .object({ name: text(TEXT_MAX.title).min(1), establishedOn: isoDateSchema.nullable() })
  .strict();

export const caseCreateBodySchema = z
  .object({
    reference: text(TEXT_MAX.reference).min(1),
    title: text(TEXT_MAX.title).min(1),
    /** Sensitive: encrypted at rest. */
    summary: z.string().max(TEXT_MAX.narrative).nullable().optional(),
    stage: z.enum(CASE_STAGES).default('detection'),
    /** When the case began (the first stage's date). */
    openedOn: isoDateSchema,
    offences: z.array(termCodeSchema).max(30).default([]),
    incidentIds: z.array(idSchema).max(500).default([]),
    countries: z.array(caseCountryInputSchema).max(60).default([]),
    financialInvestigation: z.boolean().default(false),
    jointTeam: jointTeamInputSchema.nullable().optional(),
  })
  .strict();
export type CaseCreateBody = z.input<typeof caseCreateBodySchema>;

export const caseUpdateBodySchema = z
  .object({
    title: text(TEXT_MAX.title).min(1).optional(),
    summary: z.string().max(TEXT_MAX.narrative).nullable().optional(),
    offences: z.array(termCodeSchema).max(30).optional(),
    incidentIds: z.array(idSchema).max(500).optional(),
    countries: z.array(caseCountryInputSchema).max(60).optional(),
    financialInvestigation: z.boolean().optional(),
    jointTeam: jointTeamInputSchema.nullable().optional(),
  })
  .strict();
export type CaseUpdateBody = z.infer<typeof caseUpdateBodySchema>;

export const stageTransitionBodySchema = z
  .object({ stage: z.enum(CASE_STAGES), occurredOn: isoDateSchema })
  .strict();

export const suspectBodySchema = z
  .object({
    kind: z.enum(SUSPECT_KINDS),
    /** A person's or an organisation's name: encrypted at rest, never in URLs or logs. */
    name: text(TEXT_MAX.name).min(1),
    nationality: iso3Schema.nullable().optional(),
    role: z.enum(SUSPECT_ROLES).default('other'),
    defendant: z.boolean().default(false),
    charges: z.array(termCodeSchema).max(30).default([]),
  })
  .strict();
export type SuspectBody = z.input<typeof suspectBodySchema>;

export const suspectUpdateBodySchema = z
  .object({
    name: text(TEXT_MAX.name).min(1).optional(),
    nationality: iso3Schema.nullable().optional(),
    role: z.enum(SUSPECT_ROLES).optional(),
    defendant: z.boolean().optional(),
    charges: z.array(termCodeSchema).max(30).optional(),
    outcome: z.enum(DEFENDANT_OUTCOMES).optional(),
    outcomeOn: isoDateSchema.nullable().optional(),
    sentenceMonths: sentenceMonthsSchema.nullable().optional(),
    fine: z.object({ amount: amountSchema, currency: currencySchema }).strict().nullable().optional(),
  })
  .strict();
export type SuspectUpdateBody = z.infer<typeof suspectUpdateBodySchema>;

export const assetBodySchema = z
  .object({
    kind: z.enum(ASSET_KINDS),
    description: text(TEXT_MAX.description).nullable().optional(),
    status: z.enum(ASSET_STATUSES).default('identified'),
    value: amountSchema.nullable().optional(),
    currency: currencySchema.nullable().optional(),
    statusOn: isoDateSchema,
  })
  .strict();
export type AssetBody = z.input<typeof assetBodySchema>;
export const assetUpdateBodySchema = z
  .object({
    status: z.enum(ASSET_STATUSES).optional(),
    statusOn: isoDateSchema.optional(),
    value: amountSchema.nullable().optional(),
    currency: currencySchema.nullable().optional(),
    description: text(TEXT_MAX.description).nullable().optional(),
  })
  .strict();
export type AssetUpdateBody = z.infer<typeof assetUpdateBodySchema>;

export const evidenceBodySchema = z
  .object({
    kind: z.enum(EVIDENCE_KINDS),
    description: text(TEXT_MAX.description).min(1),
    /** SHA-256 of the file, lower-case hex; the file itself stays in the owner's evidence store. */
    sha256: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/)
      .transform((v) => v.toLowerCase())
      .nullable()
      .optional(),
    collectedAt: z.iso.datetime(),
    /** Who collected it: the first holder of the chain of custody. */
    holder: text(TEXT_MAX.name).min(1),
  })
  .strict();
export type EvidenceBody = z.input<typeof evidenceBodySchema>;

export const custodyTransferBodySchema = z
  .object({
    holder: text(TEXT_MAX.name).min(1),
    at: z.iso.datetime(),
    purpose: text(TEXT_MAX.purpose).nullable().optional(),
    /** The file's hash as checked at hand-over; it must match the recorded one. */
    sha256: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/)
      .transform((v) => v.toLowerCase())
      .nullable()
      .optional(),
  })
  .strict();
export type CustodyTransferBody = z.input<typeof custodyTransferBodySchema>;

export const caseShareBodySchema = z.object({ countryCode: countryCodeSchema }).strict();

export const caseParamsSchema = z.object({ id: idSchema });
export const suspectParamsSchema = z.object({ id: idSchema, suspectId: idSchema });
export const assetParamsSchema = z.object({ id: idSchema, assetId: idSchema });
export const evidenceParamsSchema = z.object({ id: idSchema, evidenceId: idSchema });
export const shareParamsSchema = z.object({ id: idSchema, shareId: idSchema });

export const suspectSchema = z.object({
  id: z.string(),
  kind: z.enum(SUSPECT_KINDS),
  name: z.string(),
  nationality: z.string().nullable(),
  role: z.enum(SUSPECT_ROLES),
  defendant: z.boolean(),
  charges: z.array(z.string()),
  outcome: z.enum(DEFENDANT_OUTCOMES),
  outcomeOn: z.string().nullable(),
  sentenceMonths: z.number().nullable(),
  fine: z.object({ amount: z.number(), currency: z.string() }).nullable(),
});
export type Suspect = z.infer<typeof suspectSchema>;

export const assetSchema = z.object({
  id: z.string(),
  kind: z.enum(ASSET_KINDS),
  description: z.string().nullable(),
  status: z.enum(ASSET_STATUSES),
  value: z.number().nullable(),
  currency: z.string().nullable(),
  identifiedOn: z.string().nullable(),
  seizedOn: z.string().nullable(),
  confiscatedOn: z.string().nullable(),
  releasedOn: z.string().nullable(),
});
export type Asset = z.infer<typeof assetSchema>;

export const custodyEntrySchema = z.object({
  holder: z.string(),
  from: z.string(),
  to: z.string().nullable(),
  purpose: z.string().nullable(),
  hashVerified: z.boolean().nullable(),
});
export const evidenceSchema = z.object({
  id: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  description: z.string(),
  sha256: z.string().nullable(),
  collectedAt: z.string(),
  custody: z.array(custodyEntrySchema),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const caseShareSchema = z.object({
  id: z.string(),
  countryCode: z.string(),
  grantedAt: z.string(),
  revokedAt: z.string().nullable(),
});

export const caseSchema = z.object({
  id: z.string(),
  countryCode: z.string(),
  reference: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  stage: z.enum(CASE_STAGES),
  stages: z.array(z.object({ stage: z.enum(CASE_STAGES), occurredOn: z.string(), recordedAt: z.string() })),
  openedOn: z.string(),
  judgedOn: z.string().nullable(),
  offences: z.array(z.string()),
  incidentIds: z.array(z.string()),
  countries: z.array(caseCountrySchema),
  financialInvestigation: z.boolean(),
  jointTeam: z.object({ name: z.string(), establishedOn: z.string().nullable() }).nullable(),
  suspects: z.array(suspectSchema),
  assets: z.array(assetSchema),
  evidence: z.array(evidenceSchema),
  /** Countries it is shared with; only the owner sees this list. */
  shares: z.array(caseShareSchema),
  /** Whether the actor sees it through a share rather than as owner. */
  sharedWithMe: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({ update: z.boolean(), share: z.boolean() }),
});
export type Case = z.infer<typeof caseSchema>;

export const caseSummarySchema = z.object({
  id: z.string(),
  countryCode: z.string(),
  reference: z.string(),
  title: z.string(),
  stage: z.enum(CASE_STAGES),
  openedOn: z.string(),
  sharedWithMe: z.boolean(),
  updatedAt: z.string(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;
/** Columns the case list sorts by. */
export const CASE_SORTS = ['updatedAt', 'openedOn', 'reference', 'title', 'stage', 'country'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];
export const caseListQuerySchema = z.object({
  stage: z.enum(CASE_STAGES).optional(),
  ...pageQueryShape(CASE_SORTS, { sort: 'updatedAt', dir: 'desc', limit: 50 }),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;
export const casePageSchema = pageSchema(caseSummarySchema);
export type CasePage = z.infer<typeof casePageSchema>;
