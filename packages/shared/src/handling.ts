import { z } from 'zod';
import { TEXT_MAX } from './dto/limits';

/**
 * Handling and evaluation codes (Europol's 4×4 and handling codes, as SIENA uses them). The
 * author of an item chooses them; there is no default, so the choice is never hidden.
 * - H0: use only to prevent and combat crime.
 * - H1: not for judicial proceedings without the provider's permission.
 * - H2: no onward dissemination without the provider's permission.
 * - H3: other restrictions, stated in words.
 */
export const HANDLING_CODES = ['H0', 'H1', 'H2', 'H3'] as const;
export type HandlingCode = (typeof HANDLING_CODES)[number];

/** How reliable the source is: A (no doubt), B (mostly), C (not), X (cannot be assessed). */
export const SOURCE_RELIABILITY = ['A', 'B', 'C', 'X'] as const;
export type SourceReliability = (typeof SOURCE_RELIABILITY)[number];

/**
 * How accurate the information is: 1 (known to be true without reservation), 2 (known personally
 * to the source), 3 (not known personally but corroborated), 4 (cannot be judged).
 */
export const INFO_ACCURACY = ['1', '2', '3', '4'] as const;
export type InfoAccuracy = (typeof INFO_ACCURACY)[number];

/** What someone may want to do with a coded item. */
export const HANDLING_ACTIONS = ['view', 'forward', 'export', 'court'] as const;
export type HandlingAction = (typeof HANDLING_ACTIONS)[number];

/** Why an action is unavailable: the UI says it in words and offers to ask the provider. */
export const HANDLING_REFUSALS = ['needs_permission', 'permission_refused', 'permission_pending'] as const;
export type HandlingRefusal = (typeof HANDLING_REFUSALS)[number];

export const handlingCodesSchema = z
  .object({
    handling: z.enum(HANDLING_CODES),
    /** The H3 restriction in the provider's words; only with H3. */
    restriction: z.string().trim().min(1).max(TEXT_MAX.purpose).optional(),
    reliability: z.enum(SOURCE_RELIABILITY),
    accuracy: z.enum(INFO_ACCURACY),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.handling === 'H3' && !v.restriction) {
      ctx.addIssue({ code: 'custom', path: ['restriction'], message: 'restriction_required' });
    }
    if (v.handling !== 'H3' && v.restriction !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['restriction'], message: 'restriction_only_h3' });
    }
  });
export type HandlingCodes = z.infer<typeof handlingCodesSchema>;

/** The order of restriction, least first: an export of several items states the strictest. */
const STRICTNESS: Record<HandlingCode, number> = { H0: 0, H1: 1, H2: 2, H3: 3 };

export function strictestHandling(codes: readonly HandlingCode[]): HandlingCode | null {
  let out: HandlingCode | null = null;
  for (const c of codes) if (out === null || STRICTNESS[c] > STRICTNESS[out]) out = c;
  return out;
}

/**
 * Which actions each handling code reserves to the provider's permission (the provider, its
 * originator, may always act on their own item). Viewing is never reserved: who sees an item is
 * its capability's rule (a thread's participants), not the code's.
 * - forward (to anyone outside the item's audience): H2, H3;
 * - export (a file that leaves Enlace; it carries the codes): H3;
 * - court (a court package, an MLA request): H1, H2 (a court file is disseminated to the parties), H3.
 */
export const RESERVED_ACTIONS: Record<HandlingCode, readonly HandlingAction[]> = {
  H0: [],
  H1: ['court'],
  H2: ['forward', 'court'],
  H3: ['forward', 'export', 'court'],
};

export const HANDLING_REQUEST_STATUSES = ['pending', 'granted', 'refused'] as const;

/** The longest excerpt of an item a permission request shows (characters, the ellipsis included). */
export const HANDLING_EXCERPT_MAX = 200;

/**
 * What a permission request is about, as its item's capability describes it to the reader: only
 * to someone who may read the item (otherwise a request carries no description at all).
 */
export const handlingItemSchema = z.object({
  /** The item's title in its capability (an exchange's subject). */
  label: z.string(),
  /** Its reference (an exchange's EX-…), when it has one. */
  reference: z.string().nullable(),
  excerpt: z.string().max(HANDLING_EXCERPT_MAX),
  handling: z.enum(HANDLING_CODES),
  /** Where it comes from and when (a message's author country and date). */
  countryCode: z.string().nullable(),
  createdAt: z.string().nullable(),
  /** Where to read it in Enlace: a path of the web app, never another site. */
  link: z.string().regex(/^\/(?![/\\])/),
});
export type HandlingItem = z.infer<typeof handlingItemSchema>;

/** A request to a provider, as its two parties see it (the reason and the note are theirs). */
export const handlingRequestSchema = z.object({
  id: z.string(),
  itemType: z.string(),
  itemId: z.string(),
  action: z.enum(HANDLING_ACTIONS),
  target: z.string().nullable(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  reason: z.string(),
  deciderId: z.string(),
  status: z.enum(HANDLING_REQUEST_STATUSES),
  decidedAt: z.string().nullable(),
  note: z.string().nullable(),
  /** What it is about, when the reader may read the item; null otherwise, and for an unknown kind. */
  item: handlingItemSchema.nullable(),
});
export type HandlingRequest = z.infer<typeof handlingRequestSchema>;

export const handlingDecisionBodySchema = z
  .object({ grant: z.boolean(), note: z.string().trim().max(TEXT_MAX.purpose).optional() })
  .strict();

export const handlingRequestBodySchema = z
  .object({
    action: z.enum(['forward', 'export', 'court']),
    target: z.string().max(200).nullable().optional(),
    reason: z.string().trim().min(1).max(TEXT_MAX.purpose),
  })
  .strict();
