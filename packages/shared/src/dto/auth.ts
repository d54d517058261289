import { z } from 'zod';
import { PERMISSIONS, ROLES } from '../permissions';
import { emailSchema, isTimeZone, localeSchema, localizedTextSchema, passwordSchema } from './common';

export const signInBodySchema = z
  .object({
    email: emailSchema,
    // Length is not checked here on purpose: a wrong password of any length gets the same answer.
    password: z.string().min(1).max(1024),
  })
  .strict();
export type SignInBody = z.infer<typeof signInBodySchema>;

/** What the session still needs before the user is fully signed in. */
export const sessionStageSchema = z.enum([
  'mfa_required',
  'mfa_enrolment_required',
  'password_change_required',
  'signed_in',
]);
export type SessionStage = z.infer<typeof sessionStageSchema>;

export const meSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  countryCode: z.string(),
  agencyId: z.string().nullable(),
  /** The user's own agency, shown on their profile whatever their role may read of others. */
  agency: z.object({ id: z.string(), name: localizedTextSchema, acronym: z.string().nullable() }).nullable(),
  locale: localeSchema,
  /** The zone the user reads instants in; null: their browser's. */
  timeZone: z.string().nullable(),
  permissions: z.array(z.enum(PERMISSIONS)),
  scope: z.enum(['country', 'all']),
  mfaEnabled: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

export const sessionViewSchema = z.object({
  stage: sessionStageSchema.nullable(),
  user: meSchema.nullable(),
  csrfToken: z.string(),
  /** Demo mode: multi-factor may be skipped; the UI shows a banner. */
  demoMode: z.boolean(),
  mfaRequired: z.boolean(),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

export const mfaCodeBodySchema = z
  .object({
    code: z
      .string()
      .trim()
      .min(6)
      .max(32)
      .regex(/^[0-9A-Za-z-]+$/),
  })
  .strict();
export type MfaCodeBody = z.infer<typeof mfaCodeBodySchema>;

export const mfaEnrolmentSchema = z.object({
  otpauthUrl: z.string(),
  qrDataUrl: z.string(),
  secret: z.string(),
});
export type MfaEnrolment = z.infer<typeof mfaEnrolmentSchema>;

export const mfaConfirmResultSchema = z.object({ recoveryCodes: z.array(z.string()) });
export const recoveryCodesLeftSchema = z.object({ left: z.number().int() });

export const passwordChangeBodySchema = z
  .object({
    currentPassword: z.string().min(1).max(1024),
    newPassword: passwordSchema,
  })
  .strict();
export type PasswordChangeBody = z.infer<typeof passwordChangeBodySchema>;

export const localeBodySchema = z.object({ locale: localeSchema }).strict();

/** The user's display time zone (IANA), or null to follow the browser's. */
export const timeZoneBodySchema = z
  .object({
    timeZone: z
      .string()
      .max(64)
      .refine((v) => isTimeZone(v), { params: { message: 'unknown_time_zone' } })
      .nullable(),
  })
  .strict();
export type TimeZoneBody = z.infer<typeof timeZoneBodySchema>;

export const sessionItemSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  current: z.boolean(),
});
export type SessionItem = z.infer<typeof sessionItemSchema>;

/** Demo mode only: the demo accounts the sign-in page offers (never served in production). */
export const demoAccountsSchema = z.object({
  /** The one password of every demo account. */
  password: z.string(),
  accounts: z.array(
    z.object({
      email: z.string(),
      role: z.enum(ROLES),
      countryCode: z.string(),
      /** The country's (or organisation's) name in the three languages, for a page shown before sign-in. */
      countryName: localizedTextSchema,
    }),
  ),
});
export type DemoAccounts = z.infer<typeof demoAccountsSchema>;
