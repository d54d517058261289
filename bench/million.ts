import { rmSync } from 'node:fs';
import {
  CANONICAL_FIELDS,
  cell,
  dedupe,
  mappedColumns,
  readCsvFile,
  tableFromCsv,
  writeCsvAtomic,
} from '@enlace/linkage';
import { scoreClusters } from './lib/metrics';
import { recallLoss } from './lib/recall-loss';

// One timed deduplication of a large registrations file, run in a child process by
// linkage.bench.ts so that its peak memory is its own. Reads, deduplicates and writes the
// clusters file exactly as `enlace link dedupe` does; prints one JSON line with the figures.
// Usage: tsx bench/million.ts FILE.csv

const file = process.argv[2];
if (!file) throw new Error('usage: tsx bench/million.ts FILE.csv');
const out = `${file}.clusters.csv`;

const started = performance.now();
const cpuStart = process.cpuUsage();
const csv = readCsvFile(file, { select: (header) => mappedColumns(header, {}) });
const table = tableFromCsv(csv, {}, file);
const parsed = performance.now();
const result = await dedupe(table);
const labels = new Map<number, number>();
writeCsvAtomic(
  out,
  ['rec_id', 'cluster_id'],
  table.ids.map((id, i) => {
    const c = result.clusters[i] ?? i;
    let label = labels.get(c);
    if (label === undefined) {
      label = labels.size + 1;
      labels.set(c, label);
    }
    return [id, String(label)];
  }),
);
const finished = performance.now();
const cpu = process.cpuUsage(cpuStart);
const peakRssMb = process.resourceUsage().maxRSS / 1024;

// Accuracy, after the clock and the memory peak: the truth column was not read for matching.
const truthCsv = readCsvFile(file, { select: (header) => header.map((h) => h === 'person_id') });
const truthColumn = truthCsv.columns[truthCsv.header.indexOf('person_id')];
const entities = truthColumn ? Array.from({ length: truthCsv.rows }, (_, r) => cell(truthColumn, r)) : [];
const accuracy = entities.length > 0 ? scoreClusters(result.clusters, entities) : undefined;
// Where the lost recall goes, on the fields the engine read (the same columns, by name).
const fields = CANONICAL_FIELDS;
const fieldsCsv = readCsvFile(file, {
  select: (header) => header.map((h) => (fields as readonly string[]).includes(h)),
});
const columnOf = new Map(fields.map((f) => [f, fieldsCsv.columns[fieldsCsv.header.indexOf(f)]]));
const loss =
  entities.length > 0
    ? recallLoss(
        result,
        (i) =>
          Object.fromEntries(
            fields.map((f) => {
              const column = columnOf.get(f);
              return [f, column ? cell(column, i) : ''];
            }),
          ),
        entities,
      )
    : undefined;
rmSync(out, { force: true });

process.stdout.write(
  `${JSON.stringify({
    records: table.ids.length,
    wallSeconds: (finished - started) / 1000,
    parseSeconds: (parsed - started) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMb,
    candidatePairs: result.stats.candidatePairs,
    windowedBlocks: result.stats.windowedBlocks,
    droppedBlocks: result.stats.droppedBlocks,
    workers: result.stats.workers,
    phases: result.stats.timings,
    accuracy,
    loss,
  })}\n`,
);
