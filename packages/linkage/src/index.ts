// @enlace/linkage: probabilistic record linkage for identity resolution. Pure: no database,
// no HTTP. See docs/linkage.md for the method and the command line.

export {
  type Blocks,
  type BlockingOptions,
  type BlockingRule,
  buildBlocks,
  DEFAULT_RULES,
} from './blocking/blocking';
export { blockingKeys } from './blocking/keys';
export { averageLinkage, type ClusterOptions, clusterRecords, type Edge } from './cluster/cluster';
export {
  Comparer,
  type ComparisonSpec,
  compareDates,
  comparisonSpecs,
  withinOneEdit,
} from './compare/comparer';
export { editDistance, editSimilarity, jaro, jaroWinkler } from './compare/string-similarity';
export { buildFeatures, type FeatureStore } from './features';
export {
  type CsvColumns,
  type CsvReadOptions,
  CsvError,
  cell,
  parseCsv,
  readCsvFile,
  writeCsvAtomic,
} from './io/csv';
export {
  type ColumnMapping,
  LinkageInputError,
  mappedColumns,
  parseMapArguments,
  tableFromCsv,
  validateMapping,
} from './io/table';
export { expectationMaximisation, estimatePrior, PatternCounts } from './model/em';
export {
  type ComparisonParams,
  type LinkageModel,
  levelWeights,
  probabilityFromWeight,
} from './model/fellegi-sunter';
export { PairScorer } from './model/scorer';
export { type LabelledPair, trainSupervised, trainUnsupervised } from './model/train';
export { formatDate, type PartialDate, parseDate } from './normalize/dates';
export { canonicalName, nameTokens, phoneticKey, skeletonKey } from './normalize/names';
export { compactCode, foldText, foldTokens } from './normalize/text';
export {
  type Assignment,
  DEFAULT_THRESHOLD,
  type DedupeResult,
  dedupe,
  defaultThreshold,
  type EngineOptions,
  type EngineStats,
  type LinkResult,
  link,
  type MatchedPair,
  RELATIVES_THRESHOLD,
} from './pipeline/engine';
export { explainPair, type FieldExplanation, type PairExplanation } from './pipeline/explain';
export {
  CANONICAL_FIELDS,
  type CanonicalField,
  type Column,
  type DictColumn,
  isDictColumn,
  type PersonRecord,
  PRESETS,
  type RecordTable,
  tableFromRecords,
} from './schema';
export { seededRandom } from './util/random';
export {
  blocksToText,
  type ClkMatch,
  type ClkMatchOptions,
  ClkEncoder,
  type ClkOptions,
  clkToBase64,
  DEFAULT_DICE_THRESHOLD,
  decodeClks,
  dice,
  type EncodedRecords,
  matchClks,
} from './privacy/clk';
