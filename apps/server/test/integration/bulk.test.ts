import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BulkColumn, bulkWrite } from '../../src/db/bulk';
import { createTestDb, type TestDb } from '../helpers';

// Bulk writes carry imports and the statistics rollups. PostgreSQL takes small writes as one
// statement and large ones (1,000 rows and more) by binary COPY: both must store exactly the
// same values, NULLs and non-ASCII text included, and add on conflict.
let t: TestDb;
let db: Kysely<unknown>;

const COLUMNS: BulkColumn[] = [
  { name: 'k', type: 'text' },
  { name: 'n', type: 'integer' },
  { name: 'big', type: 'bigint' },
  { name: 'x', type: 'double precision' },
  { name: 'label', type: 'text' },
];

const LABELS = [
  'Darién',
  'Área marítima — zona contigua',
  '',
  'a'.repeat(63),
  `${'é'.repeat(70)} ${'long text with "quotes", commas,\ttabs\nand lines'.repeat(3)}`,
  'Île-à-Vache 中文 🚤',
  null,
];

function rowOf(i: number): (string | number | null)[] {
  return [
    `key-${i}`,
    i % 5 === 0 ? null : i * (i % 2 ? -1 : 1),
    i % 7 === 0 ? null : 2 ** 40 + i,
    i % 3 === 0 ? null : i / 8 - 100.125,
    LABELS[i % LABELS.length] ?? null,
  ];
}

async function stored(table: string) {
  const { rows } = await sql<
    Record<string, unknown>
  >`SELECT k, n, big, x, label FROM ${sql.table(table)}`.execute(db);
  return new Map(
    rows.map((r) => [
      String(r.k),
      [
        r.k,
        r.n === null ? null : Number(r.n),
        r.big === null ? null : Number(r.big),
        r.x === null ? null : Number(r.x),
        r.label,
      ],
    ]),
  );
}

beforeAll(async () => {
  t = await createTestDb();
  db = t.db.kysely as unknown as Kysely<unknown>;
  for (const table of ['bulk_probe_small', 'bulk_probe_large']) {
    await sql`CREATE TABLE ${sql.table(table)} (k text PRIMARY KEY, n integer, big bigint, x double precision, label text)`.execute(
      db,
    );
  }
});
afterAll(async () => {
  await t.drop();
});

describe('bulk writes', () => {
  it.each([
    ['bulk_probe_small', 40],
    ['bulk_probe_large', 2500],
  ])('store every value as given (%s, %i rows)', async (table, count) => {
    await db.transaction().execute((trx) => bulkWrite(t.db, trx, table, COLUMNS, count, rowOf));
    const rows = await stored(table);
    expect(rows.size).toBe(count);
    for (let i = 0; i < count; i++) expect(rows.get(`key-${i}`)).toEqual(rowOf(i));
  });

  it.each([40, 2500])('add the measures of rows whose key exists (%i rows)', async (count) => {
    await sql`CREATE TABLE bulk_sums (a text, b integer, hits integer, total double precision, PRIMARY KEY (a, b))`.execute(
      db,
    );
    const columns: BulkColumn[] = [
      { name: 'a', type: 'text' },
      { name: 'b', type: 'integer' },
      { name: 'hits', type: 'integer' },
      { name: 'total', type: 'double precision' },
    ];
    const row = (i: number) => [i % 2 ? 'Panamá' : 'MEX', i, 1, i + 0.5];
    const conflict = { columns: ['a', 'b'], add: ['hits', 'total'] };
    await db.transaction().execute(async (trx) => {
      await bulkWrite(t.db, trx, 'bulk_sums', columns, count, row, { conflict });
      // Half of the keys again, and as many new ones.
      await bulkWrite(t.db, trx, 'bulk_sums', columns, count, (i) => row(i + count / 2), { conflict });
    });
    const { rows } = await sql<{
      a: string;
      b: number;
      hits: number;
      total: number;
    }>`SELECT a, b, hits, total FROM bulk_sums`.execute(db);
    expect(rows).toHaveLength(count + count / 2);
    for (const r of rows) {
      const again = Number(r.b) >= count / 2 && Number(r.b) < count;
      expect(Number(r.hits)).toBe(again ? 2 : 1);
      expect(Number(r.total)).toBe((again ? 2 : 1) * (Number(r.b) + 0.5));
      expect(r.a).toBe(Number(r.b) % 2 ? 'Panamá' : 'MEX');
    }
    await sql`DROP TABLE bulk_sums`.execute(db);
  });

  it.each([40, 2500])(
    'fail as a whole on a refused row, leaving the database usable (%i rows)',
    async (count) => {
      await sql`CREATE TABLE bulk_unique (k text PRIMARY KEY)`.execute(db);
      const columns: BulkColumn[] = [{ name: 'k', type: 'text' }];
      const write = db
        .transaction()
        .execute((trx) =>
          bulkWrite(t.db, trx, 'bulk_unique', columns, count, (i) => [i === count - 1 ? 'k0' : `k${i}`]),
        );
      await expect(write).rejects.toThrow();
      const { rows } = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM bulk_unique`.execute(db);
      expect(Number(rows[0]?.n)).toBe(0);
      await db
        .transaction()
        .execute((trx) => bulkWrite(t.db, trx, 'bulk_unique', columns, count, (i) => [`k${i}`]));
      const after = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM bulk_unique`.execute(db);
      expect(Number(after.rows[0]?.n)).toBe(count);
      await sql`DROP TABLE bulk_unique`.execute(db);
    },
  );
});
