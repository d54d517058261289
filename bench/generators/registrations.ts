import { type NamingStyle, ORIGINS, type Origin, TRANSLITERATIONS } from './name-pools';

// Synthetic registrations of migrants along the route Panama → Costa Rica → Nicaragua →
// Honduras → Guatemala → Mexico. People travel alone or in families and are registered one to
// six times, by different officers, with the noise such registrations have: accents dropped,
// typing errors, Spanish phonetic spellings, transliteration variants, a second given name or
// the maternal surname left out, given and family names in each other's boxes, day and month
// swapped, only a year or 1 January when the date is unknown, documents lost on the way.
// Families bring the hard negatives: siblings and parents sharing surnames and birthplace,
// twins, and fathers and sons with the same name. Seeded, so every run is the same.

export interface Registration {
  rec_id: string;
  given_names: string;
  family_names: string;
  sex: string;
  birth_date: string;
  nationality: string;
  document_number: string;
  birth_place: string;
  /** Where and when the registration was taken: context an analyst sees, not matched on. */
  registered_in: string;
  registered_on: string;
  /** Ground truth: the same person_id is the same person. Never given to the engine. */
  person_id: string;
}

export const REGISTRATION_COLUMNS: readonly (keyof Registration)[] = [
  'rec_id',
  'given_names',
  'family_names',
  'sex',
  'birth_date',
  'nationality',
  'document_number',
  'birth_place',
  'registered_in',
  'registered_on',
  'person_id',
];

export interface GeneratorOptions {
  /** Number of people; registrations are about 2.6 per person. */
  persons: number;
  seed?: number;
  /** Scales every noise probability (1 = the default mix). */
  noise?: number;
}

type Random = () => number;

function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  constructor(readonly random: Random) {}
  chance(p: number): boolean {
    return this.random() < p;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.random() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }
  /** Zipf-like choice: the first items of a pool are the common names. */
  pickSkewed<T>(items: readonly T[]): T {
    const u = this.random();
    return items[Math.floor(items.length * u * u)] as T;
  }
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    const total = weights.reduce((a, b) => a + b, 0);
    let r = this.random() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return items[i] as T;
    }
    return items[items.length - 1] as T;
  }
}

interface Person {
  id: number;
  origin: Origin;
  sex: 'M' | 'F';
  given: string[];
  family: string[];
  /** Patronymic styles: the person's father's and grandfather's names, for their children. */
  lineage: string[];
  year: number;
  month: number;
  day: number;
  /** Knows only the year of birth (dates are then recorded as a year or as 1 January). */
  yearOnly: boolean;
  place: string;
  nationality: string;
  documents: string[];
}

const ROUTE = [
  { country: 'PAN', accents: 0.1, careful: 0.9 },
  { country: 'CRI', accents: 0.4, careful: 0.85 },
  { country: 'NIC', accents: 0.3, careful: 0.6 },
  { country: 'HND', accents: 0.5, careful: 0.75 },
  { country: 'GTM', accents: 0.5, careful: 0.75 },
  { country: 'MEX', accents: 0.8, careful: 0.85 },
] as const;

const REGISTRATIONS_PER_PERSON = [1, 2, 3, 4, 5, 6] as const;
const REGISTRATION_WEIGHTS = [0.27, 0.25, 0.2, 0.13, 0.09, 0.06] as const;

const KEYBOARD_NEIGHBOURS: Record<string, string> = {
  a: 'sqz',
  b: 'vnhg',
  c: 'xvd',
  d: 'sfe',
  e: 'wrd',
  f: 'dgr',
  g: 'fhtb',
  h: 'gjyn',
  i: 'uok',
  j: 'hkun',
  k: 'jlm',
  l: 'kop',
  m: 'nk',
  n: 'bmh',
  o: 'ipl',
  p: 'ol',
  q: 'wa',
  r: 'etf',
  s: 'adw',
  t: 'ryg',
  u: 'yij',
  v: 'cbf',
  w: 'qes',
  x: 'zsc',
  y: 'tuh',
  z: 'xas',
};

