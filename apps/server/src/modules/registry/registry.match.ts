import {
  blockingKeys,
  buildFeatures,
  comparisonSpecs,
  explainPair,
  type LinkageModel,
  PairScorer,
  type PersonRecord,
  tableFromRecords,
} from '@enlace/linkage';
import type { AGREEMENTS, AgeGroup, MatchExplanation } from '@enlace/shared';
import trained from './registry.model.json';

// Identity resolution for the registry, on the linkage engine: a person's blocking keys, and
// the scoring of what someone says against the records retrieved by those keys. Pure: no
// database, no clock. The model is trained once on the seeded synthetic registrations
// (bench/generators/registry-model.ts): a search has too few candidates to train on.

/** A key held by more persons than this says little and costs much: it is left out of a search. */
export const KEY_POSTINGS_MAX = 5_000;
/** The most key rows a search reads to rank its candidates (its rarest keys first). */
export const KEY_ROWS_BUDGET = 20_000;

/**
 * The keys a search reads and what each weighs: the rarer a key, the more it says that two
 * records are one person (an inverse document frequency, in bits). The rarest keys are read
 * first, up to KEY_ROWS_BUDGET rows; a key held by more than KEY_POSTINGS_MAX persons is left
 * out, unless no key is rarer (a very common name and nothing else).
 */
export function keyWeights(postings: ReadonlyMap<string, number>): Map<string, number> {
  const held = [...postings].filter(([, n]) => n > 0).sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  const out = new Map<string, number>();
  let rows = 0;
  for (const [key, n] of held) {
    if (out.size > 0 && (n > KEY_POSTINGS_MAX || rows + n > KEY_ROWS_BUDGET)) break;
    out.set(key, Math.log2(1 + KEY_POSTINGS_MAX / n));
    rows += n;
  }
  return out;
}

/** The fields of a person the engine compares, as the officer typed them. */
export interface IdentityFields {
  givenNames?: string | null;
  familyNames?: string | null;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  birthDate?: string | null;
  /**
   * The birth date is the year of an age the officer estimated: kept for the blocking keys, not
   * compared. An age seen across a desk is not a date of birth, and comparing it as a year made a
   * returning person's true date "more than five years apart" from their first registration's.
   */
  birthDateEstimated?: boolean;
  sex?: string | null;
  nationality?: string | null;
  documentNumber?: string | null;
}

export const REGISTRY_MODEL: LinkageModel = trained as LinkageModel;

/** At or above this probability the person leaving is taken to be the person admitted. */
export const RELEASE_MATCH_THRESHOLD = 0.95;
/** Below this a candidate says nothing worth showing an officer (the engine keeps no weaker pair). */
export const CANDIDATE_FLOOR = 0.01;

/** The engine's record of some fields; `compared`: as scored (an estimated age's year left out). */
function record(id: string, f: IdentityFields, compared = false): PersonRecord {
  const r: PersonRecord = { id };
  if (f.givenNames) r.given_names = f.givenNames;
  if (f.familyNames) r.family_names = f.familyNames;
  if (f.birthDate && !(compared && f.birthDateEstimated)) r.birth_date = f.birthDate;
  if (f.sex) r.sex = f.sex;
  if (f.nationality) r.nationality = f.nationality;
  if (f.documentNumber) r.document_number = f.documentNumber;
  return r;
}

/** The person's blocking keys (the engine's rules, as stable text), distinct. */
export function personBlockingKeys(f: IdentityFields): string[] {
  const { id: _, ...r } = record('q', f);
  return blockingKeys(r);
}

/** The model's comparisons for the fields these records hold, in the engine's order. */
function modelFor(fields: readonly string[]): LinkageModel {
  return {
    ...REGISTRY_MODEL,
    comparisons: fields.map((field) => {
      const c = REGISTRY_MODEL.comparisons.find((x) => x.field === field);
      if (!c) throw new Error(`The registry model has no comparison for ${field}`);
      return c;
    }),
  };
}

type Agreement = (typeof AGREEMENTS)[number];

/** A weight of evidence in words: what the officer reads beside each field. */
export function agreementOf(level: string | null, weight: number): Agreement {
  if (level === null) return 'missing';
  if (weight >= 4) return 'strong';
  if (weight >= 1) return 'partial';
  if (weight > -1) return 'weak';
  return 'disagrees';
}

const round = (v: number, digits: number) => Number(v.toFixed(digits));

