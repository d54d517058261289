import { z } from 'zod';
import { DOCUMENT_LOCALES } from '../documents';
import { idSchema } from './common';
import { TEXT_MAX } from './limits';

/**
 * The belongings of a person in a centre (Work Plan area 3, action 4, footnote 15: "an inventory of
 * all possessions is done, in accordance with Basic Property Rights"): the inventory recorded at
 * admission and verified by a second officer, its numbered receipt in the person's language, the
 * custody log of every movement and the return of each item at release.
 */
export const BELONGING_KINDS = ['cash', 'document', 'phone', 'valuable', 'other'] as const;
export type BelongingKind = (typeof BELONGING_KINDS)[number];
export const BELONGING_DOCUMENT_TYPES = [
  'passport',
  'national_id',
  'birth_certificate',
  'driving_licence',
  'travel_document',
  'other',
] as const;
export const BELONGINGS_STATUSES = ['none', 'draft', 'verified'] as const;
/** Movements an officer records; `transferred` is written by the registry's transfer itself. */
export const CUSTODY_KINDS = ['stored', 'moved', 'transferred', 'handed_to_authority'] as const;
export const CUSTODY_INPUT_KINDS = ['stored', 'moved', 'handed_to_authority'] as const;
/** What became of an item at release; anything but `returned` is a discrepancy. */
export const RETURN_OUTCOMES = ['returned', 'missing', 'damaged', 'retained'] as const;
export type ReturnOutcome = (typeof RETURN_OUTCOMES)[number];
/** Items one inventory holds at most (corrections included). */
export const BELONGING_ITEMS_MAX = 200;

/**
 * A cash amount as typed, a decimal string ("1250.50"): money is never a float. The currency's
 * own minor units (two for MXN, none for JPY, three for KWD) are checked by the server.
 */
export const AMOUNT_TEXT = /^\d{1,13}(\.\d{1,4})?$/;

const text = (max: number) => z.string().trim().max(max);
const instantSchema = z.iso.datetime({ offset: true });
const common = {
  description: text(TEXT_MAX.description).min(1),
  /** The seal or bag the item is kept in. */
  sealNumber: text(TEXT_MAX.reference).min(1),
  /** A staged file of the officer (platform files): the item's photo. */
  photoFileId: idSchema.optional(),
};

export const belongingItemInputSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('cash'),
      currency: z.string().regex(/^[A-Z]{3}$/),
      amount: z.string().trim().regex(AMOUNT_TEXT),
      ...common,
    })
    .strict(),
  z
    .object({
      kind: z.literal('document'),
      documentType: z.enum(BELONGING_DOCUMENT_TYPES),
      documentNumber: text(TEXT_MAX.reference).min(1),
      ...common,
    })
    .strict(),
  /** The IMEI: 15 digits, the last the Luhn check digit of the others (checked by the server). */
  z.object({ kind: z.literal('phone'), imei: text(TEXT_MAX.acronym).min(1), ...common }).strict(),
  z.object({ kind: z.literal('valuable'), ...common }).strict(),
  z.object({ kind: z.literal('other'), ...common }).strict(),
]);
export type BelongingItemInput = z.input<typeof belongingItemInputSchema>;

export const belongingsCustodyInputSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('stored'),
      place: text(TEXT_MAX.placeName).min(1),
      at: instantSchema,
      note: text(TEXT_MAX.purpose).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('moved'),
      place: text(TEXT_MAX.placeName).min(1),
      at: instantSchema,
      note: text(TEXT_MAX.purpose).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('handed_to_authority'),
      authority: text(TEXT_MAX.name).min(1),
      reference: text(TEXT_MAX.reference).min(1),
      /** The items handed over; all the items held when absent. */
      itemIds: z.array(idSchema).min(1).max(BELONGING_ITEMS_MAX).optional(),
      at: instantSchema,
      note: text(TEXT_MAX.purpose).optional(),
    })
    .strict(),
]);
export type BelongingsCustodyInput = z.input<typeof belongingsCustodyInputSchema>;

