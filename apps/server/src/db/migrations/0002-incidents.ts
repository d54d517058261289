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
const FILTERS = ['month', 'country', 'region', 'mode', 'route'];
const INT_DIMS = new Set(['month', 'level', 'cx', 'cy']);
const REAL_MEASURES = new Set(['lat_sum', 'lon_sum']);

/**
 * The statistics rollups as they were created here (the code's copy is modules/stats/rollups.ts;
 * an integration test checks the two agree). `nat` is '*' for every incident, or a nationality for
 * the incidents involving it; unknown dimension values are ''.
 */
const ROLLUP_TABLES: { table: string; dims: string[]; measures: string[] }[] = [
  {
    table: 'stats_incidents',
    dims: ['nat', ...FILTERS, 'kind'],
    measures: ['incidents', ...COUNTS.flatMap((c) => [c, `${c}_known`])],
  },
  {
    table: 'stats_flows',
    dims: ['nat', ...FILTERS, 'origin', 'destination'],
    measures: ['incidents', 'migrants', 'migrants_known', 'dead', 'dead_known', 'missing', 'missing_known'],
  },
  { table: 'stats_people', dims: ['nat', ...FILTERS, 'sex', 'age_group'], measures: ['persons'] },
  { table: 'stats_people_nat', dims: [...FILTERS, 'nationality'], measures: ['persons'] },
  { table: 'stats_modus', dims: ['nat', ...FILTERS, 'code'], measures: ['incidents'] },
  {
    table: 'stats_grid',
    dims: ['nat', 'level', 'cx', 'cy', ...FILTERS],
    measures: [
      'incidents',
      'migrants',
      'migrants_known',
      'dead',
      'dead_known',
      'missing',
      'missing_known',
      'lat_sum',
      'lon_sum',
    ],
  },
];

// Incidents, their reference vocabularies, and the statistics rollups kept beside them.
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('vocab_terms')
    .addColumn('vocabulary', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('labels', 'text', (c) => c.notNull())
    .addColumn('attributes', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('vocab_terms_pk', ['vocabulary', 'code'])
    .execute();

  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('country_code', 'text', (c) => c.notNull().references('countries.code'))
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mode', 'text')
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text')
    .addColumn('time_zone', 'text')
    .addColumn('place_name', 'text')
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('cell_x', 'integer')
    .addColumn('cell_y', 'integer')
    .addColumn('place_country', 'text')
    .addColumn('region', 'text')
    .addColumn('maritime_zone', 'text')
    .addColumn('conveyance', 'text')
    .addColumn('reporting_agency_id', 'text', (c) => c.references('agencies.id'))
    .addColumn('source_name', 'text')
    .addColumn('source_url', 'text')
    .addColumn('source_quality', 'integer')
    .addColumn('confidence', 'text')
    .addColumn('narrative_enc', 'text')
    .addColumn('cause_of_death', 'text')
    .addColumn('route', 'text')
    .addColumn('origin_country', 'text')
    .addColumn('transit_countries', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('destination_country', 'text')
    .addColumn('migrants', 'integer')
    .addColumn('females', 'integer')
    .addColumn('males', 'integer')
    .addColumn('children', 'integer')
    .addColumn('unaccompanied_children', 'integer')
    .addColumn('dead', 'integer')
    .addColumn('missing', 'integer')
    .addColumn('survivors', 'integer')
    .addColumn('injured', 'integer')
    .addColumn('smugglers_apprehended', 'integer')
    .addColumn('breakdown', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('nationalities', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('modus_operandi', 'text', (c) => c.notNull().defaultTo('[]'))
    // Every nationality involved, as ",GTM,HND,": filters the few incidents of a map area.
    .addColumn('nationality_set', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source_extra', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createIndex('incidents_external_idx')
    .unique()
    .on('incidents')
    .columns(['country_code', 'source', 'external_id'])
    .execute();
  await db.schema
    .createIndex('incidents_country_date_idx')
    .on('incidents')
    .columns(['country_code', 'occurred_on', 'id'])
    .execute();
  // A country's own incidents in a map area (the map shows others' only as aggregates).
  await db.schema
    .createIndex('incidents_cell_idx')
    .on('incidents')
    .columns(['country_code', 'cell_x', 'cell_y'])
    .execute();

  await db.schema
    .createTable('incident_links')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('linked_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addPrimaryKeyConstraint('incident_links_pk', ['incident_id', 'linked_id'])
    .execute();
  await db.schema.createIndex('incident_links_linked_idx').on('incident_links').column('linked_id').execute();

  // Amendments: what each follow-up or correction changed (before and after), encrypted because
  // the narrative may be among the fields. The current state is the incident row itself.
  await db.schema
    .createTable('incident_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('changes_enc', 'text', (c) => c.notNull())
    .addColumn('note_enc', 'text')
    .execute();
  await db.schema
    .createIndex('incident_versions_incident_idx')
    .unique()
    .on('incident_versions')
    .columns(['incident_id', 'version'])
    .execute();

  // Rollups: sums by month and the dashboard's dimensions, maintained in the transaction of every
  // write. On SQLite they are clustered by their key (WITHOUT ROWID), so a period is a range scan.
  for (const rollup of ROLLUP_TABLES) {
    let table = db.schema.createTable(rollup.table);
    for (const d of rollup.dims) {
      table = table.addColumn(d, INT_DIMS.has(d) ? 'integer' : 'text', (c) => c.notNull());
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

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const rollup of [...ROLLUP_TABLES].reverse()) await db.schema.dropTable(rollup.table).execute();
  for (const t of [
    'incident_versions',
    'incident_links',
    'incident_nationalities',
    'incidents',
    'vocab_terms',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
