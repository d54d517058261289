import type { BreakdownEntry, PeopleCounts } from './dto/incidents';

/**
 * THE consistency rules of an incident's person counts, used by the server (reports, corrections,
 * follow-ups), by the web form (each error under its field) and by the Missing Migrants import
 * (row errors). Messages are `errors.<code>` of packages/shared/locales.
 *
 * What is truly inconsistent, and only that:
 * - a count is unknown (null) rather than zero: a rule that needs an unknown count does not apply;
 * - a negative count is an adjustment of an earlier report (IOM's data: people reported missing later
 *   found dead), not a number of persons: a rule that involves it does not apply;
 * - `migrants` is every person the incident involved (migrants only: smugglers are not among them).
 *   Each group is part of it: females, males, children, unaccompanied children, dead, missing,
 *   survivors, injured; a person has one sex (females + males ≤ migrants, the rest of unknown sex)
 *   and one fate (dead + missing + survivors ≤ migrants, the rest of unknown fate). Injured persons
 *   may have died of their injuries: they are compared with the migrants, not with the survivors;
 * - unaccompanied children are children;
 * - the breakdown counts persons of the incident: its total is at most the migrants, its women at
 *   most the females, its men at most the males, its persons under 18 at most the children; and what
 *   it says adds to the totals: females (or the breakdown's women when unknown) plus males (or its
 *   men) are at most the migrants, children (or its minors) plus its adults likewise.
 */
export interface CountIssue {
  /** `people.<field>` or `breakdown`, as the server names fields in its errors. */
  path: string;
  code:
    | 'count_exceeds_migrants'
    | 'count_exceeds_children'
    | 'sexes_exceed_migrants'
    | 'ages_exceed_migrants'
    | 'outcomes_exceed_migrants'
    | 'inconsistent_with_breakdown';
  params: Record<string, number>;
}

type Counts = Pick<PeopleCounts, keyof PeopleCounts>;
type Entry = Pick<BreakdownEntry, 'sex' | 'ageGroup' | 'count'>;

/** Parts of the migrants that each alone cannot exceed them, in the order of the form. */
const PARTS_OF_MIGRANTS = [
  'females',
  'males',
  'children',
  'unaccompaniedChildren',
  'dead',
  'missing',
  'survivors',
  'injured',
] as const satisfies readonly (keyof PeopleCounts)[];

/** A count that rules can use: known and not an adjustment. */
const usable = (v: number | null | undefined): v is number => typeof v === 'number' && v >= 0;

const isMinor = (e: Entry) => e.ageGroup === '0-11' || e.ageGroup === '12-17';
const isAdult = (e: Entry) => e.ageGroup === '18-59' || e.ageGroup === '60+';

export function checkIncidentCounts(people: Partial<Counts>, breakdown: readonly Entry[] = []): CountIssue[] {
  const issues: CountIssue[] = [];
  const m = people.migrants;
  const known = usable(m);
  let bdTotal = 0;
  let bdFemales = 0;
  let bdMales = 0;
  let bdMinors = 0;
  let bdAdults = 0;
  for (const e of breakdown) {
    bdTotal += e.count;
    if (e.sex === 'female') bdFemales += e.count;
    else if (e.sex === 'male') bdMales += e.count;
    if (isMinor(e)) bdMinors += e.count;
    else if (isAdult(e)) bdAdults += e.count;
  }
  const flagged = new Set<string>();
  const add = (path: string, code: CountIssue['code'], params: Record<string, number>) => {
    if (flagged.has(path)) return;
    flagged.add(path);
    issues.push({ path, code, params });
  };

  if (known) {
    for (const field of PARTS_OF_MIGRANTS) {
      const v = people[field];
      if (usable(v) && v > m) add(`people.${field}`, 'count_exceeds_migrants', { count: v, total: m });
    }
  }
  const children = people.children;
  const unaccompanied = people.unaccompaniedChildren;
  if (usable(unaccompanied) && usable(children) && unaccompanied > children) {
    add('people.unaccompaniedChildren', 'count_exceeds_children', { count: unaccompanied, total: children });
  }

  // The breakdown against the totals it details.
  const bounds = [
    ['females', bdFemales],
    ['males', bdMales],
    ['children', bdMinors],
  ] as const;
  for (const [field, lower] of bounds) {
    const v = people[field];
    if (usable(v) && v < lower) add(`people.${field}`, 'inconsistent_with_breakdown', { count: lower });
  }
  if (!known) return issues;
  if (breakdown.length && bdTotal > m)
    add('breakdown', 'count_exceeds_migrants', { count: bdTotal, total: m });

  // One sex, one age and one fate per person.
  const females = people.females;
  const males = people.males;
  const sexKnown = (v: number | null | undefined) => v === null || v === undefined || usable(v);
  if (sexKnown(females) && sexKnown(males)) {
    const f = usable(females) ? Math.max(females, bdFemales) : bdFemales;
    const mm = usable(males) ? Math.max(males, bdMales) : bdMales;
    const alone = flagged.has('people.females') || flagged.has('people.males');
    if (!alone && (usable(females) || usable(males)) && f + mm > m) {
      add(usable(males) ? 'people.males' : 'people.females', 'sexes_exceed_migrants', {
        females: f,
        males: mm,
        total: m,
      });
    }
  }
  if (sexKnown(children) && bdAdults > 0) {
    const c = usable(children) ? Math.max(children, bdMinors) : bdMinors;
    if (!flagged.has('people.children') && c + bdAdults > m) {
      add(usable(children) ? 'people.children' : 'breakdown', 'ages_exceed_migrants', {
        children: c,
        adults: bdAdults,
        total: m,
      });
    }
  }
  const fates = [people.dead, people.missing, people.survivors];
  if (fates.every((v) => v === null || v === undefined || usable(v))) {
    const given = fates.filter(usable);
    const sum = given.reduce((s, v) => s + v, 0);
    const alone = ['dead', 'missing', 'survivors'].some((f) => flagged.has(`people.${f}`));
    if (!alone && given.length >= 2 && sum > m) {
      const last = ['dead', 'missing', 'survivors'].filter((_, i) => usable(fates[i])).at(-1) ?? 'dead';
      add(`people.${last}`, 'outcomes_exceed_migrants', { count: sum, total: m });
    }
  }
  return issues;
}
