import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Deps } from '../../platform/context';
import { otherDocumentNumbers } from './registry-documents.service';
import { sharesDocument } from './registry.match';
import type { Q } from './registry.repository';
import { decryptPerson, rankCandidates, variantsOf } from './registry.service';
import type { ScanWorkerTask } from './registry-scan.worker';

/**
 * Pairs at or above this match probability go to the review queue (pairs sharing a document
 * number go whatever their score, as the search shows them). Half is where the engine holds the
 * same person as likely as two people: below it a supervisor would mostly read siblings and
 * namesakes; above it lie the duplicates a search before create missed (typos, swapped day and
 * month, names as in a document). Not the engine's acceptance threshold (0.95): nothing is merged
 * without a decision, however sure the engine is.
 */
export const DUPLICATE_REVIEW_THRESHOLD = 0.5;
/**
 * Candidates scored per registration in a scan, fewer than a search's 200: a pair that reaches
 * the review threshold shares the registration's rarer keys and ranks among the first. Measured
 * over 1,000 returning persons in a register of 100,000 (bench:registry): 200 candidates found
 * 93.7 % of them, 50 found 93.5 % in half the time, 20 found 92.6 %.
 */
export const SCAN_CANDIDATES_MAX = 50;
/**
 * Pairs a registration may queue, its best ones (pairs sharing a document number are queued
 * besides): at a million persons a registration reached the review threshold with eight others on
 * average (bench:registry), a queue no supervisor reads; a returning person's earlier
 * registration ranks first for nearly all of them.
 */
export const SCAN_PAIRS_PER_REGISTRATION = 3;
/** Registrations a worker thread scans at a time. */
const CHUNK = 200;

/** A pair found by a scan, before it is queued: the registration and a person it may be. */
export interface FoundPair {
  a: string;
  b: string;
  probability: number;
  total: number;
}

export interface ScanPart {
  compared: number;
  pairs: FoundPair[];
}

/**
 * Compares each of these registrations with the candidates its blocking keys retrieve — the same
 * code path as the search before create — and keeps, for each other person, the best pair that
 * reaches the review threshold or shares a document. Read-only: it runs on a worker thread's own
 * connection.
 */
export async function scanRegistrations(
  deps: Deps,
  db: Q,
  countryCode: string,
  personIds: readonly string[],
): Promise<ScanPart> {
  if (personIds.length === 0) return { compared: 0, pairs: [] };
  const persons = await db
    .selectFrom('registry_persons')
    .selectAll()
    .where('id', 'in', personIds)
    .where('country_code', '=', countryCode)
    .where('merged_into', 'is', null)
    .execute();
  const documents = await otherDocumentNumbers(
    deps,
    db,
    persons.map((p) => p.id),
  );
  const best = new Map<string, FoundPair>();
  let compared = 0;
  for (const person of persons) {
    // This registration's pairs, the best per other person, and which of them share a document.
    const mine = new Map<string, FoundPair & { document: boolean }>();
    for (const variant of variantsOf(person, decryptPerson(deps, person), documents.get(person.id))) {
      const { compared: n, ranked } = await rankCandidates(
        deps,
        db,
        countryCode,
        variant,
        SCAN_CANDIDATES_MAX,
        // No wider pool: it cost the night's scan of 10,000 registrations against a million
        // 57.5 → 64.9 s (target 60) for 0.915 → 0.927 of the returning persons found.
        SCAN_CANDIDATES_MAX,
      );
      compared += n;
      for (const s of ranked) {
        const other = s.candidate.row.id;
        if (other === person.id) continue;
        const document = sharesDocument(s.explanation);
        if (s.probability < DUPLICATE_REVIEW_THRESHOLD && !document) continue;
        const known = mine.get(other);
        if (known && known.total >= s.explanation.total) continue;
        const [a, b] = person.id < other ? [person.id, other] : [other, person.id];
        mine.set(other, {
          a,
          b,
          probability: s.probability,
          total: s.explanation.total,
          document: document || (known?.document ?? false),
        });
      }
    }
    const ranked = [...mine.values()].sort((x, y) => y.total - x.total);
    ranked.forEach(({ document, ...pair }, rank) => {
      if (rank >= SCAN_PAIRS_PER_REGISTRATION && !document) return;
      const key = `${pair.a} ${pair.b}`;
      if ((best.get(key)?.total ?? Number.NEGATIVE_INFINITY) < pair.total) best.set(key, pair);
    });
  }
  return { compared, pairs: [...best.values()] };
}

/**
 * Scans run on worker threads (piscina), one per core, each with its own database connection:
 * the nightly job over ten thousand registrations against a million takes both cores of a small
 * server rather than one, and never holds the event loop. An in-memory SQLite database (some
 * tests) cannot be opened by another thread: it is scanned here.
 */
let pool: Piscina<ScanWorkerTask, ScanPart> | null = null;

function scanPool(): Piscina<ScanWorkerTask, ScanPart> {
  pool ??= new Piscina<ScanWorkerTask, ScanPart>({
    filename: new URL('./registry-scan.worker.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: Math.max(1, availableParallelism()),
    idleTimeout: 60_000,
  });
  return pool;
}

/** Scans these registrations in parts, on every core; the parts' pairs, best first per pair. */
export async function scanInParallel(
  deps: Deps,
  countryCode: string,
  personIds: readonly string[],
): Promise<ScanPart> {
  const chunks: string[][] = [];
  for (let i = 0; i < personIds.length; i += CHUNK) chunks.push(personIds.slice(i, i + CHUNK));
  const inThread = deps.db.dialect === 'sqlite' && deps.db.url === ':memory:';
  const parts = await Promise.all(
    chunks.map((ids) =>
      inThread
        ? scanRegistrations(deps, deps.db.kysely, countryCode, ids)
        : scanPool().run({ url: deps.db.url, config: deps.config, countryCode, personIds: ids }),
    ),
  );
  const best = new Map<string, FoundPair>();
  let compared = 0;
  for (const part of parts) {
    compared += part.compared;
    for (const p of part.pairs) {
      const key = `${p.a} ${p.b}`;
      if ((best.get(key)?.total ?? Number.NEGATIVE_INFINITY) < p.total) best.set(key, p);
    }
  }
  return { compared, pairs: [...best.values()] };
}
