import { z } from 'zod';
import { TEXT_MAX } from './limits';
import { BIRTH_DATE_PRECISIONS, matchExplanationSchema, PERSON_SEXES } from './registry';

/**
 * The review of duplicates: pairs of persons of one country that the engine takes for possibly
 * the same person, found after registration (a nightly job, or a scan a supervisor asks for),
 * wait for a supervisor's decision. "Different" is kept forever: the pair is never proposed again.
 * "Same person" merges, keeping every record of both, and can be undone.
 */
export const DUPLICATE_STATUSES = ['pending', 'same_person', 'different'] as const;
export type DuplicateStatus = (typeof DUPLICATE_STATUSES)[number];
export const DUPLICATE_DECISIONS = ['same_person', 'different'] as const;
/** Pairs a queue page lists, best first. */
export const DUPLICATES_PAGE_MAX = 100;

export const duplicateListQuerySchema = z
  .object({
    /** `pending` (the queue, by default) or `decided` (both decisions, the latest first). */
    view: z.enum(['pending', 'decided']).default('pending'),
  })
  .strict();
export type DuplicateListQuery = z.input<typeof duplicateListQuerySchema>;

export const duplicateDecisionInputSchema = z
  .object({
    decision: z.enum(DUPLICATE_DECISIONS),
    note: z.string().trim().min(1).max(TEXT_MAX.purpose),
  })
  .strict();
export type DuplicateDecisionInput = z.infer<typeof duplicateDecisionInputSchema>;

/** Undoing a merge says why. */
export const duplicateUndoInputSchema = z
  .object({ note: z.string().trim().min(1).max(TEXT_MAX.purpose) })
  .strict();
export type DuplicateUndoInput = z.infer<typeof duplicateUndoInputSchema>;

/** One side of a pair, as a supervisor compares it. */
export const duplicatePersonSchema = z.object({
  id: z.string(),
  givenNames: z.string(),
  familyNames: z.string(),
  documentGivenNames: z.string().nullable(),
  documentFamilyNames: z.string().nullable(),
  sex: z.enum(PERSON_SEXES),
  birthDate: z.string().nullable(),
  birthDatePrecision: z.enum(BIRTH_DATE_PRECISIONS),
  nationality: z.string(),
  documentNumber: z.string().nullable(),
  createdAt: z.string(),
  /** Set when this person was merged into the other. */
  mergedInto: z.string().nullable(),
  stays: z.number().int(),
  inCentre: z.boolean(),
});

export const duplicatePairSchema = z.object({
  id: z.string(),
  status: z.enum(DUPLICATE_STATUSES),
  /** The engine's match probability when the pair was found, 0–1. */
  score: z.number(),
  foundAt: z.string(),
  /** The earlier registration (kept by a merge), and the later one. */
  first: duplicatePersonSchema,
  second: duplicatePersonSchema,
  /** The engine's field-by-field comparison of the two, as they are now. */
  explanation: matchExplanationSchema,
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  note: z.string().nullable(),
  abilities: z.object({ decide: z.boolean(), undo: z.boolean() }),
});
export type DuplicatePair = z.infer<typeof duplicatePairSchema>;

export const duplicateListSchema = z.object({
  items: z.array(duplicatePairSchema),
  /** Pairs in this view in all (the list shows at most DUPLICATES_PAGE_MAX). */
  total: z.number().int(),
});
export type DuplicateList = z.infer<typeof duplicateListSchema>;

/** What a scan did, in counts. */
export const duplicateScanSchema = z.object({
  scanned: z.number().int(),
  compared: z.number().int(),
  queued: z.number().int(),
});
export type DuplicateScan = z.infer<typeof duplicateScanSchema>;
