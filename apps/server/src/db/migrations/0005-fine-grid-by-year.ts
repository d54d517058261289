import { type Kysely, sql } from 'kysely';

const KEY = ['nat', 'level', 'cx', 'cy', 'month', 'country', 'region', 'mode', 'route'];
const MEASURES = [
  'incidents',
  'migrants',
  'migrants_known',
  'dead',
  'dead_known',
  'missing',
  'missing_known',
  'lat_sum',
  'lon_sum',
];
const FINEST_LEVEL = 1;

// The finest map grid (0.2°) was kept by month: about one row per incident, a fifth of the rows
// an import writes. It is now kept by year (its months summed into the year's row); a period that
// cuts a year shows the 1° grid instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  const key = sql.raw(KEY.map((c) => `"${c}"`).join(', '));
  const grouped = sql.raw(KEY.map((c) => (c === 'month' ? '(month / 100) * 100' : `"${c}"`)).join(', '));
  const sums = sql.raw(MEASURES.map((m) => `SUM("${m}")`).join(', '));
  const add = sql.raw(MEASURES.map((m) => `"${m}" = stats_grid."${m}" + excluded."${m}"`).join(', '));
  await sql`INSERT INTO stats_grid (${key}, ${sql.raw(MEASURES.map((m) => `"${m}"`).join(', '))})
    SELECT ${grouped}, ${sums} FROM stats_grid
    WHERE level = ${sql.lit(FINEST_LEVEL)} AND month % 100 <> 0
    GROUP BY ${grouped}
    ON CONFLICT (${key}) DO UPDATE SET ${add}`.execute(db);
  await sql`DELETE FROM stats_grid WHERE level = ${sql.lit(FINEST_LEVEL)} AND month % 100 <> 0`.execute(db);
}

// Months cannot be recovered from a year's sum: going back empties the finest grid, which
// `enlace stats rebuild` then fills again from the incidents.
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DELETE FROM stats_grid WHERE level = ${sql.lit(FINEST_LEVEL)}`.execute(db);
}
