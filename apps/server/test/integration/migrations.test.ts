import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fineGridByYear from '../../src/db/migrations/0005-fine-grid-by-year';
import * as rollupSource from '../../src/db/migrations/0006-rollup-source';
import * as registry from '../../src/db/migrations/0016-registry';
import * as resources from '../../src/db/migrations/0017-centre-resources';
import * as duplicates from '../../src/db/migrations/0019-registry-duplicates';
import * as crisis from '../../src/db/migrations/0020-registry-crisis';
import * as belongings from '../../src/db/migrations/0018-registry-belongings';
import * as shares from '../../src/db/migrations/0021-shares';
import * as documents from '../../src/db/migrations/0022-registry-documents';
import * as keyOwner from '../../src/db/migrations/0023-registry-key-owner';
import { rollupsNeedRebuild } from '../../src/db/migrate';
import { createTestDb, type TestDb } from '../helpers';

let t: TestDb;
let db: Kysely<unknown>;

beforeAll(async () => {
  t = await createTestDb();
  db = t.db.kysely as unknown as Kysely<unknown>;
});
afterAll(async () => {
  await t.drop();
});

describe('migration 0005', () => {
  it('sums the months of the finest map grid into their years, leaving the 1° grid alone', async () => {
    // The rollups as 0005 found them: before 0006 gave them a source.
    await rollupSource.down(db, t.db.dialect);
    const cell = (level: number, month: number, incidents: number, migrants: number, lat: number) =>
      sql`INSERT INTO stats_grid (nat, level, cx, cy, month, country, region, mode, route, incidents, migrants,
        migrants_known, dead, dead_known, missing, missing_known, lat_sum, lon_sum)
        VALUES ('*', ${level}, 400, 500, ${month}, 'MEX', 'central_america', 'land', '', ${incidents}, ${migrants},
        ${incidents}, 0, 0, 0, 0, ${lat}, ${-lat * 3})`.execute(db);
    await cell(1, 202401, 2, 10, 29.5);
    await cell(1, 202402, 1, 5, 14.75);
    await cell(1, 202503, 1, 7, 14.5);
    await cell(0, 202401, 2, 10, 29.5);
    await cell(0, 202400, 2, 10, 29.5);

    await fineGridByYear.up(db);

    const { rows } = await sql<{
      level: number;
      month: number;
      incidents: number;
      migrants: number;
      lat_sum: number;
      lon_sum: number;
    }>`
      SELECT level, month, incidents, migrants, lat_sum, lon_sum FROM stats_grid ORDER BY level, month`.execute(
      db,
    );
    expect(
      rows.map((r) => [
        Number(r.level),
        Number(r.month),
        Number(r.incidents),
        Number(r.migrants),
        Number(r.lat_sum),
        Number(r.lon_sum),
      ]),
    ).toEqual([
      [0, 202400, 2, 10, 29.5, -88.5],
      [0, 202401, 2, 10, 29.5, -88.5],
      [1, 202400, 3, 15, 44.25, -132.75],
      [1, 202500, 1, 7, 14.5, -43.5],
    ]);
  });
});

describe('migration 0006', () => {
  it('gives every rollup a source dimension, empty until rebuilt from the incidents', async () => {
    await rollupSource.up(db, t.db.dialect);
    expect(rollupsNeedRebuild(['0005-fine-grid-by-year'])).toBe(false);
    expect(rollupsNeedRebuild(['0006-rollup-source'])).toBe(true);
    const row = (source: string) =>
      sql`INSERT INTO stats_modus (nat, month, country, region, mode, route, source, code, incidents)
        VALUES ('*', 202401, 'MEX', 'central_america', 'land', '', ${source}, 'tractor_trailer', 1)`.execute(
        db,
      );
    await row('enlace');
    await row('missing_migrants');
    const { rows } = await sql<{ source: string; n: number }>`
      SELECT source, SUM(incidents) AS n FROM stats_modus GROUP BY source ORDER BY source`.execute(db);
    expect(rows.map((r) => [r.source, Number(r.n)])).toEqual([
      ['enlace', 1],
      ['missing_migrants', 1],
    ]);
  });
});

