import { availableParallelism } from 'node:os';
import { type BlockingOptions, buildBlocks } from '../blocking/blocking';
import { clusterRecords, type Edge } from '../cluster/cluster';
import { Comparer } from '../compare/comparer';
import { buildFeatures, type FeatureStore } from '../features';
import { estimatePrior, PatternCounts } from '../model/em';
import {
  type LinkageModel,
  levelWeights,
  logit2,
  probabilityFromWeight,
  sameFamilyWeights,
} from '../model/fellegi-sunter';
import { PairScorer } from '../model/scorer';
import { type TrainingOptions, type TrainingReport, totalPairs, trainUnsupervised } from '../model/train';
import { scoreCandidatesParallel } from '../parallel/pool';
import type { RecordTable } from '../schema';
import { explainPair, type PairExplanation } from './explain';
import { type ScoredChunk, scoreBlockRange } from './score-blocks';

/**
 * The default decision threshold on the match probability, the same for every data set. The
 * model's probabilities are over-confident (fields are not truly independent: relatives share
 * several), so the threshold sits high.
 */
export const DEFAULT_THRESHOLD = 0.95;

/**
 * The default threshold of a model that knows u among relatives (pairs sharing their family
 * names, trained on files with enough of them): its probabilities are much less over-confident
 * (on the registrations benchmark a model probability of 0.8 is about 0.6 observed, where 0.95
 * was about 0.4 without), so its threshold can sit lower at the same or better precision.
 */
export const RELATIVES_THRESHOLD = 0.8;

/** The threshold used when none is given: depends on whether the model corrects for relatives. */
export function defaultThreshold(model: LinkageModel): number {
  return model.comparisons.some((c) => c.uSameFamily) ? RELATIVES_THRESHOLD : DEFAULT_THRESHOLD;
}

export interface EngineOptions {
  /** Match probability at or above which a pair is accepted (default DEFAULT_THRESHOLD). */
  threshold?: number;
  /** A trained model (for instance from labelled pairs); trained without labels when absent. */
  model?: LinkageModel;
  training?: TrainingOptions;
  blocking?: BlockingOptions;
  /**
   * Worker threads for scoring candidate pairs. Default: none below about two million candidate
   * pairs (starting workers costs more than it saves), otherwise the available cores.
   */
  workers?: number;
}

export interface MatchedPair {
  left: number;
  right: number;
  probability: number;
}

export interface EngineStats {
  records: number;
  blocks: number;
  candidatePairs: number;
  /** Blocks larger than the cap that were dropped (rules without windows). */
  droppedBlocks: number;
  /** Blocks larger than the cap compared in windows instead of in full. */
  windowedBlocks: number;
  prior: number;
  /** Match probability at or above which pairs were accepted. */
  threshold: number;
  workers: number;
  /** Wall-clock milliseconds per phase. */
  timings: Record<string, number>;
  /** CPU milliseconds per phase, this thread and its workers (user + system). */
  cpu: Record<string, number>;
  training?: TrainingReport;
}

export interface DedupeResult {
  /** Cluster number per record: the index of the cluster's first record. */
  clusters: Int32Array;
  /** Accepted pairs (probability at or above the threshold), left < right. */
  pairs: MatchedPair[];
  model: LinkageModel;
  stats: EngineStats;
  /** Field-by-field account of the score of records i and j. */
  explain(i: number, j: number): PairExplanation;
}

export interface LinkResult {
  /** Accepted matches; left indexes the left table, right the right table. */
  matches: MatchedPair[];
  model: LinkageModel;
  stats: EngineStats;
  /** Field-by-field account of the score of left record i and right record j. */
  explain(left: number, right: number): PairExplanation;
}

/**
 * How link() resolves a record that matches several on the other side: 'one-to-one' keeps the
 * best match of each (greedily, by weight); 'best' keeps every accepted match that is not clearly
 * worse than either record's best (a person registered twice on one side matches both
 * registrations); 'all' keeps every accepted pair.
 */
export type Assignment = 'one-to-one' | 'best' | 'all';

interface Scored {
  model: LinkageModel;
  scorer: PairScorer;
  logOdds: number;
  edges: Edge[];
  stats: EngineStats;
}

class Clock {
  readonly timings: Record<string, number> = {};
  readonly cpu: Record<string, number> = {};
  private last = performance.now();
  private lastCpu = process.cpuUsage();
  lap(name: string): void {
    const now = performance.now();
    const cpu = process.cpuUsage();
    this.timings[name] = Math.round(now - this.last);
    this.cpu[name] = Math.round((cpu.user - this.lastCpu.user + cpu.system - this.lastCpu.system) / 1000);
    this.last = now;
    this.lastCpu = cpu;
  }
}

/** Pairs kept for clustering and output: generously below any threshold in use. */
const KEEP_PROBABILITY = 0.01;

/** Estimated comparisons above which scoring is spread over worker threads. */
const PARALLEL_FROM = 2_000_000;

