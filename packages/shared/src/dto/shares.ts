import { z } from 'zod';
import { handlingCodesSchema } from '../handling';

/**
 * The platform's shares room: an explicit, audited, revocable share of an object with another
 * country. A share that needs the receiving country's acceptance starts `offered`; one that does
 * not (a case) is `accepted` at once. Only an accepted share lets the other country read.
 */
export const SHARE_STATUSES = ['offered', 'accepted', 'declined', 'revoked'] as const;
export type ShareStatus = (typeof SHARE_STATUSES)[number];

export const shareSchema = z.object({
  id: z.string(),
  /** The capability's kind of object ('case', 'registry_person') and its id. */
  kind: z.string(),
  objectId: z.string(),
  ownerCountry: z.string(),
  sharedWith: z.string(),
  /** A code of the capability's purposes. */
  purpose: z.string().nullable(),
  note: z.string().nullable(),
  /** The object's handling codes, when it carries them. */
  handling: handlingCodesSchema.nullable(),
  requiresAcceptance: z.boolean(),
  status: z.enum(SHARE_STATUSES),
  offeredAt: z.string(),
  acceptedAt: z.string().nullable(),
  declinedAt: z.string().nullable(),
  /** The receiving country's note on accepting or declining. */
  decisionNote: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type Share = z.infer<typeof shareSchema>;
