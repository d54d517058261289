import { z } from 'zod';

/**
 * The one paging contract of every list of the application: `q` (full-text where the list has it),
 * `sort` (a column of the list), `dir`, `limit` (the page size the user chose) and `offset`;
 * answered as `{ total, items }`. The web's list component reads and writes these in the address.
 */
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
/** Page sizes offered by the list component. */
export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const SEARCH_MAX = 200;
/** Lists count their matches up to this many; beyond, the answer says `totalCapped`. */
export const TOTAL_CAP = 10_000;
/**
 * Searches of the large lists (incidents, cases) count up to this many ("1,000+": refine the
 * search). Each match counted is a check of who may read it; a common word matches tens of
 * thousands of a million records (docs/PERFORMANCE.md).
 */
export const SEARCH_TOTAL_CAP = 1_000;

export const searchTextSchema = z.string().trim().max(SEARCH_MAX);

export function pageQueryShape<const S extends readonly [string, ...string[]]>(
  sorts: S,
  defaults: { sort: S[number]; dir: SortDirection; limit?: number },
) {
  return {
    q: searchTextSchema.optional(),
    sort: z.enum(sorts).default(defaults.sort as never),
    dir: z.enum(SORT_DIRECTIONS).default(defaults.dir),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(200)
      .default(defaults.limit ?? 25),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  };
}

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    /** How many items match, over all pages (at most the list's cap: see `totalCapped`). */
    total: z.number().int(),
    /** True when more than `total` items match: the count stopped at its cap ("10,000+"). */
    totalCapped: z.boolean().optional(),
    items: z.array(item),
  });
}
