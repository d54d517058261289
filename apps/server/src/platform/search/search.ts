import { createHmac, hkdfSync } from 'node:crypto';
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { DialectName } from '../../db/dialect';

/**
 * Full-text search, one mechanism for every room (ADR 0009). A record keeps its searchable words
 * in a `search_terms` text column: space-separated tokens computed here, in the application, so
 * that SQLite and PostgreSQL match exactly the same tokens:
 * - `p<word>` for a word of a field stored in clear (reference, place, vessel): folded to
 *   lower-case ASCII without accents; a query word matches it by prefix;
 * - `b<hex>` for a word of a field encrypted at rest (narrative, summary, suspect names): a keyed
 *   hash of the folded word (a "blind index"), never the word; a query word matches it exactly;
 * - `o<country>` for the country that owns the record (`ownerToken`), which no query word makes:
 *   on PostgreSQL a search within one country's records is then one lookup of the GIN index,
 *   instead of a second index's bitmap of the country's rows to intersect with;
 * - `f<facet><code>` for a value a list filters by (`facetToken`: an incident's kind, mode, route,
 *   country, region, source), which no query word makes either: on PostgreSQL a search with
 *   filters is answered by the GIN index alone, instead of reading each match's row to check the
 *   filters (a common word: 39,000 rows read to find that none was at sea). Dates are not facets:
 *   a range is many tokens, and reading their posting lists cost more than the rows they spare.
 * The index over that column is FTS5 on SQLite (external content, kept by triggers) and GIN on
 * PostgreSQL (`array_to_tsvector`, no text parser involved), both written in the transaction of
 * the row's own write: `db/search-ddl.ts`.
 */

/** Longest word kept (longer ones are cut: a query word is cut the same way). */
const MAX_WORD = 40;
/** Below this length a query word must match a whole word, not a prefix. */
const MIN_PREFIX = 2;
/** Distinct tokens kept per record (a 20,000-character narrative stays well below). */
const MAX_TOKENS = 4000;

// Letters that Unicode does not decompose into a base letter and a mark.
const FOLD: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
};

const NOT_ASCII = /[^ -~\t\n\r]/;

/** Lower case, no accents, compatibility forms folded: "Ñuñoa" and "NUNOA" fold alike. */
export function foldText(text: string): string {
  // Most fields are plain ASCII: nothing to decompose (the import spends less on each row).
  if (!NOT_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðłþı]/g, (c) => FOLD[c] ?? c);
}

/** The words of a text, folded, in order (repeats kept). */
export function words(text: string | null | undefined): string[] {
  if (!text) return [];
  return (foldText(text).match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.slice(0, MAX_WORD));
}

const ASCII_WORD = /^[a-z0-9]+$/;

const keys = new WeakMap<Buffer, Buffer>();
/** The blind index key, derived from the deployment's secret (never the encryption key itself). */
function blindKey(secret: Buffer): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'enlace/search/blind-index/v1', 32));
    keys.set(secret, key);
  }
  return key;
}

/** 64 bits of HMAC-SHA-256: collisions are negligible at this size, and the word is not there. */
function blind(key: Buffer, word: string, memo?: SearchMemo): string {
  let token = memo?.words.get(word);
  if (token === undefined) {
    token = `b${createHmac('sha256', key).update(word, 'utf8').digest('hex').slice(0, 16)}`;
    if (memo && memo.words.size < MEMO_MAX) memo.words.set(word, token);
  }
  return token;
}

/** Entries a batch remembers (place names and common words recur from row to row). */
const MEMO_MAX = 50_000;

/**
 * What one batch of `searchTerms` calls shares: the hashes of the words seen so far (an HMAC
 * costs microseconds; narratives of one file share most of their words). Made per batch and
 * dropped with it, so that no narrative word outlives the write that needed it.
 */
export interface SearchMemo {
  words: Map<string, string>;
}
export const newSearchMemo = (): SearchMemo => ({ words: new Map() });

export interface SearchFields {
  /** Texts stored in clear: matched by word prefix. */
  plain: readonly (string | null | undefined)[];
  /** Texts encrypted at rest: only keyed hashes of their words reach the index. */
  secret: readonly (string | null | undefined)[];
  /** The country that owns the record, for lists that search one country's records. */
  owner?: string;
  /** Tokens of the values lists filter by (`facetToken`). */
  facets?: readonly string[];
}

/**
 * The token of a filter's value: the facet's letter and the value's letters and digits
 * (`facetToken('k', 'rescue_at_sea')` is `fkrescueatsea`). Two codes that differ only in
 * punctuation share a token; the list's own condition on the column still tells them apart.
 */
export function facetToken(facet: string, value: string): string {
  return `f${facet}${value.toLowerCase().replace(/[^a-z0-9]/g, '')}`;
}

/** The token of a record's owner country (never a word's: those start with `p` or `b`). */
export function ownerToken(country: string): string {
  return `o${country.toLowerCase()}`;
}

/**
 * The `search_terms` value of a record. A word of a clear field that is not plain ASCII after
 * folding (another script) is blinded too: it is then found by the whole word only. Callers
 * writing many records pass one `memo` for all.
 */