export interface ScoredCandidate<T> {
  candidate: T;
  probability: number;
  explanation: MatchExplanation;
}

/**
 * Scores what was said against each candidate's variants (names as stated, names as in a
 * document): a candidate's score is its best variant's. Returns every candidate, best first.
 */
export function scoreCandidates<T>(
  query: IdentityFields,
  candidates: readonly T[],
  variantsOf: (c: T) => IdentityFields[],
): ScoredCandidate<T>[] {
  const owners: number[] = [];
  const rows: PersonRecord[] = [];
  const estimated: (string | null)[] = [];
  candidates.forEach((c, i) => {
    for (const v of variantsOf(c)) {
      owners.push(i);
      estimated.push(v.birthDateEstimated ? (v.birthDate ?? null) : null);
      rows.push(record(String(rows.length), v, true));
    }
  });
  if (rows.length === 0) return [];
  const left = tableFromRecords([record('query', query, true)]);
  const right = tableFromRecords(rows);
  const store = buildFeatures([left, right]);
  const model = modelFor(comparisonSpecs(store).map((s) => s.field));
  const scorer = new PairScorer(store, model);
  const best = new Map<number, ScoredCandidate<T>>();
  rows.forEach((_, j) => {
    const why = explainPair(scorer, model, [left, right], 0, 1 + j);
    const owner = owners[j] ?? 0;
    const current = best.get(owner);
    if (current && current.explanation.total >= why.total) return;
    best.set(owner, {
      candidate: candidates[owner] as T,
      probability: why.probability,
      explanation: {
        prior: round(why.prior, 2),
        total: round(why.total, 2),
        fields: why.fields.map((f) => ({
          field: f.field,
          // An estimated age is shown as its year, "not compared".
          given: f.field === 'birth_date' && query.birthDateEstimated ? (query.birthDate ?? f.left) : f.left,
          recorded: f.field === 'birth_date' ? (estimated[j] ?? f.right) : f.right,
          level: f.level,
          agreement: agreementOf(f.level, f.weight + f.frequencyAdjustment),
          weight: round(f.weight + f.frequencyAdjustment, 2),
        })),
      },
    });
  });
  return [...best.values()].sort((a, b) => b.explanation.total - a.explanation.total);
}

/**
 * The age group on a day of someone born on `birthDate` (YYYY, YYYY-MM or YYYY-MM-DD). A partial
 * date counts as its latest possible day, so that whoever may still be a child is counted as one.
 */
export function ageGroupOn(birthDate: string | null, day: string): AgeGroup {
  if (!birthDate) return 'unknown';
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number?, number?];
  const month = m ?? 12;
  const date = d ?? new Date(Date.UTC(y, month, 0)).getUTCDate();
  const [ty, tm, td] = day.slice(0, 10).split('-').map(Number) as [number, number, number];
  const age = ty - y - (tm < month || (tm === month && td < date) ? 1 : 0);
  if (age < 0) return 'unknown';
  if (age <= 11) return '0-11';
  if (age <= 17) return '12-17';
  if (age <= 59) return '18-59';
  return '60+';
}

/** Whether the document numbers agreed exactly (the engine's strongest level for the field). */
export function sharesDocument(explanation: MatchExplanation): boolean {
  return explanation.fields.some((f) => f.field === 'document_number' && f.agreement === 'strong');
}

/**
 * The birth date to store for what the officer entered: the date as given, or for an estimated
 * age the year of birth it implies (compared as a year by the engine).
 */
export function birthDateOf(
  input: { birthDate?: string | undefined; estimatedAge?: number | undefined },
  today: string,
): string | null {
  if (input.birthDate) return input.birthDate;
  if (input.estimatedAge !== undefined) return String(Number(today.slice(0, 4)) - input.estimatedAge);
  return null;
}

/** Does a date of this many parts fit its precision? */
export function precisionFits(precision: string, birthDate: string | null): boolean {
  const parts = birthDate ? birthDate.split('-').length : 0;
  switch (precision) {
    case 'exact':
      return parts === 3;
    case 'year_month':
      return parts === 2;
    case 'year':
    case 'estimated_age':
      return parts === 1;
    default:
      return false;
  }
}

/** Is a partial date after today (a year after this year, a month after this month…)? */
export function isFuture(birthDate: string, today: string): boolean {
  return birthDate > today.slice(0, birthDate.length);
}

/** Median of some numbers (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}
