// String similarity kernels. They run hundreds of millions of times in the million-record
// benchmark, so they work on char codes with reused buffers and allocate nothing.

let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);
let codesA = new Uint16Array(64);
let codesB = new Uint16Array(64);

/** Jaro similarity in [0, 1]; symmetric. */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (flagsA.length < la || flagsB.length < lb) {
    const size = Math.max(la, lb) * 2;
    flagsA = new Uint8Array(size);
    flagsB = new Uint8Array(size);
    codesA = new Uint16Array(size);
    codesB = new Uint16Array(size);
  }
  // Locals, not module bindings, in the loops: V8 keeps them in registers.
  const fa = flagsA;
  const fb = flagsB;
  const ca = codesA;
  const cb = codesB;
  for (let i = 0; i < la; i++) {
    ca[i] = a.charCodeAt(i);
    fa[i] = 0;
  }
  for (let j = 0; j < lb; j++) {
    cb[j] = b.charCodeAt(j);
    fb[j] = 0;
  }
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = i > window ? i - window : 0;
    const hi = i + window < lb - 1 ? i + window : lb - 1;
    const c = ca[i];
    for (let j = lo; j <= hi; j++) {
      if (fb[j] === 0 && cb[j] === c) {
        fa[i] = 1;
        fb[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (fa[i] === 0) continue;
    while (fb[k] === 0) k++;
    if (ca[i] !== cb[k]) transpositions++;
    k++;
  }
  const t = transpositions / 2;
  return (matches / la + matches / lb + (matches - t) / matches) / 3;
}

/**
 * Jaro-Winkler similarity in [0, 1] with the usual prefix scale 0.1 over at most four characters.
 * The prefix bonus is applied only above 0.7, as Winkler proposed.
 */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  if (j <= 0.7) return j;
  const limit = Math.min(4, a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * 0.1 * (1 - j);
}

let rowPrev = new Int32Array(64);
let rowCur = new Int32Array(64);
let rowPrev2 = new Int32Array(64);

/**
 * Optimal string alignment distance: Levenshtein plus adjacent transpositions, the four typing
 * errors (insert, delete, substitute, swap two letters).
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (la === 0) return lb;
  if (lb === 0) return la;
  if (rowPrev.length <= lb) {
    rowPrev = new Int32Array(lb * 2 + 1);
    rowCur = new Int32Array(lb * 2 + 1);
    rowPrev2 = new Int32Array(lb * 2 + 1);
  }
  let prev2 = rowPrev2;
  let prev = rowPrev;
  let cur = rowCur;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      }
      cur[j] = v;
    }
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb] ?? 0;
}

/** Edit distance scaled to a similarity in [0, 1]. */
export function editSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  return 1 - editDistance(a, b) / longest;
}

const letterCounts = new Int32Array(64);

/**
 * Jaro-Winkler when it can reach `min`, otherwise 0. Most compared pairs are different people
 * whose names share few letters; the number of letters two strings have in common bounds the
 * Jaro matches, and that bound, cheap to compute, rules most of them out before the quadratic
 * part. (Letters are bucketed by char code modulo 64, which only loosens the bound.)
 */
export function jaroWinklerAtLeast(a: string, b: string, min: number): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  for (let i = 0; i < la; i++) {
    const c = a.charCodeAt(i) & 63;
    letterCounts[c] = (letterCounts[c] ?? 0) + 1;
  }
  let common = 0;
  for (let i = 0; i < lb; i++) {
    const c = b.charCodeAt(i) & 63;
    const v = letterCounts[c] ?? 0;
    if (v > 0) {
      common++;
      letterCounts[c] = v - 1;
    }
  }
  for (let i = 0; i < la; i++) letterCounts[a.charCodeAt(i) & 63] = 0;
  const jaroBound = (common / la + common / lb + 1) / 3;
  if (0.6 * jaroBound + 0.4 < min) return 0;
  const s = jaroWinkler(a, b);
  return s >= min ? s : 0;
}

/**
 * Sorted letter-bigram codes of a string with spaces removed: the representation in which
 * addresses and places compare (Dice), in time linear in their length.
 */
export function bigrams(value: string): Int32Array {
  const s = value.replace(/ /g, '');
  if (s.length < 2) return Int32Array.of(s.length === 1 ? s.charCodeAt(0) : 0);
  const out = new Int32Array(s.length - 1);
  for (let i = 0; i + 1 < s.length; i++) out[i] = s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1);
  return out.sort();
}

/** Dice coefficient of two sorted bigram multisets, in [0, 1]. */
export function bigramDice(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const la = a.length;
  const lb = b.length;
  if (la === 0 && lb === 0) return 1;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < la && j < lb) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return (2 * common) / (la + lb);
}
