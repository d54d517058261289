import { z } from 'zod';
import { idSchema, countryCodeSchema } from './common';
import { TEXT_MAX } from './limits';
import {
  ATTENTION_KINDS,
  BIRTH_DATE_PRECISIONS,
  CENTRE_UNITS,
  CUSTODY_TYPES,
  PERSON_SEXES,
  staySummarySchema,
} from './registry';
import { shareSchema } from './shares';

/**
 * Cross-country shares of registry persons and their stays (issue 12: person-level data leaves
 * its country only by explicit share), and transfers abroad offered through one.
 *
 * What a share carries: always the identity core (names as stated, sex, birth date and its
 * precision, nationality), needed to know who the person is; the optional groups below only when
 * chosen; and only the stays listed (as summaries: centre, unit, dates, status, outcome). The
 * reason of an admission, release notes, release checks and blocking keys never leave.
 */
export const PERSON_SHARE_FIELDS = [
  /** Names as in the document and the document number. */
  'document',
  'aliases',
  'other_nationalities',
  'languages',
  /** The attention decided at reception (kinds only) of each shared stay. */
  'attention',
] as const;
export type PersonShareField = (typeof PERSON_SHARE_FIELDS)[number];

/** Why a person is shared; `transfer` is set by a transfer abroad, never chosen. */
export const PERSON_SHARE_PURPOSES = [
  'identification',
  'consular_assistance',
  'family_tracing',
  'protection_referral',
  'return_coordination',
  'other',
] as const;
export const REGISTRY_SHARE_PURPOSES = [...PERSON_SHARE_PURPOSES, 'transfer'] as const;
export type RegistrySharePurpose = (typeof REGISTRY_SHARE_PURPOSES)[number];

const note = z.string().trim().max(TEXT_MAX.purpose);
const instantSchema = z.iso.datetime({ offset: true });
const fieldsSchema = z.array(z.enum(PERSON_SHARE_FIELDS)).max(PERSON_SHARE_FIELDS.length).default([]);

export const personShareInputSchema = z
  .object({
    countryCode: countryCodeSchema,
    purpose: z.enum(PERSON_SHARE_PURPOSES),
    note: note.optional(),
    fields: fieldsSchema,
    /** The person's stays to share (none: the person's record only). */
    stayIds: z.array(idSchema).max(50).default([]),
  })
  .strict();
export type PersonShareInput = z.input<typeof personShareInputSchema>;

export const transferAbroadInputSchema = z
  .object({
    countryCode: countryCodeSchema,
    note: note.optional(),
    fields: fieldsSchema,
  })
  .strict();
export type TransferAbroadInput = z.input<typeof transferAbroadInputSchema>;

/** The receiving country's supervisor admits the person into one of its centres. */
export const shareAcceptInputSchema = z
  .object({
    centreId: idSchema,
    unit: z.enum(CENTRE_UNITS),
    admittedAt: instantSchema,
    custodyType: z.enum(CUSTODY_TYPES),
    /** The authority handing the person over; the origin country's code when absent. */
    referringAuthority: z.string().trim().min(1).max(TEXT_MAX.title).optional(),
    reason: note.optional(),
    /** A person of the receiving country already (found by search before create); else one is registered from what was shared. */
    personId: idSchema.optional(),
    note: note.optional(),
  })
  .strict();
export type ShareAcceptInput = z.input<typeof shareAcceptInputSchema>;

export const shareDeclineInputSchema = z.object({ note: note.optional() }).strict();
export type ShareDeclineInput = z.input<typeof shareDeclineInputSchema>;

export const registryShareParamsSchema = z.object({ id: idSchema, shareId: idSchema });

/** A stay as a share carries it: the summary, and the attention kinds when shared. */
export const sharedStaySchema = staySummarySchema.omit({ belongingsHeld: true }).extend({
  attentionKinds: z.array(z.enum(ATTENTION_KINDS)).nullable(),
});

export const registryShareSchema = shareSchema.extend({
  purpose: z.enum(REGISTRY_SHARE_PURPOSES).nullable(),
  fields: z.array(z.enum(PERSON_SHARE_FIELDS)),
  stayIds: z.array(z.string()),
  /** Who is shared: the identity core, for the owner, and for the receiving country while the share is offered or accepted. */
  person: z
    .object({
      id: z.string(),
      givenNames: z.string(),
      familyNames: z.string(),
      sex: z.enum(PERSON_SEXES),
      birthDate: z.string().nullable(),
      birthDatePrecision: z.enum(BIRTH_DATE_PRECISIONS),
      nationality: z.string(),
    })
    .nullable(),
  stays: z.array(sharedStaySchema),
  /** Set on a transfer abroad: the stay it continues, and the receiving country's once accepted. */
  transfer: z
    .object({
      originStayId: z.string(),
      receivedPersonId: z.string().nullable(),
      receivedStayId: z.string().nullable(),
    })
    .nullable(),
  abilities: z.object({ accept: z.boolean(), decline: z.boolean(), revoke: z.boolean() }),
});
export type RegistryShare = z.infer<typeof registryShareSchema>;
export const registryShareListSchema = z.object({ items: z.array(registryShareSchema) });
export type RegistryShareList = z.infer<typeof registryShareListSchema>;
