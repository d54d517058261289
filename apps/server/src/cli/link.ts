import { readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  type Assignment,
  blocksToText,
  ClkEncoder,
  type ColumnMapping,
  type CsvColumns,
  cell,
  clkToBase64,
  DEFAULT_DICE_THRESHOLD,
  DEFAULT_THRESHOLD,
  decodeClks,
  RELATIVES_THRESHOLD,
  dedupe,
  LinkageInputError,
  link,
  mappedColumns,
  matchClks,
  parseMapArguments,
  readCsvFile,
  tableFromCsv,
  validateMapping,
  writeCsvAtomic,
} from '@enlace/linkage';
import { type Command, InvalidArgumentError } from 'commander';

// `enlace link …`: identity resolution from the command line, on CSV files, with no database.
// Analysts script these commands, so the output formats are fixed and bad input fails loudly:
// a clear message on stderr, a non-zero exit, and no output file at all (every output is written
// to a temporary file and renamed into place only when everything has succeeded).

interface MappingOptions {
  map: string[];
  preset?: string;
  id: string;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function probability(value: string): number {
  const p = Number(value);
  if (!Number.isFinite(p) || p <= 0 || p >= 1) {
    throw new InvalidArgumentError('expected a probability strictly between 0 and 1');
  }
  return p;
}

function mappingOf(o: MappingOptions): ColumnMapping {
  const mapping: ColumnMapping = { idColumn: o.id, map: parseMapArguments(o.map) };
  if (o.preset !== undefined) mapping.preset = o.preset;
  validateMapping(mapping);
  return mapping;
}

function readInput(path: string, mapping: ColumnMapping | null): CsvColumns {
  try {
    return readCsvFile(path, mapping ? { select: (header) => mappedColumns(header, mapping) } : {});
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new LinkageInputError(`Cannot read ${path}: ${reason}`);
  }
}

interface Output {
  path: string;
  header: readonly string[];
  rows: Iterable<readonly string[]>;
}

/**
 * Writes several outputs so that either all appear or none does: each goes to a temporary file
 * first (writeCsvAtomic renames it only when complete), and the final names are taken last.
 */
function writeAll(outputs: readonly Output[]): void {
  const staged: { tmp: string; path: string }[] = [];
  try {
    for (const o of outputs) {
      const tmp = join(dirname(o.path), `.${basename(o.path)}.${process.pid}.staged`);
      writeCsvAtomic(tmp, o.header, o.rows);
      staged.push({ tmp, path: o.path });
    }
    for (const s of staged) renameSync(s.tmp, s.path);
  } catch (err) {
    for (const s of staged) rmSync(s.tmp, { force: true });
    const reason = err instanceof Error ? err.message : String(err);
    throw new LinkageInputError(`Cannot write the output: ${reason}`);
  }
}

function formatProbability(p: number): string {
  return p.toFixed(6);
}

function addMappingOptions(cmd: Command): Command {
  return cmd
    .option('--map <column=field...>', 'read a column as a canonical field (repeatable)', collect, [])
    .option('--preset <name>', 'a column-name preset, e.g. febrl')
    .option('--id <column>', 'the column holding record ids', 'rec_id');
}

function readSecret(path: string): Buffer {
  let secret: Buffer;
  try {
    secret = readFileSync(path);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new LinkageInputError(`Cannot read the secret file ${path}: ${reason}`);
  }
  // Countries write the secret with and without a final newline; it must not change the key.
  let end = secret.length;
  while (end > 0 && (secret[end - 1] === 10 || secret[end - 1] === 13)) end--;
  secret = secret.subarray(0, end);
  if (secret.length < 16) throw new LinkageInputError(`The secret in ${path} must be at least 16 bytes`);
  return secret;
}

export function registerLinkCommands(program: Command): void {
  const linkCommand = program
    .command('link')
    .description('identity resolution: find the same person across registrations (CSV in, CSV out)');

  addMappingOptions(
    linkCommand
      .command('dedupe <file>')
      .description('group the records of one file that are the same person; writes rec_id,cluster_id'),
  )
    .requiredOption('--out <file>', 'clusters: rec_id,cluster_id for every record')
    .option('--pairs <file>', 'also write the matched pairs: left_id,right_id,probability')
    .option(
      '--threshold <p>',
      `match probability threshold (default ${RELATIVES_THRESHOLD} when the trained model corrects for relatives sharing family names, otherwise ${DEFAULT_THRESHOLD})`,
      probability,
    )
    .action(async (file: string, o: MappingOptions & { out: string; pairs?: string; threshold?: number }) => {
      const mapping = mappingOf(o);
      const table = tableFromCsv(readInput(file, mapping), mapping, file);
      const result = await dedupe(table, o.threshold !== undefined ? { threshold: o.threshold } : {});
      const ids = table.ids;
      const numbers = new Map<number, number>();
      const clusterRows = ids.map((id, i) => {
        const c = result.clusters[i] ?? i;
        let label = numbers.get(c);
        if (label === undefined) {
          label = numbers.size + 1;
          numbers.set(c, label);
        }
        return [id, String(label)];
      });
      const outputs: Output[] = [{ path: o.out, header: ['rec_id', 'cluster_id'], rows: clusterRows }];
      if (o.pairs) {
        outputs.push({
          path: o.pairs,
          header: ['left_id', 'right_id', 'probability'],
          rows: result.pairs.map((p) => [
            ids[p.left] ?? '',
            ids[p.right] ?? '',
            formatProbability(p.probability),
          ]),
        });
      }
      writeAll(outputs);
      process.stdout.write(
        `${ids.length} records, ${numbers.size} people, ${result.pairs.length} matched pairs → ${o.out}\n`,
      );
    });

  addMappingOptions(
    linkCommand
      .command('two <left> <right>')
      .description('match the records of two files; writes left_id,right_id,probability'),
  )
    .requiredOption('--out <file>', 'matches: left_id,right_id,probability')
    .option(
      '--threshold <p>',
      `match probability threshold (default ${RELATIVES_THRESHOLD} when the trained model corrects for relatives sharing family names, otherwise ${DEFAULT_THRESHOLD})`,
      probability,
    )
    .option(
      '--assignment <mode>',
      'all (default: every accepted match), best (drop matches clearly worse than a record’s best) or one-to-one',
      (v: string) => {
        if (v !== 'best' && v !== 'one-to-one' && v !== 'all') {
          throw new InvalidArgumentError('expected best, one-to-one or all');
        }
        return v as Assignment;
      },
    )
    .action(
      async (
        left: string,
        right: string,
        o: MappingOptions & { out: string; threshold?: number; assignment?: Assignment },
      ) => {
        const mapping = mappingOf(o);
        const a = tableFromCsv(readInput(left, mapping), mapping, left);
        const b = tableFromCsv(readInput(right, mapping), mapping, right);
        const result = await link(a, b, {
          ...(o.threshold !== undefined ? { threshold: o.threshold } : {}),
          ...(o.assignment !== undefined ? { assignment: o.assignment } : {}),
        });
        writeAll([
          {
            path: o.out,
            header: ['left_id', 'right_id', 'probability'],
            rows: result.matches.map((m) => [
              a.ids[m.left] ?? '',
              b.ids[m.right] ?? '',
              formatProbability(m.probability),
            ]),
          },
        ]);
        process.stdout.write(`${result.matches.length} matches → ${o.out}\n`);
      },
    );

  addMappingOptions(
    linkCommand
      .command('encode <file>')
      .description(
        'privacy-preserving mode: encode records as keyed Bloom filters (CLKs); writes rec_id,clk,blocks',
      ),
  )
    .requiredOption(
      '--secret-file <file>',
      'the secret the participating countries share (at least 16 bytes)',
    )
    .requiredOption('--out <file>', 'CLKs: rec_id,clk (base64),blocks (keyed blocking hashes)')
    .action((file: string, o: MappingOptions & { secretFile: string; out: string }) => {
      const mapping = mappingOf(o);
      const secret = readSecret(o.secretFile);
      const table = tableFromCsv(readInput(file, mapping), mapping, file);
      const encoded = new ClkEncoder(secret).encode(table);
      writeAll([
        {
          path: o.out,
          header: ['rec_id', 'clk', 'blocks'],
          rows: table.ids.map((id, r) => [id, clkToBase64(encoded, r), blocksToText(encoded, r)]),
        },
      ]);
      process.stdout.write(`${table.ids.length} records encoded → ${o.out}\n`);
    });

  linkCommand
    .command('match-clk <left> <right>')
    .description(
      'privacy-preserving mode: match two CLK files by Dice similarity; writes left_id,right_id,probability',
    )
    .requiredOption(
      '--out <file>',
      'hits: left_id,right_id,probability (the Dice similarity of the two CLKs)',
    )
    .option(
      '--threshold <dice>',
      `Dice similarity threshold (default ${DEFAULT_DICE_THRESHOLD})`,
      probability,
    )
    .option(
      '--assignment <mode>',
      'one-to-one (default: each record hits at most one, best first) or all',
      (v: string) => {
        if (v !== 'one-to-one' && v !== 'all') throw new InvalidArgumentError('expected one-to-one or all');
        return v as 'one-to-one' | 'all';
      },
    )
    .action(
      (
        left: string,
        right: string,
        o: { out: string; threshold?: number; assignment?: 'one-to-one' | 'all' },
      ) => {
        const load = (path: string) => {
          const csv = readInput(path, null);
          const column = (name: string) => csv.columns[csv.header.indexOf(name)];
          const ids = column('rec_id');
          const clks = column('clk');
          if (!ids || !clks) {
            throw new LinkageInputError(
              `${path}: expected columns rec_id and clk (as written by link encode)`,
            );
          }
          const blocks = column('blocks');
          const rows = Array.from({ length: csv.rows }, (_, r) => r);
          try {
            return decodeClks(
              rows.map((r) => cell(ids, r)),
              rows.map((r) => cell(clks, r)),
              rows.map((r) => (blocks ? cell(blocks, r) : '')),
            );
          } catch (err) {
            throw new LinkageInputError(`${path}: ${err instanceof Error ? err.message : String(err)}`);
          }
        };
        const a = load(left);
        const b = load(right);
        const matches = matchClks(a, b, {
          ...(o.threshold !== undefined ? { threshold: o.threshold } : {}),
          ...(o.assignment !== undefined ? { assignment: o.assignment } : {}),
        });
        writeAll([
          {
            path: o.out,
            header: ['left_id', 'right_id', 'probability'],
            rows: matches.map((m) => [a.ids[m.left] ?? '', b.ids[m.right] ?? '', m.similarity.toFixed(6)]),
          },
        ]);
        process.stdout.write(`${matches.length} hits → ${o.out}\n`);
      },
    );
}
