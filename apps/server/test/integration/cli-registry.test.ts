import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = resolve(import.meta.dirname, '../../bin/enlace.mjs');

// The command line on a temporary SQLite file with the demo data (its centres and accounts).
let dir: string;
let dbFile: string;
function enlace(args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], {
    env: {
      ...process.env,
      DATABASE_URL: dbFile,
      NODE_ENV: 'test',
      ENLACE_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
    },
    encoding: 'utf8',
  });
}
const persons = () => {
  const db = new Database(dbFile, { readonly: true });
  try {
    return (db.prepare('select count(*) as n from registry_persons').get() as { n: number }).n;
  } finally {
    db.close();
  }
};
const csv = (name: string, lines: string[]) => {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
};
const HEADER =
  'given_names,family_names,sex,birth_date,nationality,document_number,unit,admitted_at,referring_authority,reason,attention';
const OFFICER = 'centro.mx@demo.enlace.example';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'enlace-cli-registry-'));
  dbFile = join(dir, 'x.db');
  const seeded = enlace(['seed', '--demo']);
  if (seeded.status !== 0) throw new Error(seeded.stderr);
}, 120_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('enlace registry import', () => {
  it('refuses a file with wrong rows, listing each, and writes nothing', () => {
    const before = persons();
    const bad = csv('bad.csv', [
      HEADER,
      'Ana,Pérez,female,1990-02-03,HND,X1,adult_women,2026-11-20T10:00:00Z,INM,Control,medical',
      'Luis,Ramos,alien,1990-02-31,HN,X1,adult_men,2026-11-20T10:00:00Z,INM,Control,',
    ]);
    const run = enlace(['registry', 'import', bad, '--centre', 'TAP-EM', '--as', OFFICER]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Import stopped: \d+ error/);
    expect(run.stderr).toMatch(/row 3, column "sex"/);
    expect(run.stderr).toMatch(/row 3, column "nationality"/);
    expect(run.stderr).toMatch(/row 3, column "document_number": the same document as row 2/);
    expect(persons()).toBe(before);

    const unknown = csv('unknown.csv', ['given_names,family_names,colour', 'Ana,Pérez,blue']);
    const refused = enlace(['registry', 'import', unknown, '--centre', 'TAP-EM', '--as', OFFICER]);
    expect(refused.stderr).toMatch(/column "colour": unknown column/);
    expect(refused.stderr).toMatch(/column "sex": required column missing/);
    expect(enlace(['registry', 'import', bad, '--centre', 'NOPE', '--as', OFFICER]).stderr).toMatch(
      /no centre NOPE in MEX/,
    );
    // A liaison officer may not register persons.
    expect(
      enlace(['registry', 'import', bad, '--centre', 'TAP-EM', '--as', 'enlace.mx@demo.enlace.example'])
        .stderr,
    ).toMatch(/may not register persons/);
    expect(persons()).toBe(before);
  }, 180_000);

  it('searches before it registers: a person already held is admitted, not registered twice; a second run repeats nothing', () => {
    const before = persons();
    const first = csv('first.csv', [
      HEADER,
      'Keyla Marisol,Ajanel Tum,female,1996-04-12,GTM,G7766001,adult_women,2026-11-21T08:00:00Z,INM Tapachula,Control en carretera,medical;consular',
      'Elder,Xulú Pop,male,1988-10-01,GTM,,adult_men,2026-11-21T08:30:00Z,INM Tapachula,Control en carretera,',
    ]);
    const run = enlace(['registry', 'import', first, '--centre', 'TAP-EM', '--as', OFFICER]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/Imported 2 rows into TAP-EM: 2 persons registered, 0 already held/);
    expect(persons()).toBe(before + 2);

    // The same people again, spelt without accents and with the day and month the other way round,
    // and a new one: the two are found (and are already in the centre), only the third is new.
    const again = csv('again.csv', [
      HEADER,
      'Keyla Marisol,Ajanel Tum,female,1996-12-04,GTM,G7766001,adult_women,2026-11-22T08:00:00Z,INM Tapachula,Control,',
      'Elder,Xulu Pop,male,1988-10-01,GTM,,adult_men,2026-11-22T08:00:00Z,INM Tapachula,Control,',
      'Brenda,Coc Caal,female,2001-06-30,GTM,,adult_women,2026-11-22T09:00:00Z,INM Tapachula,Control,',
    ]);
    const second = enlace(['registry', 'import', again, '--centre', 'TAP-EM', '--as', OFFICER]);
    expect(second.stderr).toBe('');
    expect(second.stdout).toMatch(
      /Imported 3 rows into TAP-EM: 1 persons registered, 2 already held \(2 of them already admitted\)/,
    );
    expect(persons()).toBe(before + 3);
    const dry = enlace(['registry', 'import', again, '--centre', 'TAP-EM', '--as', OFFICER, '--dry-run']);
    expect(dry.stdout).toMatch(/Dry run: 3 rows are valid for TAP-EM; nothing written/);
    expect(persons()).toBe(before + 3);
  }, 180_000);
});
