import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect';
import * as m0001 from './0001-foundation';
import * as m0002 from './0002-incidents';
import * as m0003 from './0003-cases';
import * as m0004 from './0004-password-change';
import * as m0005 from './0005-fine-grid-by-year';
import * as m0006 from './0006-rollup-source';
import * as m0007 from './0007-search';
import * as m0008 from './0008-list-indexes';
import * as m0009 from './0009-user-time-zone';
import * as m0010 from './0010-files';
import * as m0011 from './0011-directory';
import * as m0012 from './0012-jobs-notifications';
import * as m0013 from './0013-handling';
import * as m0014 from './0014-exchange';
import * as m0015 from './0015-list-walks';
import * as m0016 from './0016-registry';
import * as m0017 from './0017-centre-resources';
import * as m0018 from './0018-registry-belongings';
import * as m0019 from './0019-registry-duplicates';
import * as m0020 from './0020-registry-crisis';
import * as m0021 from './0021-shares';
import * as m0022 from './0022-registry-documents';
import * as m0023 from './0023-registry-key-owner';
import * as m0024 from './0024-incident-search-facets';

export interface AppMigration {
  up(db: Kysely<unknown>, dialect: DialectName): Promise<void>;
  down(db: Kysely<unknown>, dialect: DialectName): Promise<void>;
  /** The rollups are emptied by it and must be rebuilt from the incidents afterwards. */
  rebuildsRollups?: boolean;
}

/** Every migration, in order. Never edit one that has landed: add the next. */
export const migrations: Record<string, AppMigration> = {
  '0001-foundation': m0001,
  '0002-incidents': m0002,
  '0003-cases': m0003,
  '0004-password-change': m0004,
  '0005-fine-grid-by-year': m0005,
  '0006-rollup-source': m0006,
  '0007-search': m0007,
  '0008-list-indexes': m0008,
  '0009-user-time-zone': m0009,
  '0010-files': m0010,
  '0011-directory': m0011,
  '0012-jobs-notifications': m0012,
  '0013-handling': m0013,
  '0014-exchange': m0014,
  '0015-list-walks': m0015,
  '0016-registry': m0016,
  '0017-centre-resources': m0017,
  '0018-registry-belongings': m0018,
  '0019-registry-duplicates': m0019,
  '0020-registry-crisis': m0020,
  '0021-shares': m0021,
  '0022-registry-documents': m0022,
  '0023-registry-key-owner': m0023,
  '0024-incident-search-facets': m0024,
};
