import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect';
import * as m0001 from './0001-foundation';

export interface AppMigration {
  up(db: Kysely<unknown>, dialect: DialectName): Promise<void>;
  down(db: Kysely<unknown>, dialect: DialectName): Promise<void>;
}

/** Every migration, in order. Never edit one that has landed: add the next. */
export const migrations: Record<string, AppMigration> = {
  '0001-foundation': m0001,
};
