import { z } from 'zod';
import { idSchema } from './common';
import { iso3Schema, isoDateSchema } from './incidents';
import { TEXT_MAX } from './limits';
import { pageQueryShape, pageSchema } from './lists';

/**
 * The directory of focal points (WP A1.4, footnote 22): who to call, in which country, for what,
 * by which channel, in which language, when; and the authorisations of liaisons and prosecutors by
 * their Ministry of Foreign Affairs (WP A2.2).
 */
export const DIRECTORY_AREAS = [
  'investigation_intelligence',
  'judicial_cooperation',
  'detention_alternatives',
  'protection',
  'interpol_ncb',
  'mla_central_authority',
  'single_point_of_contact',
  'contact_24_7',
] as const;
export type DirectoryArea = (typeof DIRECTORY_AREAS)[number];

export const CHANNEL_KINDS = ['work_phone', 'mobile_phone', 'secure_email', 'email', 'messaging'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** Languages a focal point speaks (ISO 639-1): the region's, and those of the migrants met. */
export const DIRECTORY_LANGUAGES = [
  'es',
  'en',
  'fr',
  'pt',
  'ht',
  'ar',
  'zh',
  'hi',
  'bn',
  'ti',
  'ru',
] as const;

/** An entry not verified for this long is stale: flagged to its country administrator. */
export const STALE_AFTER_DAYS = 183;
/** Country administrators are told this long before an authorisation expires. */
export const AUTHORISATION_WARNING_DAYS = 30;

const text = (max: number) => z.string().trim().max(max);

export const channelSchema = z
  .object({
    kind: z.enum(CHANNEL_KINDS),
    value: text(TEXT_MAX.title).min(1),
    note: text(TEXT_MAX.title).optional(),
  })
  .strict();

export const directoryEntryInputSchema = z
  .object({
    /** The entry's country; a country administrator may only give their own. */
    countryCode: iso3Schema,
    agencyId: idSchema.nullable().optional(),
    areas: z.array(z.enum(DIRECTORY_AREAS)).min(1).max(DIRECTORY_AREAS.length),
    name: text(TEXT_MAX.name).min(1),
    function: text(TEXT_MAX.title).min(1),
    languages: z.array(z.enum(DIRECTORY_LANGUAGES)).min(1).max(DIRECTORY_LANGUAGES.length),
    channels: z.array(channelSchema).min(1).max(10),
    /** Office hours in words ("lunes a viernes, 8:00–17:00"). */
    availability: text(TEXT_MAX.purpose).optional(),
    available247: z.boolean().default(false),
    timeZone: z.string().max(64),
    /** The Enlace account of this focal point, if they have one. */
    userId: idSchema.nullable().optional(),
  })
  .strict();
export type DirectoryEntryInput = z.input<typeof directoryEntryInputSchema>;

export const directoryEntrySchema = z.object({
  id: z.string(),
  countryCode: z.string(),
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable(),
  areas: z.array(z.enum(DIRECTORY_AREAS)),
  name: z.string(),
  function: z.string(),
  languages: z.array(z.string()),
  channels: z.array(
    z.object({ kind: z.enum(CHANNEL_KINDS), value: z.string(), note: z.string().optional() }),
  ),
  availability: z.string().nullable(),
  available247: z.boolean(),
  timeZone: z.string(),
  userId: z.string().nullable(),
  verifiedAt: z.string(),
  verifiedByName: z.string().nullable(),
  stale: z.boolean(),
  updatedAt: z.string(),
  abilities: z.object({ update: z.boolean(), verify: z.boolean() }),
});
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;

export const DIRECTORY_SORTS = ['name', 'country', 'verifiedAt'] as const;
export const directoryListQuerySchema = z
  .object({
    ...pageQueryShape(DIRECTORY_SORTS, { sort: 'country', dir: 'asc', limit: 50 }),
    country: iso3Schema.optional(),
    area: z.enum(DIRECTORY_AREAS).optional(),
    channel: z.enum(CHANNEL_KINDS).optional(),
    stale: z.enum(['0', '1']).optional(),
  })
  .strict();
export type DirectoryListQuery = z.infer<typeof directoryListQuerySchema>;
export const directoryPageSchema = pageSchema(directoryEntrySchema);
export type DirectoryPage = z.infer<typeof directoryPageSchema>;

export const directoryExportQuerySchema = directoryListQuerySchema
  .omit({ sort: true, dir: true, limit: true, offset: true })
  .extend({ format: z.enum(['vcard', 'csv']) })
  .strict();

/** Per country: how many entries, how many verified in the last six months. */
export const freshnessSchema = z.array(
  z.object({ countryCode: z.string(), entries: z.number().int(), fresh: z.number().int() }),
);
export type Freshness = z.infer<typeof freshnessSchema>;

export const AUTHORISATION_STATUSES = ['active', 'expired', 'revoked'] as const;

export const authorisationInputSchema = z
  .object({
    userId: idSchema,
    /** Who signed it at the Ministry of Foreign Affairs (name and post). */
    authorisedBy: text(TEXT_MAX.name).min(1),
    /** The reference of the diplomatic note. */
    noteReference: text(TEXT_MAX.reference).min(1),
    authorisedOn: isoDateSchema,
    validUntil: isoDateSchema,
  })
  .strict();
export type AuthorisationInput = z.input<typeof authorisationInputSchema>;

export const authorisationSchema = z.object({
  id: z.string(),
  userId: z.string(),
  userName: z.string(),
  userRole: z.string(),
  countryCode: z.string(),
  authorisedBy: z.string(),
  noteReference: z.string(),
  authorisedOn: z.string(),
  validUntil: z.string(),
  status: z.enum(AUTHORISATION_STATUSES),
  /** Active and not past its last day. */
  current: z.boolean(),
  recordedAt: z.string(),
});
export type Authorisation = z.infer<typeof authorisationSchema>;