const TRANSLIT_INDEX = new Map<string, readonly string[]>();
for (const group of TRANSLITERATIONS) for (const v of group) TRANSLIT_INDEX.set(v.toLowerCase(), group);

function stripAccents(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '');
}

function keepCase(original: string, replacement: string): string {
  if (original.length > 0 && original[0] === original[0]?.toUpperCase()) {
    return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  }
  return replacement;
}

/** One typing error: a neighbouring key, a dropped, doubled or swapped letter. */
function typo(dice: Dice, word: string): string {
  if (word.length < 3) return word;
  const i = dice.int(1, word.length - 1);
  const c = word.charAt(i);
  switch (dice.int(0, 3)) {
    case 0: {
      const near = KEYBOARD_NEIGHBOURS[c.toLowerCase()];
      return near ? word.slice(0, i) + dice.pick(near.split('')) + word.slice(i + 1) : word;
    }
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + c + word.slice(i);
    default:
      return i + 1 < word.length ? word.slice(0, i) + word.charAt(i + 1) + c + word.slice(i + 2) : word;
  }
}

/** Spanish spelling-by-ear confusions: b/v, s/z/c, ll/y, silent h, j/g, x/j, i/y. */
const PHONETIC_RULES: readonly [RegExp, string][] = [
  [/v/, 'b'],
  [/b/, 'v'],
  [/z/, 's'],
  [/s(?=[aeiou])/, 'z'],
  [/c(?=[ei])/, 's'],
  [/ll/, 'y'],
  [/y(?=[aeiou])/, 'll'],
  [/^h/i, ''],
  [/j(?=[ei])/, 'g'],
  [/g(?=[ei])/, 'j'],
  [/^x/i, 'J'],
  [/y$/, 'i'],
  [/i$/, 'y'],
  [/nn/, 'n'],
  [/th/, 't'],
  [/ph/, 'f'],
  [/k/, 'c'],
  [/qu(?=[ei])/, 'k'],
];

function phonetic(dice: Dice, word: string): string {
  const lower = word.toLowerCase();
  const applicable = PHONETIC_RULES.filter(([re]) => re.test(lower));
  if (applicable.length === 0) return word;
  const [re, to] = dice.pick(applicable);
  const out = lower.replace(re, to);
  return out === '' ? word : keepCase(word, out);
}

/** Transliteration: another conventional spelling, or vowel and digraph drift. */
function transliterate(dice: Dice, word: string): string {
  const group = TRANSLIT_INDEX.get(stripAccents(word).toLowerCase());
  if (group && dice.chance(0.8)) return dice.pick(group);
  const lower = word.toLowerCase();
  const drifts: [RegExp, string][] = [
    [/ou/, 'u'],
    [/u/, 'ou'],
    [/e/, 'i'],
    [/i/, 'e'],
    [/o/, 'u'],
    [/aa/, 'a'],
    [/a(?=[^aeiou]$)/, 'aa'],
    [/kh/, 'k'],
    [/ee/, 'i'],
    [/y$/, 'ye'],
    [/ye$/, 'y'],
    [/([bdfgklmnprst])\1/, '$1'],
    [/([bdlmnrst])(?=[aeiou])/, '$1$1'],
  ];
  const applicable = drifts.filter(([re]) => re.test(lower));
  if (applicable.length === 0) return word;
  const [re, to] = dice.pick(applicable);
  return keepCase(word, lower.replace(re, to));
}

function randomDocument(dice: Dice, pattern: string): string {
  let out = '';
  for (const c of pattern) {
    if (c === '9') out += String(dice.int(0, 9));
    else if (c === 'A') out += String.fromCharCode(65 + dice.int(0, 25));
    else out += c;
  }
  return out;
}

