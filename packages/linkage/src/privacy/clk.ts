import { createCipheriv, createHmac } from 'node:crypto';
import { buildFeatures, type FeatureStore, type NameColumn, type ValueColumn } from '../features';
import type { RecordTable } from '../schema';

// Privacy-preserving linkage: each record becomes a cryptographic long-term key (CLK), a Bloom
// filter into which the record's features (name bigrams, date parts, codes) are hashed with
// HMAC-SHA256 under a secret the participating countries share. Two countries compare CLKs by
// Dice similarity and learn "hit / no hit" without exchanging names or dates; personal data
// moves only through a follow-up request. Without the secret a CLK cannot be built from a
// guessed name, so a dictionary attack needs the key.
//
// Each record also carries a few keyed blocking hashes (phonetic keys of its name words, with
// the birth year), so that matching compares only records sharing one instead of all pairs.
// They reveal that two records share a key, never the key, and are optional to publish. Most
// are unique to a record (a document number), so they cannot be memoised like the CLK
// features: each is a 128-bit digest of the feature encrypted with AES-128 under a key derived
// from the secret by HMAC-SHA256, all of a file's digests in one call (ECB encrypts each block
// independently), which is a keyed pseudo-random function at a few nanoseconds per record.

export interface ClkOptions {
  /** Filter length in bits (a multiple of 32). */
  bits?: number;
}

export interface EncodedRecords {
  ids: string[];
  /** bits/32 words per record, concatenated. */
  clks: Uint32Array;
  words: number;
  /** Keyed blocking hashes per record (32-bit, as unsigned integers). */
  blocks: number[][];
}

/** Hash functions per feature, by field: identifying fields set more bits (Schnell et al.). */
const FIELD_K: Record<string, number> = {
  name: 12,
  birth_date: 32,
  sex: 8,
  nationality: 3,
  document_number: 10,
  birth_place: 3,
  street_number: 6,
  address_1: 5,
  address_2: 4,
  city: 5,
  postcode: 6,
  state: 3,
};

const DEFAULT_BITS = 1024;

function bigramsOf(word: string): string[] {
  const padded = `_${word}_`;
  const out: string[] = [];
  for (let i = 0; i + 1 < padded.length; i++) out.push(padded.slice(i, i + 2));
  return out;
}

/**
 * Encodes records into CLKs with an HMAC-SHA256 secret. Deterministic: the same record and
 * secret give the same CLK in every country.
 */
export class ClkEncoder {
  private readonly bits: number;
  private readonly words: number;
  private readonly featureCache = new Map<string, Map<string, Uint16Array>>();

  constructor(
    private readonly secret: Buffer,
    options: ClkOptions = {},
  ) {
    this.bits = options.bits ?? DEFAULT_BITS;
    if (this.bits % 32 !== 0 || this.bits <= 0 || this.bits > 65536) {
      throw new Error('CLK length must be a positive multiple of 32, at most 65536 bits');
    }
    if (secret.length < 16) throw new Error('The shared secret must be at least 16 bytes');
    this.words = this.bits / 32;
  }

  /**
   * Bit positions of one feature: double hashing (Kirsch and Mitzenmacher) on two 32-bit words of
   * HMAC-SHA256(secret, field + feature). Memoised: features repeat across records, HMACs are slow.
   */
  private positions(field: string, feature: string): Uint16Array {
    let byFeature = this.featureCache.get(field);
    if (!byFeature) {
      byFeature = new Map();
      this.featureCache.set(field, byFeature);
    }
    let pos = byFeature.get(feature);
    if (pos) return pos;
    const digest = createHmac('sha256', this.secret).update(`${field}\u001f${feature}`).digest();
    const h1 = digest.readUInt32BE(0);
    const h2 = digest.readUInt32BE(4) | 1;
    const k = FIELD_K[field] ?? 8;
    pos = new Uint16Array(k);
    for (let i = 0; i < k; i++) pos[i] = ((h1 + Math.imul(i, h2)) >>> 0) % this.bits;
    byFeature.set(feature, pos);
    return pos;
  }

