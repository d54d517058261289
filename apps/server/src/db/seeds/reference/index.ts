import type { Db } from '../../dialect';
import { REFERENCE_COUNTRIES } from './countries';

/** Reference data: idempotent and safe in production (inserts what is missing, changes nothing else). */
export async function seedReference(db: Db): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    for (const c of REFERENCE_COUNTRIES) {
      await trx
        .insertInto('countries')
        .values({ code: c.code, kind: c.kind, names: JSON.stringify(c.name), active: 1 })
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }
  });
}