function defaultWorkers(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

async function scoreStore(store: FeatureStore, options: EngineOptions, clock: Clock): Promise<Scored> {
  const comparer = new Comparer(store);
  let training: TrainingReport | undefined;
  let model = options.model;
  if (!model) {
    const trained = trainUnsupervised(store, options.training, comparer);
    model = trained.model;
    training = trained.report;
  }
  clock.lap('train');
  const blocks = buildBlocks(store, options.blocking);
  const blockCount = blocks.blockStart.length - 1;
  clock.lap('block');
  let estimated = 0;
  for (let b = 0; b < blockCount; b++) {
    const n = (blocks.blockStart[b + 1] ?? 0) - (blocks.blockStart[b] ?? 0);
    estimated += (n * (n - 1)) / 2;
  }
  const scorer = new PairScorer(store, model, comparer);
  // The prior is estimated after scoring; until then a generous guess (ten matches per record)
  // decides which pairs are too weak to keep.
  const all = totalPairs(store);
  const keepAbove = logit2(KEEP_PROBABILITY) - logit2(Math.min(0.5, (10 * store.size) / all));
  const workers = options.workers ?? (estimated > PARALLEL_FROM ? defaultWorkers() : 0);
  const chunks: ScoredChunk[] =
    workers > 0
      ? await scoreCandidatesParallel(store, blocks, model, keepAbove, workers)
      : [scoreBlockRange(blocks, scorer, 0, blockCount, keepAbove, store)];
  clock.lap('score');
  const patterns = new PatternCounts(model.comparisons.length);
  let compared = 0;
  for (const c of chunks) {
    compared += c.compared;
    for (let p = 0; p < c.patternKeys.length; p++)
      patterns.addKey(c.patternKeys[p] ?? 0, c.patternCounts[p] ?? 0);
  }
  const family = sameFamilyWeights(model);
  const prior = estimatePrior(patterns, levelWeights(model), all, (d) => family?.weights[d - 1]);
  model = { ...model, prior };
  const logOdds = logit2(prior);
  const edges: Edge[] = [];
  for (const c of chunks) {
    for (let p = 0; p < c.length; p++) {
      const weight = (c.weight[p] ?? 0) + logOdds;
      const probability = probabilityFromWeight(weight);
      if (probability >= KEEP_PROBABILITY)
        edges.push({ x: c.x[p] ?? 0, y: c.y[p] ?? 0, probability, weight });
    }
  }
  clock.lap('prior');
  const stats: EngineStats = {
    records: store.size,
    blocks: blockCount,
    candidatePairs: compared,
    droppedBlocks: blocks.dropped.reduce((a, b) => a + b, 0),
    windowedBlocks: blocks.windowed.reduce((a, b) => a + b, 0),
    prior,
    threshold: options.threshold ?? defaultThreshold(model),
    workers,
    timings: clock.timings,
    cpu: clock.cpu,
  };
  if (training) stats.training = training;
  return { model, scorer, logOdds, edges, stats };
}

/** Finds the records of one table that are the same person and groups them. */
export async function dedupe(table: RecordTable, options: EngineOptions = {}): Promise<DedupeResult> {
  const clock = new Clock();
  const store = buildFeatures([table]);
  clock.lap('normalise');
  const { model, scorer, logOdds, edges, stats } = await scoreStore(store, options, clock);
  const threshold = stats.threshold;
  const clusters = clusterRecords(store.size, edges, {
    threshold,
    pairWeight: (x, y) => scorer.score(x, y) + logOdds,
  });
  clock.lap('cluster');
  const pairs: MatchedPair[] = [];
  for (const e of edges) {
    if (e.probability >= threshold) pairs.push({ left: e.x, right: e.y, probability: e.probability });
  }
  return {
    clusters,
    pairs,
    model,
    stats,
    explain: (i, j) => explainPair(scorer, model, [table], i, j),
  };
}

/** Finds the records of the right table that are the same person as records of the left. */
export async function link(
  left: RecordTable,
  right: RecordTable,
  options: EngineOptions & { assignment?: Assignment } = {},
): Promise<LinkResult> {
  const clock = new Clock();
  const store = buildFeatures([left, right]);
  clock.lap('normalise');
  const { model, scorer, edges, stats } = await scoreStore(store, options, clock);
  const threshold = stats.threshold;
  const accepted = edges.filter((e) => e.probability >= threshold);
  const chosen = assign(accepted, options.assignment ?? 'all');
  clock.lap('assign');
  const split = store.split;
  const matches = chosen.map((e) => ({ left: e.x, right: e.y - split, probability: e.probability }));
  return {
    matches,
    model,
    stats,
    explain: (i, j) => explainPair(scorer, model, [left, right], i, split + j),
  };
}

/** Weights this many bits below a record's best match count as clearly worse. */
const BEST_MARGIN_BITS = 10;

function assign(edges: Edge[], mode: Assignment): Edge[] {
  if (mode === 'all') return edges;
  const sorted = edges.slice().sort((a, b) => b.weight - a.weight || a.x - b.x || a.y - b.y);
  if (mode === 'one-to-one') {
    const usedX = new Set<number>();
    const usedY = new Set<number>();
    const out: Edge[] = [];
    for (const e of sorted) {
      if (usedX.has(e.x) || usedY.has(e.y)) continue;
      usedX.add(e.x);
      usedY.add(e.y);
      out.push(e);
    }
    return out;
  }
  const bestX = new Map<number, number>();
  const bestY = new Map<number, number>();
  for (const e of edges) {
    bestX.set(e.x, Math.max(bestX.get(e.x) ?? -Infinity, e.weight));
    bestY.set(e.y, Math.max(bestY.get(e.y) ?? -Infinity, e.weight));
  }
  return sorted.filter(
    (e) =>
      e.weight >= (bestX.get(e.x) ?? e.weight) - BEST_MARGIN_BITS &&
      e.weight >= (bestY.get(e.y) ?? e.weight) - BEST_MARGIN_BITS,
  );
}
