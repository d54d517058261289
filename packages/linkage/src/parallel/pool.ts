import { Piscina } from 'piscina';
import { blockWork, type Blocks } from '../blocking/blocking';
import type { FeatureStore } from '../features';
import type { LinkageModel } from '../model/fellegi-sunter';
import type { ScoredChunk } from '../pipeline/score-blocks';
import type { ScoreTask, WorkerData } from './score.worker';

/** Tasks per worker: enough that a slow range does not leave the other threads idle. */
const TASKS_PER_WORKER = 16;

/** Splits [0, blocks) into ranges of about equal comparison work. */
export function splitWork(blocks: Blocks, parts: number): [number, number][] {
  const count = blocks.blockStart.length - 1;
  let total = 0;
  for (let b = 0; b < count; b++) total += blockWork(blocks, b);
  const target = total / parts;
  const ranges: [number, number][] = [];
  let from = 0;
  let acc = 0;
  for (let b = 0; b < count; b++) {
    acc += blockWork(blocks, b);
    if (acc >= target && ranges.length < parts - 1) {
      ranges.push([from, b + 1]);
      from = b + 1;
      acc = 0;
    }
  }
  if (from < count) ranges.push([from, count]);
  return ranges;
}

/** Scores all candidate pairs on a pool of worker threads. */
export async function scoreCandidatesParallel(
  store: FeatureStore,
  blocks: Blocks,
  model: LinkageModel,
  keepAbove: number,
  workers: number,
): Promise<ScoredChunk[]> {
  const data: WorkerData = { store, blocks, model };
  const pool = new Piscina<ScoreTask, ScoredChunk>({
    filename: new URL('./score.worker.mjs', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    workerData: data,
    idleTimeout: 1000,
  });
  try {
    const ranges = splitWork(blocks, workers * TASKS_PER_WORKER);
    return await Promise.all(ranges.map(([from, to]) => pool.run({ from, to, keepAbove })));
  } finally {
    await pool.destroy();
  }
}
