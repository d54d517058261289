import type { Db } from '../../db/dialect';
import { REFERENCE_COUNTRIES } from './countries';
import { REFERENCE_VOCABULARIES } from './vocabularies';

/** Reference data: idempotent and safe in production (inserts what is missing, changes nothing else). */
export async function seedReference(db: Db): Promise<void> {
  const now = new Date().toISOString();
  await db.kysely.transaction().execute(async (trx) => {
    for (const c of REFERENCE_COUNTRIES) {
      await trx
        .insertInto('countries')
        .values({ code: c.code, kind: c.kind, names: JSON.stringify(c.name), active: 1 })
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }
    const terms = Object.entries(REFERENCE_VOCABULARIES).flatMap(([vocabulary, list]) =>
      list.map((term, i) => ({
        vocabulary,
        code: term.code,
        labels: JSON.stringify(term.label),
        attributes: JSON.stringify(term.attributes ?? {}),
        sort_order: (i + 1) * 10,
        active: 1,
        created_at: now,
      })),
    );
    await trx
      .insertInto('vocab_terms')
      .values(terms)
      .onConflict((oc) => oc.columns(['vocabulary', 'code']).doNothing())
      .execute();
  });
}
