import { z } from 'zod';
import { iso3Schema } from './incidents';
import { TEXT_MAX } from './limits';
import { PERSON_SEXES, partialDateSchema } from './registry';
import { MRZ_FORMATS, mrzFlagSchema, mrzTextSchema } from './registry-mrz';

const nameText = z.string().trim().max(TEXT_MAX.name);

/** `POST /api/registry/mrz/check`: the zone and what the officer typed from the document. */
export const mrzCheckInputSchema = z
  .object({
    mrz: mrzTextSchema,
    givenNames: nameText.optional(),
    familyNames: nameText.optional(),
    birthDate: partialDateSchema.optional(),
    sex: z.enum(PERSON_SEXES).optional(),
    nationality: iso3Schema.optional(),
    documentNumber: z.string().trim().max(TEXT_MAX.reference).optional(),
  })
  .strict();
export type MrzCheckInput = z.infer<typeof mrzCheckInputSchema>;

/** What the zone says (null where a field is unreadable), and every flag of its check. */
export const mrzCheckSchema = z.object({
  format: z.enum(MRZ_FORMATS),
  fields: z.object({
    documentCode: z.string().nullable(),
    issuingState: z.string().nullable(),
    documentNumber: z.string().nullable(),
    familyNames: z.string().nullable(),
    givenNames: z.string().nullable(),
    /** YYYY-MM-DD (the century inferred: a birth date is not in the future). */
    birthDate: z.string().nullable(),
    sex: z.enum(PERSON_SEXES).nullable(),
    nationality: z.string().nullable(),
    expiryDate: z.string().nullable(),
  }),
  /** No flag at all: every check digit right, not expired, nothing disagreeing. */
  valid: z.boolean(),
  flags: z.array(mrzFlagSchema),
});
export type MrzCheck = z.infer<typeof mrzCheckSchema>;