function documentTypo(dice: Dice, doc: string): string {
  const i = dice.int(0, doc.length - 1);
  if (dice.chance(0.5) && i + 1 < doc.length)
    return doc.slice(0, i) + doc.charAt(i + 1) + doc.charAt(i) + doc.slice(i + 2);
  return doc.slice(0, i) + String(dice.int(0, 9)) + doc.slice(i + 1);
}

function splitNames(names: string): string[] {
  return names.split(' ');
}

class PersonFactory {
  private next = 0;
  constructor(private readonly dice: Dice) {}

  private givenFor(origin: Origin, sex: 'M' | 'F'): string[] {
    const d = this.dice;
    const pool = sex === 'M' ? origin.male : origin.female;
    const first = splitNames(d.pickSkewed(pool));
    if (first.length === 1 && d.chance(origin.secondGiven)) {
      let second = d.pickSkewed(pool);
      for (let t = 0; t < 3 && second === first[0]; t++) second = d.pickSkewed(pool);
      if (second !== first[0]) first.push(...splitNames(second));
    }
    return first;
  }

  private familyFor(origin: Origin, sex: 'M' | 'F'): string[] {
    const d = this.dice;
    if (origin.style === 'hispanic') {
      const a = d.pickSkewed(origin.family);
      let b = d.pickSkewed(origin.family);
      if (b === a && d.chance(0.8)) b = d.pickSkewed(origin.family);
      return [a, b];
    }
    if (origin.nationality === 'IND' && d.chance(0.5)) return [sex === 'M' ? 'Singh' : 'Kaur'];
    return [d.pickSkewed(origin.family)];
  }

  private documentsFor(origin: Origin): string[] {
    const d = this.dice;
    if (!d.chance(origin.documented)) return [];
    const docs = [randomDocument(d, d.pick(origin.documents))];
    // A passport as well as a national identity card: two numbers for one person.
    if (d.chance(0.15)) docs.push(randomDocument(d, `P${'9'.repeat(8)}`));
    return docs;
  }

  create(origin: Origin, sex: 'M' | 'F', year: number, overrides: Partial<Person> = {}): Person {
    const d = this.dice;
    const lineage =
      origin.style === 'patronymic' ? [d.pickSkewed(origin.male), d.pickSkewed(origin.male)] : [];
    const person: Person = {
      id: this.next++,
      origin,
      sex,
      given: this.givenFor(origin, sex),
      family: origin.style === 'patronymic' ? lineage.slice(0, 2) : this.familyFor(origin, sex),
      lineage,
      year,
      month: d.int(1, 12),
      day: d.int(1, 28),
      yearOnly: d.chance(0.06),
      place: d.pickSkewed(origin.places),
      nationality: origin.nationality,
      documents: this.documentsFor(origin),
      ...overrides,
    };
    return person;
  }

  /** A family travelling together: parents and children, with the relatives' shared names. */
  family(origin: Origin): Person[] {
    const d = this.dice;
    const fatherYear = d.int(1962, 1996);
    const father = this.create(origin, 'M', fatherYear);
    const motherYear = Math.min(2000, fatherYear + d.int(-3, 6));
    const mother = this.create(origin, 'F', motherYear, {
      place: d.chance(0.6) ? father.place : d.pickSkewed(origin.places),
    });
    const members: Person[] = [];
    if (d.chance(0.85)) members.push(father);
    members.push(mother);
    const children = d.int(1, 4);
    let year = motherYear + d.int(18, 24);
    for (let c = 0; c < children && year <= 2023; c++) {
      const sex = d.chance(0.5) ? 'M' : 'F';
      const child = this.create(origin, sex, year, {
        place: d.chance(0.7) ? mother.place : d.pickSkewed(origin.places),
        documents: d.chance(0.5) ? this.documentsFor(origin) : [],
      });
      this.inherit(child, father, mother);
      // A son named after his father (Junior): same given names, a different generation.
      if (sex === 'M' && c === 0 && d.chance(0.25)) child.given = father.given.slice();
      // Haitian families on the move: children born in Chile or Brazil have that nationality.
      if (origin.style === 'haitian' && year >= 2012 && d.chance(0.5)) {
        child.nationality = d.chance(0.6) ? 'CHL' : 'BRA';
        child.place = child.nationality === 'CHL' ? 'Santiago' : 'São Paulo';
      }
      members.push(child);
      if (d.chance(0.07)) {
        // Twins: same birth date, same surnames and birthplace, different given names.
        const twin = this.create(origin, d.chance(0.5) ? 'M' : 'F', year, {
          month: child.month,
          day: child.day,
          place: child.place,
          nationality: child.nationality,
          yearOnly: child.yearOnly,
          documents: [],
        });
        this.inherit(twin, father, mother);
        while (twin.given.join(' ') === child.given.join(' ')) twin.given = this.givenFor(origin, twin.sex);
        members.push(twin);
        c++;
      }
      year += d.int(1, 5);
    }
    return members;
  }