export const returnInputSchema = z
  .object({
    at: instantSchema,
    items: z
      .array(
        z
          .object({
            itemId: idSchema,
            outcome: z.enum(RETURN_OUTCOMES),
            /** Why it was missing, damaged or retained (required when retained). */
            reason: text(TEXT_MAX.purpose).optional(),
            /** The authority that retains it (required when retained). */
            authority: text(TEXT_MAX.name).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(BELONGING_ITEMS_MAX),
  })
  .strict();
export type ReturnInput = z.input<typeof returnInputSchema>;

export const receiptQuerySchema = z.object({ lang: z.enum(DOCUMENT_LOCALES).optional() }).strict();

const officerSchema = z.object({ id: z.string(), name: z.string().nullable() });

export const belongingItemSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  kind: z.enum(BELONGING_KINDS),
  description: z.string(),
  sealNumber: z.string(),
  currency: z.string().nullable(),
  amount: z.string().nullable(),
  documentType: z.enum(BELONGING_DOCUMENT_TYPES).nullable(),
  documentNumber: z.string().nullable(),
  imei: z.string().nullable(),
  photo: z.object({ id: z.string(), name: z.string(), type: z.string() }).nullable(),
  /** The item this one corrects, and the one that corrected it (then it is no longer held). */
  supersedes: z.string().nullable(),
  supersededBy: z.string().nullable(),
  recordedBy: officerSchema,
  recordedAt: z.string(),
  return: z
    .object({
      outcome: z.enum(RETURN_OUTCOMES),
      reason: z.string().nullable(),
      authority: z.string().nullable(),
      at: z.string(),
      by: officerSchema,
    })
    .nullable(),
});
export type BelongingItem = z.infer<typeof belongingItemSchema>;

export const belongingsCustodyEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(CUSTODY_KINDS),
  place: z.string().nullable(),
  authority: z.string().nullable(),
  reference: z.string().nullable(),
  fromCentreId: z.string().nullable(),
  toCentreId: z.string().nullable(),
  /** Item numbers concerned; null: all the items held. */
  items: z.array(z.number().int()).nullable(),
  note: z.string().nullable(),
  at: z.string(),
  by: officerSchema.nullable(),
});
export type BelongingsCustodyEntry = z.infer<typeof belongingsCustodyEntrySchema>;

export const belongingsSchema = z.object({
  stayId: z.string(),
  personId: z.string(),
  stayStatus: z.enum(['open', 'released']),
  status: z.enum(BELONGINGS_STATUSES),
  receiptNumber: z.string().nullable(),
  recordedBy: z.array(officerSchema),
  verifiedBy: officerSchema.nullable(),
  verifiedAt: z.string().nullable(),
  /** Every item ever recorded, superseded ones included, in their order. */
  items: z.array(belongingItemSchema),
  custody: z.array(belongingsCustodyEntrySchema),
  summary: z.object({
    /** Items held now: current, and with no return recorded. */
    held: z.number().int(),
    returned: z.number().int(),
    discrepancies: z.number().int(),
  }),
  /** The languages a receipt may be written in, and the one it is by default for this person. */
  receiptLanguage: z.enum(DOCUMENT_LOCALES),
  abilities: z.object({
    record: z.boolean(),
    verify: z.boolean(),
    custody: z.boolean(),
    return: z.boolean(),
    receipt: z.boolean(),
  }),
});
export type Belongings = z.infer<typeof belongingsSchema>;

export const belongingsDiscrepancySchema = z.object({
  stayId: z.string(),
  personId: z.string(),
  centreId: z.string(),
  centreName: z.string(),
  receiptNumber: z.string().nullable(),
  itemId: z.string(),
  itemNumber: z.number().int(),
  kind: z.enum(BELONGING_KINDS),
  description: z.string(),
  sealNumber: z.string(),
  outcome: z.enum(RETURN_OUTCOMES),
  reason: z.string().nullable(),
  authority: z.string().nullable(),
  at: z.string(),
  by: officerSchema,
});
export type BelongingsDiscrepancy = z.infer<typeof belongingsDiscrepancySchema>;
export const belongingsDiscrepancyListSchema = z.object({
  items: z.array(belongingsDiscrepancySchema),
  /** More discrepancies exist than the list shows (the newest are shown). */
  truncated: z.boolean(),
});
export type BelongingsDiscrepancyList = z.infer<typeof belongingsDiscrepancyListSchema>;

/** Luhn's check (ISO/IEC 7812) of a 15-digit IMEI: its last digit checks the 14 before it. */
export function isValidImei(imei: string): boolean {
  if (!/^\d{15}$/.test(imei)) return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    let d = Number(imei[14 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * The decimals a currency's amounts may have (ISO 4217 minor units, as the runtime knows them), or
 * null for a code that is not a currency.
 */
export function currencyDecimals(currency: string): number | null {
  if (!/^[A-Z]{3}$/.test(currency)) return null;
  const known = Intl.supportedValuesOf('currency');
  if (!known.includes(currency)) return null;
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** Decimal places of an amount as typed ("12.50" has two): the amount is kept as written. */
export function amountDecimals(amount: string): number {
  return amount.split('.')[1]?.length ?? 0;
}
