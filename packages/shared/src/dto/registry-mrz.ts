import { z } from 'zod';
import { TEXT_MAX } from './limits';

/**
 * The machine-readable zone of a travel document (ICAO 9303): TD1 cards (3 × 30 characters),
 * TD2 (2 × 36) and TD3 passports (2 × 44). What it says is compared with what the officer typed;
 * disagreements are flagged, never corrected. Imported by `registry.ts`, so it imports none of it.
 */
export const MRZ_FORMATS = ['TD1', 'TD2', 'TD3'] as const;
export type MrzFormat = (typeof MRZ_FORMATS)[number];

/** The zone as typed or read by a scanner: its lines separated by line breaks. */
export const mrzTextSchema = z.string().trim().min(1).max(TEXT_MAX.mrz);

/** The fields of the zone compared with what was typed. */
export const MRZ_COMPARED_FIELDS = [
  'givenNames',
  'familyNames',
  'birthDate',
  'sex',
  'nationality',
  'documentNumber',
] as const;
/** The fields a check digit protects (`composite`: the whole of the lines it covers). */
export const MRZ_CHECKED_FIELDS = [
  'documentNumber',
  'birthDate',
  'expiryDate',
  'personalNumber',
  'composite',
] as const;

export const mrzFlagSchema = z.discriminatedUnion('kind', [
  /** A check digit does not match the characters it protects: a misread or a forgery. */
  z.object({ kind: z.literal('check_digit_invalid'), field: z.enum(MRZ_CHECKED_FIELDS) }),
  /** A field holds what ICAO 9303 does not allow (an unknown state code, an impossible date). */
  z.object({ kind: z.literal('field_invalid'), field: z.string() }),
  /** The document expired before today. */
  z.object({ kind: z.literal('expired'), expiryDate: z.string() }),
  /** The zone says one thing, the officer typed another. */
  z.object({
    kind: z.literal('mismatch'),
    field: z.enum(MRZ_COMPARED_FIELDS),
    mrz: z.string(),
    typed: z.string(),
  }),
]);
export type MrzFlag = z.infer<typeof mrzFlagSchema>;

/** A person's document zone as stored with them: the text, its format and the flags of its check. */
export const personMrzSchema = z.object({
  format: z.enum(MRZ_FORMATS),
  text: z.string(),
  flags: z.array(mrzFlagSchema),
  checkedAt: z.string(),
});
export type PersonMrz = z.infer<typeof personMrzSchema>;
