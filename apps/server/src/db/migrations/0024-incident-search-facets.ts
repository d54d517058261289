import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../dialect';

// The search tokens of incidents get their facets (platform/search `facetToken`): the values the
// list filters by, so that on PostgreSQL a search with filters is answered by the GIN index alone
// instead of reading every match's row to check the filters (docs/PERFORMANCE.md). The tokens are
// appended in the order the application writes them (modules/incidents/incident-row.ts
// `incidentFacets`, after the owner's token), so that `down` can cut them off again.

// Every code these columns hold is lower-case letters and underscores (place_country: ISO
// letters), so dropping the underscores leaves what `facetToken` keeps.
const code = (column: string) => sql`replace(lower(${sql.ref(column)}), '_', '')`;
const optional = (letter: string, column: string) =>
  sql`CASE WHEN ${sql.ref(column)} IS NULL THEN '' ELSE ${sql.lit(` f${letter}`)} || ${code(column)} END`;
const facets = sql`' fk' || ${code('kind')} || ' fs' || ${code('source')} || ${optional('m', 'mode')} || ${optional('r', 'route')} || ${optional('c', 'place_country')}
  || ${optional('g', 'region')}`;

export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  // A record's tokens are never empty: it has a reference and its owner's token (0015).
  await sql`UPDATE incidents SET search_terms = search_terms || ${facets}
    WHERE search_terms IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await sql`UPDATE incidents SET search_terms = substr(search_terms, 1, length(search_terms) - length(${facets}))
    WHERE search_terms IS NOT NULL AND length(search_terms) > length(${facets})`.execute(db);
}