export function searchTerms(secret: Buffer, fields: SearchFields, memo?: SearchMemo): string {
  const key = blindKey(secret);
  const out = new Set<string>();
  for (const text of fields.plain) {
    for (const w of words(text)) {
      if (out.size >= MAX_TOKENS) break;
      out.add(ASCII_WORD.test(w) ? `p${w}` : blind(key, w, memo));
    }
  }
  for (const text of fields.secret) {
    for (const w of words(text)) {
      if (out.size >= MAX_TOKENS) break;
      out.add(blind(key, w, memo));
    }
  }
  if (fields.owner) out.add(ownerToken(fields.owner));
  for (const token of fields.facets ?? []) out.add(token);
  return [...out].join(' ');
}

/**
 * Keyed hashes of whole values matched exactly, never as words (the registry's blocking keys):
 * the same blind-index key and size as the words of encrypted fields, so a value that reveals a
 * name (a phonetic key, a document number) never reaches the database in clear.
 */
export function blindValues(secret: Buffer, values: readonly string[]): string[] {
  const key = blindKey(secret);
  return values.map((v) => blind(key, v));
}

/** One word of a query: the alternatives any of which a record must hold. */
export interface QueryWord {
  prefix: string | null;
  exact: string[];
}

/** The words of a search box, each as the tokens it may match; null when it holds no word. */
export function parseSearch(secret: Buffer, q: string | null | undefined): QueryWord[] | null {
  const key = blindKey(secret);
  const list = [...new Set(words(q))].map((w): QueryWord => {
    const ascii = ASCII_WORD.test(w);
    return {
      prefix: ascii && w.length >= MIN_PREFIX ? `p${w}` : null,
      exact: ascii && w.length < MIN_PREFIX ? [`p${w}`, blind(key, w)] : [blind(key, w)],
    };
  });
  return list.length ? list : null;
}

/**
 * The same words matched whole, not as prefixes ("tamaulipas" but not "tamaulipeco"): what they
 * match is a part of what the query matches.
 */
export function wholeWords(query: QueryWord[]): QueryWord[] {
  return query.map((w) => (w.prefix ? { prefix: null, exact: [w.prefix, ...w.exact] } : w));
}

/** FTS5 query syntax: every word required, each token quoted (only [a-z0-9] inside). */
function fts5Query(query: QueryWord[]): string {
  return query
    .map((w) => {
      const alts = [...(w.prefix ? [`"${w.prefix}" *`] : []), ...w.exact.map((t) => `"${t}"`)];
      return alts.length > 1 ? `(${alts.join(' OR ')})` : (alts[0] ?? '');
    })
    .join(' AND ');
}

/** tsquery syntax: `&` between words, `|` between a word's tokens, `:*` for a prefix. */
function tsQuery(query: QueryWord[], opts: MatchOptions): string {
  const any = (alts: readonly string[]) => (alts.length > 1 ? `(${alts.join(' | ')})` : (alts[0] ?? ''));
  const all = query.map((w) => any([...(w.prefix ? [`${w.prefix}:*`] : []), ...w.exact]));
  if (opts.owner) all.push(ownerToken(opts.owner));
  for (const alts of opts.facets ?? []) if (alts.length) all.push(any(alts));
  return all.join(' & ');
}

/** How a list uses the search condition (see `matchesSearch`). */
export interface MatchOptions {
  /**
   * SQLite: a list walking an index in its order checks each row against the matches (`+`
   * keeps the planner from driving the query by them instead).
   */
  checked?: boolean;
  /** PostgreSQL: only records owned by this country (their `ownerToken`), found in the index. */
  owner?: string;
  /**
   * PostgreSQL: the list's filters as facet tokens, each a list of alternatives one of which a
   * record holds. They narrow what the index returns; the list's own conditions still decide.
   * SQLite's FTS5 is not asked for them: it reads a token's whole list of records to intersect,
   * and a facet's is long (`fsenlace`: every record).
   */
  facets?: readonly (readonly string[])[];
}

/**
 * A condition "this row matches the search", for a table indexed by `addSearchIndex`: on SQLite
 * the rows of its FTS5 table that match, on PostgreSQL the GIN-indexed expression.
 */
export function matchesSearch(
  dialect: DialectName,
  table: string,
  query: QueryWord[],
  opts: MatchOptions = {},
): Expression<SqlBool> {
  if (dialect === 'postgres') {
    return sql<SqlBool>`array_to_tsvector(string_to_array(${sql.ref(`${table}.search_terms`)}, ' ')) @@ ${tsQuery(query, opts)}::tsquery`;
  }
  // FTS5 is not asked for the owner's token: intersecting with a country's 363,000 records cost
  // more (44 ms) than the word alone (33 ms), and the rows are checked anyway.
  const rowid = opts.checked ? sql`+${sql.ref(`${table}.rowid`)}` : sql.ref(`${table}.rowid`);
  return sql<SqlBool>`${rowid} IN (SELECT rowid FROM ${sql.table(`${table}_search`)} WHERE ${sql.table(`${table}_search`)} MATCH ${fts5Query(query)})`;
}

/**
 * SQLite: whether a search matches at most `few` records, from the FTS5 index alone. SQLite's
 * planner cannot tell a rare word from a common one, so a list asks this to choose between
 * looking up each match (a rare word) and checking the rows of an index range against the
 * matches (a common one). PostgreSQL's planner knows from its statistics.
 */
export async function ftsMatchesAtMost(
  db: Kysely<unknown>,
  table: string,
  query: QueryWord[],
  few: number,
): Promise<boolean> {
  const fts = sql.table(`${table}_search`);
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT rowid FROM ${fts}
    WHERE ${fts} MATCH ${fts5Query(query)} LIMIT ${few + 1}) AS m`.execute(db);
  return Number(rows[0]?.n ?? 0) <= few;
}