  /** Adult siblings travelling together. */
  siblings(origin: Origin): Person[] {
    const d = this.dice;
    const father = this.create(origin, 'M', d.int(1940, 1970));
    const mother = this.create(origin, 'F', father.year + d.int(-3, 5));
    const out: Person[] = [];
    let year = mother.year + d.int(18, 28);
    const n = d.int(2, 3);
    const place = mother.place;
    for (let i = 0; i < n && year <= 2005; i++) {
      const s = this.create(origin, d.chance(0.5) ? 'M' : 'F', year, { place });
      this.inherit(s, father, mother);
      out.push(s);
      year += d.int(1, 6);
    }
    return out;
  }

  private inherit(child: Person, father: Person, mother: Person): void {
    const origin = child.origin;
    switch (origin.style as NamingStyle) {
      case 'hispanic':
        child.family = [father.family[0] ?? '', mother.family[0] ?? ''];
        break;
      case 'patronymic':
        child.lineage = [father.given[0] ?? '', father.lineage[0] ?? ''];
        child.family = child.lineage.slice();
        break;
      default: {
        const surname = father.family[0] ?? '';
        if (origin.nationality === 'IND' && (surname === 'Singh' || surname === 'Kaur')) {
          child.family = [child.sex === 'M' ? 'Singh' : 'Kaur'];
        } else if (origin.nationality === 'BGD' && child.sex === 'F' && this.dice.chance(0.5)) {
          child.family = [this.dice.pick(['Akter', 'Khatun', 'Begum'])];
        } else child.family = [surname];
      }
    }
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

class Registrar {
  constructor(
    private readonly dice: Dice,
    private readonly noise: number,
  ) {}

  private p(x: number): number {
    return Math.min(1, x * this.noise);
  }

  private names(person: Person, stop: (typeof ROUTE)[number]): { given: string; family: string } {
    const d = this.dice;
    const origin = person.origin;
    let given = person.given.slice();
    let family = person.family.slice();
    // Patronymic names: the grandfather's name is written only sometimes.
    if (origin.style === 'patronymic' && family.length > 1 && d.chance(this.p(0.4)))
      family = family.slice(0, 1);
    if (given.length > 1 && d.chance(this.p(0.25))) given = given.slice(0, 1);
    if (origin.style === 'hispanic' && family.length > 1) {
      if (d.chance(this.p(0.3))) family = family.slice(0, 1);
      else if (d.chance(this.p(0.02))) family = family.slice(1);
    }
    const extraContinental = origin.style !== 'hispanic' && origin.style !== 'haitian';
    const alter = (words: string[]): string[] =>
      words.map((w) => {
        let out = w;
        if (extraContinental && d.chance(this.p(0.35))) out = transliterate(d, out);
        return out;
      });
    given = alter(given);
    family = alter(family);
    const all = [...given.map((_, i) => ['g', i] as const), ...family.map((_, i) => ['f', i] as const)];
    const touch = (fn: (w: string) => string) => {
      const [which, i] = d.pick(all);
      const list = which === 'g' ? given : family;
      list[i] = fn(list[i] ?? '');
    };
    if (d.chance(this.p(1 - stop.careful) * 0.8 + this.p(0.05))) touch((w) => typo(d, w));
    if (origin.style === 'hispanic' || origin.style === 'haitian') {
      if (d.chance(this.p(0.18))) touch((w) => phonetic(d, w));
    } else if (d.chance(this.p(0.12))) touch((w) => phonetic(d, w));
    if (origin.style === 'haitian') {
      given = given.map((w) => (w === 'Jean' && d.chance(this.p(0.2)) ? 'Jn' : w));
      family = family.map((w) => {
        let out = w;
        if (out.includes('-') && d.chance(0.4)) out = out.replace(/-/g, d.chance(0.5) ? ' ' : '');
        if (out.startsWith('Saint') && d.chance(this.p(0.2))) out = out.replace('Saint', 'St');
        return out;
      });
    }
    if (origin.nationality === 'CHN' && given.length === 1) {
      const g = given[0] ?? '';
      const m = /^(Xiao|Jian|Zhi|Hao|Yu|Zi)(.+)$/.exec(g);
      if (m && d.chance(0.3)) given = [`${m[1]}${d.chance(0.5) ? ' ' : '-'}${(m[2] ?? '').toLowerCase()}`];
    }
    let givenText = given.join(' ');
    let familyText = family.join(' ');
    const swapRate = origin.style === 'family-first' ? 0.25 : 0.04;
    if (d.chance(this.p(swapRate))) [givenText, familyText] = [familyText, givenText];
    else if (d.chance(this.p(0.015))) {
      // The whole name in one box.
      if (d.chance(0.5)) [givenText, familyText] = [`${givenText} ${familyText}`, ''];
      else [givenText, familyText] = ['', `${givenText} ${familyText}`];
    }
    return this.style(givenText, familyText, stop);
  }

  private style(
    given: string,
    family: string,
    stop: (typeof ROUTE)[number],
  ): { given: string; family: string } {
    const d = this.dice;
    const keepAccents = d.chance(stop.accents);
    const upper = d.chance(0.5);
    const fmt = (s: string) => {
      let out = keepAccents ? s : stripAccents(s);
      if (upper) out = out.toUpperCase();
      return out;
    };
    return { given: fmt(given), family: fmt(family) };
  }

  private birthDate(person: Person): string {
    const d = this.dice;
    if (d.chance(this.p(0.04))) return '';
    let { year, month, day } = person;
    if (person.yearOnly) {
      if (d.chance(0.2)) year += d.chance(0.5) ? 1 : -1;
      return d.chance(0.5) ? String(year) : `${year}-01-01`;
    }
    const r = d.random() / Math.min(1, this.noise);
    if (r < 0.07 && day <= 12 && day !== month) [month, day] = [day, month];
    else if (r < 0.1) return String(year);
    else if (r < 0.13) return `${year}-01-01`;
    else if (r < 0.15) return `${year}-${pad(month)}`;
    else if (r < 0.19) {
      if (d.chance(0.5)) year += d.chance(0.5) ? 1 : -1;
      else day = Math.max(1, Math.min(28, day + (d.chance(0.5) ? 1 : -1)));
    } else if (r < 0.22) {
      const digits = `${year}${pad(month)}${pad(day)}`.split('');
      const i = d.int(2, 7);
      digits[i] = String(d.int(0, 9));
      const s = digits.join('');
      return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6)}`;
    }
    return `${year}-${pad(month)}-${pad(day)}`;
  }

  private place(person: Person): string {
    const d = this.dice;
    if (d.chance(this.p(0.3))) return '';
    let place = person.place;
    const variants = person.origin.placeVariants?.[place];
    if (variants && d.chance(this.p(0.3))) place = d.pick(variants);
    if (d.chance(this.p(0.04))) place = typo(d, place);
    return d.chance(0.5) ? stripAccents(place) : place;
  }

  register(
    person: Person,
    stop: (typeof ROUTE)[number],
    day: number,
    docState: { lost: boolean },
  ): Omit<Registration, 'rec_id'> {
    const d = this.dice;
    const { given, family } = this.names(person, stop);
    if (!docState.lost && person.documents.length > 0 && d.chance(this.p(0.15))) docState.lost = true;
    let document = '';
    if (!docState.lost && person.documents.length > 0 && d.chance(0.75)) {
      document = d.pick(person.documents);
      if (d.chance(this.p(0.04))) document = documentTypo(d, document);
    }
    let sex: string = person.sex;
    if (d.chance(this.p(0.03))) sex = '';
    else if (d.chance(this.p(0.005))) sex = sex === 'M' ? 'F' : 'M';
    const nationality = d.chance(this.p(0.03)) ? '' : person.nationality;
    const when = new Date(Date.UTC(2023, 0, 1) + day * 86400000);
    return {
      given_names: given,
      family_names: family,
      sex,
      birth_date: this.birthDate(person),
      nationality,
      document_number: document,
      birth_place: this.place(person),
      registered_in: stop.country,
      registered_on: when.toISOString().slice(0, 10),
      person_id: `P${person.id}`,
    };
  }
}

/** Generates the registrations of about `persons` people, shuffled, with opaque record ids. */
export function generateRegistrations(options: GeneratorOptions): Registration[] {
  const dice = new Dice(mulberry32(options.seed ?? 1));
  const factory = new PersonFactory(dice);
  const registrar = new Registrar(dice, options.noise ?? 1);
  const weights = ORIGINS.map((o) => o.weight);
  const out: Omit<Registration, 'rec_id'>[] = [];
  let persons = 0;
  while (persons < options.persons) {
    const origin = dice.weighted(ORIGINS, weights);
    const r = dice.random();
    const group =
      r < 0.3
        ? factory.family(origin)
        : r < 0.38
          ? factory.siblings(origin)
          : [factory.create(origin, dice.chance(0.65) ? 'M' : 'F', dice.int(1962, 2006))];
    persons += group.length;
    const times = dice.weighted(REGISTRATIONS_PER_PERSON, REGISTRATION_WEIGHTS);
    // Choose `times` distinct stops, kept in route order.
    const chosen = ROUTE.map((s, i) => [s, i] as const)
      .map((s) => ({ s, k: dice.random() }))
      .sort((a, b) => a.k - b.k)
      .slice(0, times)
      .map((x) => x.s)
      .sort((a, b) => a[1] - b[1]);
    let day = dice.int(0, 700);
    const docStates = group.map(() => ({ lost: false }));
    for (const [stop] of chosen) {
      group.forEach((person, m) => {
        // Now and then one member is not registered at a stop (asleep, in hospital, a minor).
        if (chosen.length > 1 && dice.chance(0.05)) return;
        out.push(registrar.register(person, stop, day, docStates[m] as { lost: boolean }));
      });
      day += dice.int(2, 12);
    }
  }
  // Shuffle so that file order says nothing about identity.
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(dice.random() * (i + 1));
    const t = out[i] as Omit<Registration, 'rec_id'>;
    out[i] = out[j] as Omit<Registration, 'rec_id'>;
    out[j] = t;
  }
  return out.map((r, i) => ({ rec_id: `REG-${String(i + 1).padStart(7, '0')}`, ...r }));
}

/** The registrations as CSV text (RFC 4180), with the columns of REGISTRATION_COLUMNS. */
export function registrationsToCsv(records: readonly Registration[], columns = REGISTRATION_COLUMNS): string {
  const esc = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [columns.join(',')];
  for (const r of records) lines.push(columns.map((c) => esc(r[c])).join(','));
  return `${lines.join('\n')}\n`;
}
