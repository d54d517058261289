// Text folding shared by every normaliser: registrations along the route are typed by
// officers with and without accents, in upper and lower case, with hyphens, apostrophes and
// stray punctuation. Folding removes all of that so that comparisons see only letters.

const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
  ŀ: 'l',
};

const APOSTROPHES = new Set(["'", '’', '‘', '`', '´', 'ʼ']);

/**
 * Folded form of every character up to U+024F (Latin-1 and Latin Extended A and B), built once
 * from Unicode decomposition: '' for apostrophes, ' ' for punctuation, the base letters for
 * accented ones. Names are almost all in this range, so folding is a table lookup per character.
 */
const FOLD_TABLE: string[] = (() => {
  const table: string[] = [];
  for (let c = 0; c <= 0x24f; c++) {
    const ch = String.fromCharCode(c);
    if (APOSTROPHES.has(ch)) {
      table.push('');
      continue;
    }
    const lower = ch.toLowerCase();
    const special = SPECIAL_LETTERS[lower];
    if (special !== undefined) {
      table.push(special);
      continue;
    }
    const base = lower.normalize('NFD').replace(/\p{M}+/gu, '');
    table.push(/^[\p{L}\p{N}]+$/u.test(base) ? base : ' ');
  }
  return table;
})();

function foldSlow(value: string): string {
  return value
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæœøđðłıþŀ]/g, (c) => SPECIAL_LETTERS[c] ?? c)
    .replace(/['’‘`´ʼ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Lower-cases, strips diacritics (á → a, ñ → n, ç → c), drops apostrophes (O'Neil → oneil,
 * D'Haïti → dhaiti) and turns every other non-letter, non-digit run into one space.
 * Letters of other scripts are kept as they are, so Arabic or Ethiopic input still compares.
 */
export function foldText(value: string): string {
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    // Combining marks (decomposed input) vanish; anything else beyond the table takes the slow path.
    if (c >= 0x300 && c <= 0x36f) continue;
    if (c > 0x24f) return foldSlow(value);
    const f = FOLD_TABLE[c] ?? ' ';
    if (f === ' ') {
      pendingSpace = out.length > 0;
      continue;
    }
    if (f === '') continue;
    if (pendingSpace) {
      out += ' ';
      pendingSpace = false;
    }
    out += f;
  }
  return out;
}

/** Folds and splits into words. */
export function foldTokens(value: string): string[] {
  const folded = foldText(value);
  return folded === '' ? [] : folded.split(' ');
}

/** Keeps only letters and digits, upper-cased: the form in which document numbers compare. */
export function compactCode(value: string): string {
  const folded = foldText(value);
  return folded.replace(/ /g, '').toUpperCase();
}
