import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// The `enlace link` commands as analysts run them: a real process on small CSV files.

const BIN = fileURLToPath(new URL('../../bin/enlace.mjs', import.meta.url));
const TIMEOUT = 120_000;

function enlace(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'link', ...args], { encoding: 'utf8', timeout: TIMEOUT });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function readCsv(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(','));
}

const HEADER = 'rec_id,given_names,family_names,sex,birth_date,nationality,document_number,birth_place';
const PEOPLE = [
  ['José Luis', 'Hernández López', 'M', '1990-05-17', 'HND', '0501199012345', 'San Pedro Sula'],
  ['María', 'García Paz', 'F', '1985-11-02', 'GTM', '', 'Cobán'],
  ['Mohammed', 'Hossain', 'M', '1993-01-09', 'BGD', 'AB1234567', 'Dhaka'],
  ['Jean', 'Valcin', 'M', '1971-07-14', 'HTI', '', 'Jacmel'],
  ['Yonas', 'Tekle', 'M', '1988-03-30', 'ERI', '', 'Asmara'],
  ['Wei', 'Zhang', 'F', '1999-08-21', 'CHN', 'E12345678', 'Fuzhou'],
];
const AGAIN = [
  ['JOSE LUIS', 'HERNANDEZ', 'M', '1990-05-17', 'HND', '0501199012345', ''],
  ['Maria', 'Garcia', 'F', '1985-02-11', 'GTM', '', 'Coban'],
  ['Muhammad', 'Hussain', 'M', '1993-01-09', 'BGD', '', 'Dhaka'],
  ['Jean', 'Valcin', 'M', '1995-10-10', 'HTI', '', 'Jacmel'],
  ['Tekle', 'Yonas', 'M', '1988', 'ERI', '', ''],
  ['Zhang', 'Wei', 'F', '1999-08-21', 'CHN', 'E12345678', ''],
];
const FILLER = ['Pedro', 'Rosa', 'Carmen', 'Luis', 'Ana', 'Omar', 'Fatima', 'Kevin'].flatMap((g, i) =>
  ['Gómez', 'Cruz', 'Díaz', 'Rivas', 'Núñez'].map((f, j) => [
    g,
    f,
    i % 2 ? 'F' : 'M',
    `${1960 + i * 5 + j}-0${1 + (j % 9)}-1${i}`,
    'SLV',
    '',
    '',
  ]),
);

let dir = '';
let left = '';
let right = '';
let both = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'enlace-link-'));
  const rows = (prefix: string, people: string[][]) => people.map((p, i) => `${prefix}${i},${p.join(',')}`);
  left = join(dir, 'left.csv');
  right = join(dir, 'right.csv');
  both = join(dir, 'both.csv');
  writeFileSync(left, `${[HEADER, ...rows('L', PEOPLE), ...rows('F', FILLER)].join('\n')}\n`);
  writeFileSync(right, `${[HEADER, ...rows('R', AGAIN)].join('\n')}\n`);
  writeFileSync(
    both,
    `${[HEADER, ...rows('L', PEOPLE), ...rows('R', AGAIN), ...rows('F', FILLER)].join('\n')}\n`,
  );
});

describe('enlace link dedupe', () => {
  it(
    'writes a cluster for every record, and the matched pairs',
    () => {
      const out = join(dir, 'clusters.csv');
      const pairs = join(dir, 'pairs.csv');
      const r = enlace('dedupe', both, '--out', out, '--pairs', pairs);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const clusters = readCsv(out);
      expect(clusters[0]).toEqual(['rec_id', 'cluster_id']);
      expect(clusters.length - 1).toBe(PEOPLE.length + AGAIN.length + FILLER.length);
      const cluster = new Map(clusters.slice(1).map(([id, c]) => [id, c]));
      expect(cluster.get('R0')).toBe(cluster.get('L0'));
      expect(cluster.get('R5')).toBe(cluster.get('L5'));
      // A father and his namesake son, born 24 years apart, are two people.
      expect(cluster.get('R3')).not.toBe(cluster.get('L3'));
      const pairRows = readCsv(pairs);
      expect(pairRows[0]).toEqual(['left_id', 'right_id', 'probability']);
      for (const [, , p] of pairRows.slice(1)) expect(Number(p)).toBeGreaterThanOrEqual(0.95);
    },
    TIMEOUT,
  );

  it(
    'reads FEBRL columns with --preset febrl and other columns with --map',
    () => {
      const febrl = join(dir, 'febrl.csv');
      writeFileSync(
        febrl,
        'rec_id, given_name, surname, date_of_birth, soc_sec_id, suburb\n' +
          'rec-1-org, michaela, neumann, 19151111, 5304218, winston hills\n' +
          'rec-1-dup-0, michaela, nuemann, 19151111, 5304218, winston hills\n' +
          'rec-2-org, courtney, painter, 19161214, 4066625, richlands\n',
      );
      const out = join(dir, 'febrl-clusters.csv');
      const r = enlace(
        'dedupe',
        febrl,
        '--preset',
        'febrl',
        '--map',
        'suburb=city',
        '--threshold',
        '0.5',
        '--out',
        out,
      );
      expect(r.status).toBe(0);
      const cluster = new Map(
        readCsv(out)
          .slice(1)
          .map(([id, c]) => [id, c]),
      );
      // Three records are too few to learn from; the point is that the columns were read.
      expect([...cluster.keys()].sort()).toEqual(['rec-1-dup-0', 'rec-1-org', 'rec-2-org']);
      expect(cluster.get('rec-2-org')).not.toBe(cluster.get('rec-1-org'));
    },
    TIMEOUT,
  );
});