describe('migrations 0016 and 0017', () => {
  it('drop the registry tables and create them again, the later first', async () => {
    await keyOwner.down(db, t.db.dialect);
    await duplicates.down(db, t.db.dialect);
    // 0018 refers to the stays: it goes first and comes back last.
    await belongings.down(db, t.db.dialect);
    // 0021's transfers abroad and 0022's documents reference the registry's stays and persons.
    await documents.down(db, t.db.dialect);
    await shares.down(db, t.db.dialect);
    await resources.down(db, t.db.dialect);
    await expect(sql`SELECT count(*) FROM registry_centre_resources`.execute(db)).rejects.toThrow();
    await registry.down(db, t.db.dialect);
    await expect(sql`SELECT count(*) FROM registry_stays`.execute(db)).rejects.toThrow();
    await registry.up(db, t.db.dialect);
    await resources.up(db, t.db.dialect);
    await duplicates.up(db, t.db.dialect);
    await belongings.up(db, t.db.dialect);
    await shares.up(db, t.db.dialect);
    await documents.up(db, t.db.dialect);
    await keyOwner.up(db, t.db.dialect);
    const r = await sql<{ n: number }>`SELECT count(*) AS n FROM registry_person_keys`.execute(db);
    expect(Number(r.rows[0]?.n)).toBe(0);
    const c = await sql<{ n: number }>`SELECT count(*) AS n FROM registry_centre_resources`.execute(db);
    expect(Number(c.rows[0]?.n)).toBe(0);
  });
});

describe('migration 0019', () => {
  it('drops the duplicate review and MRZ tables and creates them again', async () => {
    await duplicates.down(db, t.db.dialect);
    for (const table of ['registry_duplicate_pairs', 'registry_duplicate_scans', 'registry_person_mrz'])
      await expect(sql`SELECT count(*) FROM ${sql.table(table)}`.execute(db)).rejects.toThrow();
    await duplicates.up(db, t.db.dialect);
    for (const table of ['registry_duplicate_pairs', 'registry_duplicate_scans', 'registry_person_mrz']) {
      const r = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db);
      expect(Number(r.rows[0]?.n)).toBe(0);
    }
  });
});

describe('migration 0020', () => {
  it('drops the crisis tables and creates them again', async () => {
    await crisis.down(db, t.db.dialect);
    await expect(sql`SELECT count(*) FROM registry_crisis_history`.execute(db)).rejects.toThrow();
    await expect(sql`SELECT count(*) FROM registry_crisis_states`.execute(db)).rejects.toThrow();
    await crisis.up(db, t.db.dialect);
    const h = await sql<{ n: number }>`SELECT count(*) AS n FROM registry_crisis_history`.execute(db);
    expect(Number(h.rows[0]?.n)).toBe(0);
    const s = await sql<{ n: number }>`SELECT count(*) AS n FROM registry_crisis_states`.execute(db);
    expect(Number(s.rows[0]?.n)).toBe(0);
  });
});
describe('migration 0018', () => {
  it('drops the belongings tables and creates them again, empty', async () => {
    await belongings.down(db, t.db.dialect);
    await expect(sql`SELECT count(*) FROM registry_belongings_items`.execute(db)).rejects.toThrow();
    await expect(sql`SELECT count(*) FROM registry_receipt_counters`.execute(db)).rejects.toThrow();
    await belongings.up(db, t.db.dialect);
    for (const table of [
      'registry_belongings',
      'registry_belongings_items',
      'registry_belongings_custody',
      'registry_belongings_returns',
      'registry_receipt_counters',
    ]) {
      const r = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db);
      expect(Number(r.rows[0]?.n), table).toBe(0);
    }
  });
});