  /** All positions of a list of features of one field, concatenated. */
  private union(field: string, features: readonly string[]): Uint16Array {
    const parts = features.map((f) => this.positions(field, f));
    const out = new Uint16Array(parts.reduce((a, p) => a + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }

  /** Keyed 32-bit hashes of blocking features, computed in one batch. */
  private blockHashes(features: readonly string[]): Uint32Array {
    const digests = Buffer.alloc(features.length * 16);
    features.forEach((f, i) => {
      digest128(f, digests, i * 16);
    });
    const key = createHmac('sha256', this.secret).update('enlace clk blocking key').digest().subarray(0, 16);
    const cipher = createCipheriv('aes-128-ecb', key, null);
    cipher.setAutoPadding(false);
    const encrypted = Buffer.concat([cipher.update(digests), cipher.final()]);
    const out = new Uint32Array(features.length);
    for (let i = 0; i < features.length; i++) out[i] = encrypted.readUInt32BE(i * 16);
    return out;
  }

  encode(table: RecordTable): EncodedRecords {
    return this.encodeStore(table.ids, buildFeatures([table]));
  }

  encodeStore(ids: string[], store: FeatureStore): EncodedRecords {
    const n = store.size;
    const words = this.words;
    const clks = new Uint32Array(n * words);
    const blockFeatures: string[] = [];
    const blockOwner: number[] = [];
    const set = (base: number, pos: Uint16Array) => {
      for (let i = 0; i < pos.length; i++) {
        const p = pos[i] ?? 0;
        const w = base + (p >>> 5);
        clks[w] = ((clks[w] ?? 0) | (1 << (p & 31))) >>> 0;
      }
    };
    const nameCols: NameColumn[] = [store.given, store.family].filter(
      (c): c is NameColumn => c !== undefined,
    );
    const { canon, canonText, phon, phonText, skel, skelText } = store.tokens;
    // Positions per distinct word, value and date: records share them, so the per-record work is
    // setting bits from a few cached arrays.
    const wordPositions = new Map<number, Uint16Array>();
    const wordBits = (token: number): Uint16Array => {
      const c = canon[token] ?? 0;
      let pos = wordPositions.get(c);
      if (!pos) {
        // Names: bigrams of the canonical word and its phonetic key, in one feature space for
        // given and family names, so that names recorded in each other's field still match.
        const word = canonText[c] ?? '';
        pos = this.union('name', [...bigramsOf(word), `#${phonText[phon[token] ?? 0] ?? ''}`]);
        wordPositions.set(c, pos);
      }
      return pos;
    };
    const datePositions = new Map<number, Uint16Array>();
    const dateBits = (date: number): Uint16Array => {
      let pos = datePositions.get(date);
      if (!pos) {
        const year = Math.floor(date / 10000);
        const month = Math.floor(date / 100) % 100;
        const day = date % 100;
        const features = [`y${year}`];
        if (month > 0) features.push(`m${month}`);
        if (day > 0) features.push(`d${day}`);
        if (month > 0 && day > 0) features.push(`md${Math.min(month, day)}-${Math.max(month, day)}`);
        pos = this.union('birth_date', features);
        datePositions.set(date, pos);
      }
      return pos;
    };
    const valueFields = Object.entries(store.values) as [string, ValueColumn][];
    // Value fields are mostly distinct per record (addresses, document numbers), so their bits
    // are set bigram by bigram, each bigram's positions cached under an integer code.
    const valueSetters = valueFields.map(([field, col]) => {
      if (field === 'nationality' || field === 'state' || field === 'street_number') {
        const cache = new Array<Uint16Array | undefined>(col.values.length);
        return (base: number, id: number) => {
          let pos = cache[id];
          if (!pos) {
            pos = this.positions(field, col.values[id] ?? '');
            cache[id] = pos;
          }
          set(base, pos);
        };
      }
      // ASCII bigrams (nearly all, after folding) in an array; others in a map.
      const ascii = new Array<Uint16Array | undefined>(128 * 128);
      const other = new Map<number, Uint16Array>();
      return (base: number, id: number) => {
        const value = col.values[id] ?? '';
        let prev = 95; // '_' pads both ends, as in bigramsOf
        for (let i = 0; i <= value.length; i++) {
          const c = i < value.length ? value.charCodeAt(i) : 95;
          let pos: Uint16Array | undefined;
          if (prev < 128 && c < 128) {
            pos = ascii[prev * 128 + c];
            if (!pos) {
              pos = this.positions(field, String.fromCharCode(prev, c));
              ascii[prev * 128 + c] = pos;
            }
          } else {
            const code = prev * 65536 + c;
            pos = other.get(code);
            if (!pos) {
              pos = this.positions(field, String.fromCharCode(prev, c));
              other.set(code, pos);
            }
          }
          set(base, pos);
          prev = c;
        }
      };
    });
    const sexBits = [1, 2, 3].map((v) => this.positions('sex', String(v)));
    const document = store.values.document_number;
    const keyed = (['nationality', 'postcode', 'birth_place'] as const)
      .map((f) => [f, store.values[f]] as const)
      .filter((e): e is readonly [(typeof e)[0], ValueColumn] => e[1] !== undefined);
    const skeletons: string[] = [];
    const phonetics: string[] = [];
    let current = 0;
    const block = (feature: string) => {
      blockFeatures.push(feature);
      blockOwner.push(current);
    };
    for (let r = 0; r < n; r++) {
      const base = r * words;
      current = r;
      skeletons.length = 0;
      phonetics.length = 0;
      for (const col of nameCols) {
        const from = col.start[r] ?? 0;
        const to = col.start[r + 1] ?? 0;
        for (let p = from; p < to; p++) {
          const token = col.tokens[p] ?? 0;
          set(base, wordBits(token));
          const ph = phonText[phon[token] ?? 0] ?? '';
          if (p < from + 2 && !phonetics.includes(ph)) {
            phonetics.push(ph);
            skeletons.push(skelText[skel[token] ?? 0] ?? '');
          }
        }
      }
      const date = store.birthDate?.[r] ?? 0;
      const year = Math.floor(date / 10000);
      if (date > 0) set(base, dateBits(date));
      const sex = store.sex?.[r] ?? 0;
      if (sex > 0) set(base, sexBits[sex - 1] ?? sexBits[0] ?? new Uint16Array(0));
      for (let f = 0; f < valueFields.length; f++) {
        const id = valueFields[f]?.[1].ids[r] ?? -1;
        if (id >= 0) valueSetters[f]?.(base, id);
      }
      // Blocking hashes: pairs of name skeletons (in either field, either order), each name's
      // phonetic key with the birth year, the document number, and the full birth date with a
      // place (for names mangled beyond their phonetic keys).
      for (let a = 0; a < skeletons.length; a++) {
        for (let b = a + 1; b < skeletons.length; b++) {
          const x = skeletons[a] ?? '';
          const y = skeletons[b] ?? '';
          block(x < y ? `p${x}|${y}` : `p${y}|${x}`);
        }
        if (year > 0) block(`y${phonetics[a] ?? ''}|${year}`);
      }
      const docId = document?.ids[r] ?? -1;
      if (document && docId >= 0) block(`d${document.values[docId] ?? ''}`);
      if (date % 100 > 0 && Math.floor(date / 100) % 100 > 0) {
        for (const [field, col] of keyed) {
          const id = col.ids[r] ?? -1;
          if (id >= 0) block(`t${date}|${field}|${col.values[id] ?? ''}`);
        }
      }
    }
    const hashes = this.blockHashes(blockFeatures);
    const blocks: number[][] = Array.from({ length: n }, () => []);
    for (let i = 0; i < hashes.length; i++) blocks[blockOwner[i] ?? 0]?.push(hashes[i] ?? 0);
    return { ids, clks, words, blocks };
  }
}

/** Murmur3's finaliser: spreads the bits of one lane. */
function mix(h: number, len: number): number {
  let x = h ^ len;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * A 128-bit digest of a string (four 32-bit murmur-style lanes with different seeds), written at
 * `offset`. Not cryptographic: it only has to spread features evenly before encryption; two
 * features that collide merely share a block.
 */
function digest128(text: string, out: Buffer, offset: number): void {
  let h0 = 0x811c9dc5;
  let h1 = 0x01000193;
  let h2 = 0x9e3779b9;
  let h3 = 0x85ebca6b;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h0 = Math.imul(h0 ^ c, 0x01000193);
    h1 = Math.imul(h1 ^ c, 0x5bd1e995);
    h2 = Math.imul(h2 ^ c, 0xcc9e2d51);
    h3 = Math.imul(h3 ^ c, 0x1b873593);
  }
  out.writeUInt32BE(mix(h0, text.length), offset);
  out.writeUInt32BE(mix(h1 ^ h0, text.length), offset + 4);
  out.writeUInt32BE(mix(h2 ^ h1, text.length), offset + 8);
  out.writeUInt32BE(mix(h3 ^ h2, text.length), offset + 12);
}

const POPCOUNT16 = (() => {
  const t = new Uint8Array(65536);
  for (let i = 1; i < 65536; i++) t[i] = (t[i >> 1] ?? 0) + (i & 1);
  return t;
})();

export function popcount32(v: number): number {
  return (POPCOUNT16[v & 0xffff] ?? 0) + (POPCOUNT16[v >>> 16] ?? 0);
}

/** Dice coefficient of CLKs a (record i of A) and b (record j of B), in [0, 1]. */
export function dice(a: Uint32Array, i: number, b: Uint32Array, j: number, words: number): number {
  let common = 0;
  let ca = 0;
  let cb = 0;
  const oa = i * words;
  const ob = j * words;
  for (let w = 0; w < words; w++) {
    const x = a[oa + w] ?? 0;
    const y = b[ob + w] ?? 0;
    common += popcount32(x & y);
    ca += popcount32(x);
    cb += popcount32(y);
  }
  return ca + cb === 0 ? 0 : (2 * common) / (ca + cb);
}

export interface ClkMatch {
  left: number;
  right: number;
  similarity: number;
}

export interface ClkMatchOptions {
  /** Dice similarity at or above which two CLKs are a hit (default DEFAULT_DICE_THRESHOLD). */
  threshold?: number;
  /** Largest number of records sharing a blocking hash that are compared. */
  maxBlockSize?: number;
  /**
   * 'one-to-one' (default, as anonlink's greedy solver): each record hits at most one on the
   * other side, best first. 'all': every pair at or above the threshold, for registers that
   * hold the same person several times.
   */
  assignment?: 'one-to-one' | 'all';
}

export const DEFAULT_DICE_THRESHOLD = 0.7;

/**
 * Matches two sets of CLKs one-to-one: candidate pairs share a blocking hash (or, without
 * hashes, every pair is compared), are scored by Dice, and accepted greedily best first, as
 * anonlink's greedy solver does.
 */
export function matchClks(a: EncodedRecords, b: EncodedRecords, options: ClkMatchOptions = {}): ClkMatch[] {
  const threshold = options.threshold ?? DEFAULT_DICE_THRESHOLD;
  const maxBlock = options.maxBlockSize ?? 200;
  if (a.words !== b.words) throw new Error(`CLK lengths differ: ${a.words * 32} and ${b.words * 32} bits`);
  const words = a.words;
  const counts = (e: EncodedRecords) => {
    const out = new Uint16Array(e.ids.length);
    for (let r = 0; r < e.ids.length; r++) {
      let c = 0;
      for (let w = 0; w < words; w++) c += popcount32(e.clks[r * words + w] ?? 0);
      out[r] = c;
    }
    return out;
  };
  const popA = counts(a);
  const popB = counts(b);
  const candidates: ClkMatch[] = [];
  const consider = (i: number, j: number) => {
    const pa = popA[i] ?? 0;
    const pb = popB[j] ?? 0;
    // Dice can reach the threshold only if the bit counts are close enough.
    if ((2 * Math.min(pa, pb)) / (pa + pb) < threshold) return;
    const s = dice(a.clks, i, b.clks, j, words);
    if (s >= threshold) candidates.push({ left: i, right: j, similarity: s });
  };
  const hasBlocks = a.blocks.some((x) => x.length > 0) && b.blocks.some((x) => x.length > 0);
  if (!hasBlocks) {
    for (let i = 0; i < a.ids.length; i++) for (let j = 0; j < b.ids.length; j++) consider(i, j);
  } else {
    const index = new Map<number, number[]>();
    b.blocks.forEach((keys, j) => {
      for (const k of keys) {
        let list = index.get(k);
        if (!list) {
          list = [];
          index.set(k, list);
        }
        list.push(j);
      }
    });
    const seen = new Map<number, number>();
    a.blocks.forEach((keys, i) => {
      for (const k of keys) {
        const list = index.get(k);
        if (!list || list.length > maxBlock) continue;
        for (const j of list) {
          if (seen.get(j) === i) continue;
          seen.set(j, i);
          consider(i, j);
        }
      }
    });
  }
  candidates.sort((x, y) => y.similarity - x.similarity || x.left - y.left || x.right - y.right);
  if (options.assignment === 'all') return candidates;
  const usedA = new Uint8Array(a.ids.length);
  const usedB = new Uint8Array(b.ids.length);
  const out: ClkMatch[] = [];
  for (const c of candidates) {
    if (usedA[c.left] || usedB[c.right]) continue;
    usedA[c.left] = 1;
    usedB[c.right] = 1;
    out.push(c);
  }
  return out;
}

/** Base64 of a record's CLK, for the CSV exchange format. */
export function clkToBase64(e: EncodedRecords, r: number): string {
  const bytes = Buffer.alloc(e.words * 4);
  for (let w = 0; w < e.words; w++) bytes.writeUInt32BE(e.clks[r * e.words + w] ?? 0, w * 4);
  return bytes.toString('base64');
}

/** Parses CLKs and blocking hashes back from their exchange form. */
export function decodeClks(ids: string[], clks: string[], blocks: string[]): EncodedRecords {
  if (ids.length === 0) return { ids, clks: new Uint32Array(0), words: DEFAULT_BITS / 32, blocks: [] };
  const first = Buffer.from(clks[0] ?? '', 'base64');
  const words = first.length / 4;
  if (words === 0 || !Number.isInteger(words)) throw new Error('Malformed CLK: not a base64 bit string');
  const out = new Uint32Array(ids.length * words);
  clks.forEach((text, r) => {
    const bytes = Buffer.from(text, 'base64');
    if (bytes.length !== words * 4) throw new Error(`Malformed CLK for record ${ids[r]}: length differs`);
    for (let w = 0; w < words; w++) out[r * words + w] = bytes.readUInt32BE(w * 4);
  });
  const parsedBlocks = blocks.map((b) =>
    b === ''
      ? []
      : b
          .split(' ')
          .map((h) => Number.parseInt(h, 16))
          .filter((h) => Number.isFinite(h)),
  );
  return { ids, clks: out, words, blocks: parsedBlocks };
}

/** Blocking hashes of a record in their exchange form: hex words separated by spaces. */
export function blocksToText(e: EncodedRecords, r: number): string {
  return (e.blocks[r] ?? []).map((h) => h.toString(16).padStart(8, '0')).join(' ');
}
