import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../dialect';

const COUNTS = [
  'migrants',
  'females',
  'males',
  'children',
  'unaccompanied_children',
  'dead',
  'missing',
  'survivors',
  'injured',
  'smugglers_apprehended',
];
const INT_DIMS = new Set(['month', 'level', 'cx', 'cy']);
const REAL_MEASURES = new Set(['lat_sum', 'lon_sum']);
const FLOW = ['incidents', 'migrants', 'migrants_known', 'dead', 'dead_known', 'missing', 'missing_known'];

/** The rollups with the dimension `source` after the place filters (the code's copy: stats/rollups.ts). */
function tables(filters: readonly string[]): { table: string; dims: string[]; measures: string[] }[] {
  return [
    {
      table: 'stats_incidents',
      dims: ['nat', ...filters, 'kind'],
      measures: ['incidents', ...COUNTS.flatMap((c) => [c, `${c}_known`])],
    },
    { table: 'stats_flows', dims: ['nat', ...filters, 'origin', 'destination'], measures: FLOW },
    { table: 'stats_people', dims: ['nat', ...filters, 'sex', 'age_group'], measures: ['persons'] },
    { table: 'stats_people_nat', dims: [...filters, 'nationality'], measures: ['persons'] },
    { table: 'stats_modus', dims: ['nat', ...filters, 'code'], measures: ['incidents'] },
    {
      table: 'stats_grid',
      dims: ['nat', 'level', 'cx', 'cy', ...filters],
      measures: [...FLOW, 'lat_sum', 'lon_sum'],
    },
  ];
}
const BEFORE = ['month', 'country', 'region', 'mode', 'route'];
const AFTER = [...BEFORE, 'source'];

/** Marks a migration after which the rollups are rebuilt from the incidents (see server.ts). */
export const rebuildsRollups = true;

async function recreate(db: Kysely<unknown>, dialect: DialectName, filters: readonly string[]) {
  for (const rollup of tables(filters)) {
    await db.schema.dropTable(rollup.table).execute();
    let table = db.schema.createTable(rollup.table);
    for (const d of rollup.dims) {
      table = table.addColumn(d, INT_DIMS.has(d) ? 'integer' : 'text', (c) =>
        d === 'source' ? c.notNull().defaultTo('') : c.notNull(),
      );
    }
    for (const m of rollup.measures) {
      table = table.addColumn(m, REAL_MEASURES.has(m) ? 'double precision' : 'integer', (c) =>
        c.notNull().defaultTo(0),
      );
    }
    table = table.addPrimaryKeyConstraint(`${rollup.table}_pk`, rollup.dims as never);
    if (dialect === 'sqlite') table = table.modifyEnd(sql`without rowid`);
    await table.execute();
  }
}

// Imported public data (the global Missing Migrants file) must be separable from what the
// countries record: every rollup gains the incident's source as a dimension. The sums cannot be
// split by source after the fact, so the tables are recreated empty and refilled from the
// incidents right after migrating (`rebuildsRollups`), as `enlace stats rebuild` does.
// Public sources' records are readable by every country: lists take them by source and date.
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await recreate(db, dialect, AFTER);
  await db.schema
    .createIndex('incidents_source_date_idx')
    .on('incidents')
    .columns(['source', 'occurred_on', 'id'])
    .execute();
  // The home page's "recent records of theirs": what a user recorded or last changed.
  for (const who of ['created_by', 'updated_by']) {
    await db.schema
      .createIndex(`incidents_${who}_idx`)
      .on('incidents')
      .columns([who, 'updated_at'])
      .execute();
  }
}

export async function down(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema.dropIndex('incidents_source_date_idx').execute();
  for (const who of ['created_by', 'updated_by']) await db.schema.dropIndex(`incidents_${who}_idx`).execute();
  await recreate(db, dialect, BEFORE);
}
