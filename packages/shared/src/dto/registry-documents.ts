import { z } from 'zod';
import { iso3Schema, isoDateSchema } from './incidents';
import { TEXT_MAX } from './limits';
import { MRZ_FORMATS, mrzFlagSchema, mrzTextSchema } from './registry-mrz';

/**
 * A person's travel and identity documents (issue 12: "documents"): several per person, each
 * with its number (encrypted at rest, and a blocking key so that search before create finds the
 * person by any of them) and its MRZ checked by registry-mrz. Never deleted: withdrawn with a
 * reason. Imported by `registry.ts`, so it imports none of it.
 */
export const PERSON_DOCUMENT_KINDS = [
  'passport',
  'national_id',
  'travel_document',
  'birth_certificate',
  'residence_permit',
  'consular_id',
  'other',
  /** The document number given at registration, kind not recorded (before documents had kinds). */
  'unspecified',
] as const;
export type PersonDocumentKind = (typeof PERSON_DOCUMENT_KINDS)[number];
export const PERSON_DOCUMENT_STATUSES = ['current', 'withdrawn'] as const;

const text = (max: number) => z.string().trim().max(max);

export const personDocumentInputSchema = z
  .object({
    kind: z.enum(PERSON_DOCUMENT_KINDS).exclude(['unspecified']),
    number: text(TEXT_MAX.reference).min(1),
    issuingCountry: iso3Schema.optional(),
    expiresOn: isoDateSchema.optional(),
    /** The document's machine-readable zone: checked against the person and this number, flagged. */
    mrz: mrzTextSchema.optional(),
  })
  .strict();
export type PersonDocumentInput = z.input<typeof personDocumentInputSchema>;

export const personDocumentWithdrawSchema = z.object({ reason: text(TEXT_MAX.purpose).min(1) }).strict();
export type PersonDocumentWithdraw = z.input<typeof personDocumentWithdrawSchema>;

export const personDocumentSchema = z.object({
  id: z.string(),
  kind: z.enum(PERSON_DOCUMENT_KINDS),
  /** Null only for a zone given at registration without a typed number. */
  number: z.string().nullable(),
  issuingCountry: z.string().nullable(),
  expiresOn: z.string().nullable(),
  mrz: z.object({ format: z.enum(MRZ_FORMATS), text: z.string(), flags: z.array(mrzFlagSchema) }).nullable(),
  status: z.enum(PERSON_DOCUMENT_STATUSES),
  addedAt: z.string(),
  addedByName: z.string().nullable(),
  withdrawal: z.object({ reason: z.string(), at: z.string(), byName: z.string().nullable() }).nullable(),
});
export type PersonDocument = z.infer<typeof personDocumentSchema>;
export const personDocumentListSchema = z.object({ items: z.array(personDocumentSchema) });
export type PersonDocumentList = z.infer<typeof personDocumentListSchema>;
