import { buildFeatures, type NameColumn } from '../features';
import { type PersonRecord, tableFromRecords } from '../schema';
import { dateKey } from './blocking';

// The blocking rules of DEFAULT_RULES as stable text keys of one record, for a register that
// stores its keys in a database and retrieves candidates by key (the registry): the numeric keys
// of buildBlocks() are ids into one run's tables and mean nothing outside it. The same
// normalisation (buildFeatures: folding, particles, transliteration, phonetic keys, skeletons,
// dates) and the same word limits as the rules, so two records share a text key exactly when
// they would share a block in a batch run (the address rule aside: registers of persons in
// centres hold no addresses).

function words(column: NameColumn | undefined, limit: number): number[] {
  if (!column) return [];
  const from = column.start[0] ?? 0;
  const to = Math.min(column.start[1] ?? 0, from + limit);
  return Array.from(column.tokens.subarray(from, to));
}

/** The record's blocking keys (distinct, in rule order), each prefixed by its rule's letter. */
export function blockingKeys(record: Omit<PersonRecord, 'id'>): string[] {
  const store = buildFeatures([tableFromRecords([{ id: 'r', ...record }])]);
  const { canon, canonText, phon, phonText, skel, skelText } = store.tokens;
  const out = new Set<string>();
  const phonOf = (t: number) => phonText[phon[t] ?? 0] ?? '';

  // Document number, exactly (codes shorter than four characters say too little).
  const doc = store.values.document_number;
  const docId = doc?.ids[0] ?? -1;
  if (doc && docId >= 0 && (doc.values[docId]?.length ?? 0) >= 4) out.add(`d:${doc.values[docId]}`);

  // Pairs of name words by consonant skeleton: the first two words of each field.
  const given2 = words(store.given, 2);
  const family2 = words(store.family, 2);
  const skeletons = [...new Set([...given2, ...family2].map((t) => skelText[skel[t] ?? 0] ?? ''))];
  for (let a = 0; a < skeletons.length; a++) {
    for (let b = a + 1; b < skeletons.length; b++) {
      const x = skeletons[a] ?? '';
      const y = skeletons[b] ?? '';
      out.add(x < y ? `p:${x}|${y}` : `p:${y}|${x}`);
    }
  }

  // One word by phonetic key with the first three letters of another (not both given names).
  const two = [...given2, ...family2];
  for (let a = 0; a < two.length; a++) {
    for (let b = 0; b < two.length; b++) {
      if (a === b || (a < given2.length && b < given2.length)) continue;
      const word = canonText[canon[two[b] ?? 0] ?? 0] ?? '';
      if (word.length < 3) continue;
      out.add(`x:${phonOf(two[a] ?? 0)}|${word.slice(0, 3)}`);
    }
  }

  // One of the first four words of each field with the birth year, and with the full date.
  const four = [...new Set([...words(store.given, 4), ...words(store.family, 4)].map(phonOf))];
  const packed = store.birthDate?.[0] ?? 0;
  const year = Math.floor(packed / 10000);
  const date = dateKey(packed);
  if (year > 0) for (const w of four) out.add(`y:${w}|${year}`);
  if (date >= 0) {
    for (const w of four) out.add(`n:${w}|${date}`);
    // The full date with nationality or birthplace: survives every name mangled.
    for (const field of ['nationality', 'birth_place'] as const) {
      const col = store.values[field];
      const id = col?.ids[0] ?? -1;
      if (col && id >= 0) out.add(`t:${date}|${field}|${col.values[id]}`);
    }
  }
  return [...out];
}