describe('migration 0021', () => {
  it('moves the cases’ shares into the shares room and back, row for row', async () => {
    await shares.down(db, t.db.dialect);
    await expect(sql`SELECT count(*) FROM shares`.execute(db)).rejects.toThrow();
    const caseId = '00000000-0000-4000-8000-00000000c021';
    await sql`INSERT INTO cases (id, country_code, reference, title, stage, opened_on, month, created_at, updated_at)
      VALUES (${caseId}, 'CRI', 'MIG-0021', 'Round trip', 'investigation', '2025-01-10', 202501,
        '2025-01-10T00:00:00.000Z', '2025-01-10T00:00:00.000Z')`.execute(db);
    await sql`INSERT INTO case_shares (id, case_id, country_code, granted_at, granted_by, revoked_at, revoked_by) VALUES
      ('s-live', ${caseId}, 'PAN', '2025-02-01T10:00:00.000Z', NULL, NULL, NULL),
      ('s-gone', ${caseId}, 'GTM', '2025-02-02T10:00:00.000Z', NULL, '2025-03-01T10:00:00.000Z', NULL)`.execute(
      db,
    );
    const before = await sql`SELECT * FROM case_shares ORDER BY id`.execute(db);

    await shares.up(db, t.db.dialect);
    await expect(sql`SELECT count(*) FROM case_shares`.execute(db)).rejects.toThrow();
    const moved = await sql<{
      id: string;
      object_kind: string;
      owner_country: string;
      shared_with: string;
      status: string;
      accepted_at: string | null;
    }>`
      SELECT id, object_kind, owner_country, shared_with, status, accepted_at FROM shares ORDER BY id`.execute(
      db,
    );
    expect(moved.rows).toEqual([
      {
        id: 's-gone',
        object_kind: 'case',
        owner_country: 'CRI',
        shared_with: 'GTM',
        status: 'revoked',
        accepted_at: '2025-02-02T10:00:00.000Z',
      },
      {
        id: 's-live',
        object_kind: 'case',
        owner_country: 'CRI',
        shared_with: 'PAN',
        status: 'accepted',
        accepted_at: '2025-02-01T10:00:00.000Z',
      },
    ]);

    await shares.down(db, t.db.dialect);
    expect((await sql`SELECT * FROM case_shares ORDER BY id`.execute(db)).rows).toEqual(before.rows);
    await shares.up(db, t.db.dialect);
    await sql`DELETE FROM shares`.execute(db);
    await sql`DELETE FROM cases WHERE id = ${caseId}`.execute(db);
  });
});

describe('migration 0023', () => {
  it("gives each key row its person's country and the person it counts for (the kept one of a merge)", async () => {
    await keyOwner.down(db, t.db.dialect);
    const person = (id: string, country: string, mergedInto: string | null) =>
      sql`INSERT INTO registry_persons (id, country_code, given_names_enc, family_names_enc, aliases_enc, sex,
        birth_date_precision, nationality, other_nationalities, languages, merged_into, created_at)
        VALUES (${id}, ${country}, 'x', 'x', 'x', 'female', 'year', 'HND', '[]', '[]', ${mergedInto},
        '2026-01-01T00:00:00.000Z')`.execute(db);
    await person('m0023-kept', 'MEX', null);
    await person('m0023-merged', 'MEX', 'm0023-kept');
    await person('m0023-gt', 'GTM', null);
    for (const [id, key] of [
      ['m0023-kept', 'k1'],
      ['m0023-merged', 'k1'],
      ['m0023-merged', 'k2'],
      ['m0023-gt', 'k1'],
    ])
      await sql`INSERT INTO registry_person_keys (person_id, key) VALUES (${id}, ${key})`.execute(db);
    await keyOwner.up(db, t.db.dialect);
    const { rows } = await sql<{ person_id: string; key: string; country_code: string; owner_id: string }>`
      SELECT person_id, key, country_code, owner_id FROM registry_person_keys
      WHERE person_id LIKE 'm0023-%' ORDER BY person_id, key`.execute(db);
    expect(rows).toEqual([
      { person_id: 'm0023-gt', key: 'k1', country_code: 'GTM', owner_id: 'm0023-gt' },
      { person_id: 'm0023-kept', key: 'k1', country_code: 'MEX', owner_id: 'm0023-kept' },
      { person_id: 'm0023-merged', key: 'k1', country_code: 'MEX', owner_id: 'm0023-kept' },
      { person_id: 'm0023-merged', key: 'k2', country_code: 'MEX', owner_id: 'm0023-kept' },
    ]);
    await sql`DELETE FROM registry_person_keys WHERE person_id LIKE 'm0023-%'`.execute(db);
    await sql`DELETE FROM registry_persons WHERE id = 'm0023-merged'`.execute(db);
    await sql`DELETE FROM registry_persons WHERE id LIKE 'm0023-%'`.execute(db);
  });
});

