import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { type BulkColumn, bulkWrite } from '../../db/bulk';
import type { Db } from '../../db/dialect';
import type { Database } from '../../db/schema';
import type { Tx } from '../../platform/context';
import { ROLLUPS, type RollupDelta, type RollupName } from './rollups';

type Q = Tx | Kysely<Database>;

const INT_DIMS = new Set(['month', 'level', 'cx', 'cy']);
const REAL_MEASURES = new Set(['lat_sum', 'lon_sum']);

function columnsOf(name: RollupName): BulkColumn[] {
  const spec = ROLLUPS[name];
  return [
    ...spec.dims.map((d) => ({ name: d, type: INT_DIMS.has(d) ? ('integer' as const) : ('text' as const) })),
    ...spec.measures.map((m) => ({
      name: m,
      type: REAL_MEASURES.has(m) ? ('double precision' as const) : ('integer' as const),
    })),
  ];
}

/**
 * The order rollups are written in: the same in every transaction (rows within a table are in key
 * order too), so that two concurrent writers never wait for each other's rows in opposite orders;
 * the map grid first, as it is usually the largest (the server starts on it while the rest is
 * prepared).
 */
export const WRITE_ORDER: readonly RollupName[] = [
  'grid',
  'flows',
  'incidents',
  'people',
  'peopleNat',
  'modus',
];

/**
 * Writes pending rollup changes, adding each measure to the row of the same key (an upsert per
 * key, in bulk). Run it in the transaction that made the changes.
 */
export async function applyRollupDelta(db: Db, trx: Q, delta: RollupDelta): Promise<void> {
  // On PostgreSQL the server works on one table while the next is prepared here, the event loop
  // let through after each so that the driver sends it at once.
  const writes: Promise<void>[] = [];
  for (const name of WRITE_ORDER) {
    const rows = delta.pending(name);
    const spec = ROLLUPS[name];
    const buffer: unknown[] = [];
    writes.push(
      bulkWrite(
        db,
        trx as Kysely<unknown>,
        spec.table,
        columnsOf(name),
        rows.length,
        (i) => {
          rows.fill(i, buffer);
          return buffer;
        },
        { conflict: { columns: spec.dims, add: spec.measures } },
      ),
    );
    if (!db.sqlite && rows.length) await new Promise(setImmediate);
  }
  await Promise.all(writes);
  delta.clear();
}

/** Empties every rollup (before a rebuild from the incidents). */
export async function clearRollups(db: Q): Promise<void> {
  for (const spec of Object.values(ROLLUPS)) await sql`DELETE FROM ${sql.table(spec.table)}`.execute(db);
}
