import { z } from 'zod';
import { AGENCY_KINDS, COUNTRY_KINDS, USER_STATUSES } from '../enums';
import { AUDIT_OBJECT_TYPES } from '../audit';
import { ROLES } from '../permissions';
import {
  countryCodeSchema,
  emailSchema,
  idSchema,
  localeSchema,
  localizedTextInputSchema,
  localizedTextSchema,
  passwordSchema,
  timeZoneSchema,
} from './common';
import { TEXT_MAX } from './limits';
import { pageQueryShape, pageSchema } from './lists';

export const countrySchema = z.object({
  code: z.string(),
  kind: z.enum(COUNTRY_KINDS),
  name: localizedTextSchema,
  active: z.boolean(),
  abilities: z.object({ update: z.boolean() }),
});
export type Country = z.infer<typeof countrySchema>;
export const countryUpdateBodySchema = z.object({ active: z.boolean() }).strict();

export const agencySchema = z.object({
  id: z.string(),
  countryCode: z.string(),
  kind: z.enum(AGENCY_KINDS),
  name: localizedTextSchema,
  acronym: z.string().nullable(),
  active: z.boolean(),
  abilities: z.object({ update: z.boolean() }),
});
export type Agency = z.infer<typeof agencySchema>;

export const agencyCreateBodySchema = z
  .object({
    countryCode: countryCodeSchema,
    kind: z.enum(AGENCY_KINDS),
    name: localizedTextInputSchema,
    acronym: z.string().trim().max(TEXT_MAX.acronym).nullable().optional(),
  })
  .strict();
export type AgencyCreateBody = z.infer<typeof agencyCreateBodySchema>;
export const agencyUpdateBodySchema = z
  .object({
    kind: z.enum(AGENCY_KINDS).optional(),
    name: localizedTextInputSchema.optional(),
    acronym: z.string().trim().max(TEXT_MAX.acronym).nullable().optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type AgencyUpdateBody = z.infer<typeof agencyUpdateBodySchema>;

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  countryCode: z.string(),
  agencyId: z.string().nullable(),
  status: z.enum(USER_STATUSES),
  locale: localeSchema,
  mfaEnabled: z.boolean(),
  createdAt: z.string(),
  abilities: z.object({ update: z.boolean(), resetMfa: z.boolean() }),
});
export const userPageSchema = z.object({
  /** How many accounts match, over all pages. */
  total: z.number().int(),
  items: z.array(userSchema),
});
export type UserPage = z.infer<typeof userPageSchema>;

export type User = z.infer<typeof userSchema>;

export const userCreateBodySchema = z
  .object({
    email: emailSchema,
    displayName: z.string().trim().min(1).max(TEXT_MAX.displayName),
    role: z.enum(ROLES),
    countryCode: countryCodeSchema,
    agencyId: idSchema.nullable().optional(),
    locale: localeSchema.default('es'),
    password: passwordSchema,
  })
  .strict();
export type UserCreateBody = z.input<typeof userCreateBodySchema>;

export const userUpdateBodySchema = z
  .object({
    displayName: z.string().trim().min(1).max(TEXT_MAX.displayName).optional(),
    role: z.enum(ROLES).optional(),
    agencyId: idSchema.nullable().optional(),
    status: z.enum(USER_STATUSES).optional(),
    locale: localeSchema.optional(),
  })
  .strict();
export type UserUpdateBody = z.infer<typeof userUpdateBodySchema>;

export const idParamsSchema = z.object({ id: idSchema });
export const codeParamsSchema = z.object({ code: countryCodeSchema });

export const userListQuerySchema = z.object({
  country: countryCodeSchema.optional(),
  /** Part of the name or of the email address, any case. */
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;
/**
 * The same search sent as a POST body (POST /api/admin/users/search): names and addresses typed
 * in the search box stay out of URLs, and so out of access logs, proxies and browser history.
 */
export const userSearchBodySchema = userListQuerySchema.strict();
/** The plain list (GET) takes no search text: `q` in its address is refused. */
export const userListParamsSchema = userListQuerySchema.omit({ q: true }).strict();

export const AUDIT_OUTCOMES = ['success', 'denied', 'failure'] as const;

/** The audit trail's filters (the same for the page and for the CSV export), in the list contract. */
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
export const AUDIT_SORTS = ['seq'] as const;
export const auditQuerySchema = z
  .object(pageQueryShape(AUDIT_SORTS, { sort: 'seq', dir: 'desc', limit: 50 }))
  .omit({ q: true })
  .extend({
    /** Actions starting with this, such as `case.` or `auth.sign_in`. */
    action: z
      .string()
      .regex(/^[a-z_.]{1,60}$/)
      .optional(),
    outcome: z.enum(AUDIT_OUTCOMES).optional(),
    /** Whoever acted (an account id). */
    actor: idSchema.optional(),
    objectType: z.enum(AUDIT_OBJECT_TYPES).optional(),
    objectId: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,100}$/)
      .optional(),
    /** Calendar days, inclusive, in `tz`: the administrator's own time zone. */
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    tz: timeZoneSchema.default('UTC'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'to_before_from' });
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** The record an event is about, named as its reader may see it. */
export const auditObjectSchema = z.object({
  type: z.string(),
  id: z.string(),
  /** A reference, a name or a code; null when the object is gone or out of the reader's scope. */
  label: z.string().nullable(),
  /** The page of the object in the web app, when the reader may open it. */
  href: z.string().nullable(),
});
export type AuditObject = z.infer<typeof auditObjectSchema>;

export const auditEventSchema = z.object({
  seq: z.number(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  /** The account's display name (null for the command line and anonymous events). */
  actorName: z.string().nullable(),
  actorCountry: z.string().nullable(),
  action: z.string(),
  /** The action in words, in the reader's language. */
  actionLabel: z.string(),
  /** For a refusal, what was attempted (a permission, an action or a route). */
  attempted: z.string().nullable(),
  object: auditObjectSchema.nullable(),
  purpose: z.string().nullable(),
  outcome: z.enum(AUDIT_OUTCOMES),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
export const auditPageSchema = pageSchema(auditEventSchema);
export type AuditPage = z.infer<typeof auditPageSchema>;

/** Someone who appears in the audit trail of the reader's scope (the "user" filter). */
export const auditActorSchema = z.object({ id: z.string(), name: z.string(), countryCode: z.string() });
export type AuditActor = z.infer<typeof auditActorSchema>;