describe('migration 0022', () => {
  it('copies each registration’s document and zone into the documents table, and down leaves the persons as they were', async () => {
    await documents.down(db, t.db.dialect);
    await expect(sql`SELECT count(*) FROM registry_person_documents`.execute(db)).rejects.toThrow();
    const person = (id: string, doc: string | null) =>
      sql`INSERT INTO registry_persons (id, country_code, given_names_enc, family_names_enc, aliases_enc, sex,
        birth_date_precision, nationality, other_nationalities, languages, document_number_enc, created_by, created_at)
        VALUES (${id}, 'MEX', 'g', 'f', 'a', 'female', 'exact', 'HND', '[]', '[]', ${doc}, NULL,
        '2026-11-01T00:00:00.000Z')`.execute(db);
    const withDoc = '00000000-0000-4000-8000-0000000d0221';
    const withMrz = '00000000-0000-4000-8000-0000000d0222';
    const without = '00000000-0000-4000-8000-0000000d0223';
    await person(withDoc, 'ciphertext-of-the-number');
    await person(withMrz, null);
    await person(without, null);
    await sql`INSERT INTO registry_person_mrz (person_id, format, mrz_enc, flags, checked_at)
      VALUES (${withMrz}, 'TD3', 'ciphertext-of-the-zone', '[]', '2026-11-01T00:00:00.000Z')`.execute(db);
    const before = await sql`SELECT * FROM registry_persons ORDER BY id`.execute(db);
    await documents.up(db, t.db.dialect);
    const rows = await sql<{
      id: string;
      person_id: string;
      kind: string;
      number_enc: string | null;
      mrz_enc: string | null;
      mrz_format: string | null;
      status: string;
    }>`
      SELECT id, person_id, kind, number_enc, mrz_enc, mrz_format, status FROM registry_person_documents
      WHERE person_id IN (${withDoc}, ${withMrz}, ${without}) ORDER BY id`.execute(db);
    expect(rows.rows).toEqual([
      {
        id: withDoc,
        person_id: withDoc,
        kind: 'unspecified',
        number_enc: 'ciphertext-of-the-number',
        mrz_enc: null,
        mrz_format: null,
        status: 'current',
      },
      {
        id: withMrz,
        person_id: withMrz,
        kind: 'unspecified',
        number_enc: null,
        mrz_enc: 'ciphertext-of-the-zone',
        mrz_format: 'TD3',
        status: 'current',
      },
    ]);
    await documents.down(db, t.db.dialect);
    expect((await sql`SELECT * FROM registry_persons ORDER BY id`.execute(db)).rows).toEqual(before.rows);
    await documents.up(db, t.db.dialect);
    await sql`DELETE FROM registry_person_documents WHERE person_id IN (${withDoc}, ${withMrz})`.execute(db);
    await sql`DELETE FROM registry_person_mrz WHERE person_id = ${withMrz}`.execute(db);
    await sql`DELETE FROM registry_persons WHERE id IN (${withDoc}, ${withMrz}, ${without})`.execute(db);
  });
});
