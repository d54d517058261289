import { z } from 'zod';
import { LOCALES } from '../enums';
import { TEXT_MAX } from './limits';

export const localeSchema = z.enum(LOCALES);
export const localizedTextSchema = z.object({
  es: z.string().trim().min(1).max(TEXT_MAX.label),
  en: z.string().trim().min(1).max(TEXT_MAX.label),
  fr: z.string().trim().min(1).max(TEXT_MAX.label),
});
/** A label as a request gives it: the three languages and nothing else. */
export const localizedTextInputSchema = localizedTextSchema.strict();
export const idSchema = z.string().uuid();
export const countryCodeSchema = z.string().regex(/^[A-Z]{3,5}$/);
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
export const passwordSchema = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);
export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());

/** RFC 9457 problem details, as every API error is sent. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export const okSchema = z.object({ ok: z.literal(true) });

/** Does this runtime know the IANA time zone (e.g. America/Mexico_City)? */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
export const timeZoneSchema = z
  .string()
  .max(64)
  .refine((v) => isTimeZone(v), { message: 'invalid_time_zone' });
