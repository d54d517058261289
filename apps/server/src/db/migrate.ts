import { type Kysely, type Migration, Migrator } from 'kysely';
import type { Db } from './dialect';
import { migrations } from './migrations';

export async function migrateToLatest(db: Db): Promise<string[]> {
  const provided: Record<string, Migration> = {};
  for (const [name, m] of Object.entries(migrations)) {
    provided[name] = {
      up: (k: Kysely<unknown>) => m.up(k, db.dialect),
      down: (k: Kysely<unknown>) => m.down(k, db.dialect),
    };
  }
  const migrator = new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => provided },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Whether a migration just applied emptied the rollups, which must then be rebuilt. */
export function rollupsNeedRebuild(applied: readonly string[]): boolean {
  return applied.some((name) => migrations[name]?.rebuildsRollups === true);
}
