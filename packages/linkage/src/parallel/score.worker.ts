import { move, transferableSymbol, valueSymbol, workerData } from 'piscina';
import type { Blocks } from '../blocking/blocking';
import type { FeatureStore } from '../features';
import type { LinkageModel } from '../model/fellegi-sunter';
import { PairScorer } from '../model/scorer';
import { type ScoredChunk, scoreBlockRange } from '../pipeline/score-blocks';

// Runs in a worker thread: the feature store and blocks arrive once, on shared memory, and each
// task scores one range of blocks. Results travel back by transfer, not by copy.

export interface WorkerData {
  store: FeatureStore;
  blocks: Blocks;
  model: LinkageModel;
}

export interface ScoreTask {
  from: number;
  to: number;
  keepAbove: number;
}

let scorer: PairScorer | undefined;

export default function scoreTask(task: ScoreTask): unknown {
  const data = workerData as WorkerData;
  scorer ??= new PairScorer(data.store, data.model);
  const chunk: ScoredChunk = scoreBlockRange(
    data.blocks,
    scorer,
    task.from,
    task.to,
    task.keepAbove,
    data.store,
  );
  return move({
    get [transferableSymbol]() {
      return [
        chunk.x.buffer,
        chunk.y.buffer,
        chunk.weight.buffer,
        chunk.patternKeys.buffer,
        chunk.patternCounts.buffer,
      ];
    },
    get [valueSymbol]() {
      return chunk;
    },
  });
}