describe('enlace link two', () => {
  it(
    'writes the matches between two files',
    () => {
      const out = join(dir, 'matches.csv');
      const r = enlace('two', left, right, '--out', out);
      expect(r.status).toBe(0);
      const rows = readCsv(out);
      expect(rows[0]).toEqual(['left_id', 'right_id', 'probability']);
      const matches = rows.slice(1).map(([l, rr]) => `${l}→${rr}`);
      expect(matches).toEqual(expect.arrayContaining(['L0→R0', 'L5→R5']));
      expect(matches).not.toContain('L3→R3');
    },
    TIMEOUT,
  );
});

describe('privacy-preserving mode', () => {
  it(
    'encodes both files with a shared secret and matches the CLKs',
    () => {
      const secret = join(dir, 'secret.key');
      writeFileSync(secret, 'correct horse battery staple 2024\n');
      const a = join(dir, 'left.clks.csv');
      const b = join(dir, 'right.clks.csv');
      expect(enlace('encode', left, '--secret-file', secret, '--out', a).status).toBe(0);
      expect(enlace('encode', right, '--secret-file', secret, '--out', b).status).toBe(0);
      const encoded = readCsv(a);
      expect(encoded[0]).toEqual(['rec_id', 'clk', 'blocks']);
      // No personal data in the encoding.
      expect(readFileSync(a, 'utf8')).not.toMatch(/Hern|Valcin|1990/);
      const out = join(dir, 'hits.csv');
      const r = enlace('match-clk', a, b, '--out', out);
      expect(r.status).toBe(0);
      const hits = readCsv(out)
        .slice(1)
        .map(([l, rr]) => `${l}→${rr}`);
      expect(hits).toEqual(expect.arrayContaining(['L0→R0', 'L5→R5']));
    },
    TIMEOUT,
  );
});

describe('bad input', () => {
  it(
    'fails on a missing id column, with a message and no output file',
    () => {
      const out = join(dir, 'no-id.csv');
      const r = enlace('dedupe', both, '--id', 'person', '--out', out);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/no id column "person"/);
      expect(existsSync(out)).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'fails on an unreadable file, with a message and no output file',
    () => {
      const out = join(dir, 'missing.csv');
      const r = enlace('two', join(dir, 'does-not-exist.csv'), right, '--out', out);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/Cannot read .*does-not-exist\.csv/);
      expect(existsSync(out)).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'fails on an unknown field in --map, with a message and no output file',
    () => {
      const out = join(dir, 'bad-map.csv');
      const pairs = join(dir, 'bad-map-pairs.csv');
      const r = enlace('dedupe', both, '--map', 'given_names=first_name', '--out', out, '--pairs', pairs);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/Unknown field "first_name"/);
      expect(existsSync(out)).toBe(false);
      expect(existsSync(pairs)).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'fails on a secret too short to be one',
    () => {
      const secret = join(dir, 'short.key');
      writeFileSync(secret, 'abc');
      const out = join(dir, 'short.clks.csv');
      const r = enlace('encode', left, '--secret-file', secret, '--out', out);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/at least 16 bytes/);
      expect(existsSync(out)).toBe(false);
    },
    TIMEOUT,
  );
});
