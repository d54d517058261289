import {
  type MrzFlag,
  type PersonDocument,
  type PersonDocumentInput,
  type PersonDocumentList,
  type PersonDocumentWithdraw,
  type PersonSex,
  personDocumentInputSchema,
  personDocumentWithdrawSchema,
} from '@enlace/shared';
import { requireInScope, requirePermission } from '../../platform/authz/access';
import { type Ctx, type Deps, nowIso, type Tx, withTx } from '../../platform/context';
import { decryptField, encryptField } from '../../platform/crypto';
import { conflict, invalidFields, notFound } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import { checkMrz, MrzUnreadable } from './registry-mrz';
import type { PersonMrzRow } from './registry-mrz.repository';
import {
  addPersonKeys,
  documentNumbersOf,
  documentsOfPersons,
  findPersonDocument,
  insertPersonDocument,
  withdrawPersonDocument,
} from './registry-documents.repository';
import { findPerson, type PersonRow, type Q } from './registry.repository';
import { decryptPerson, storedKeys, variantsOf } from './registry.service';

// A person's travel and identity documents, several of them, never deleted. The number is
// encrypted with the purpose of the person's own document column and the zone with the MRZ's:
// the registration's document is the same data in both places (migration 0022 copied it).
const NUMBER = 'registry.person.document_number';
const MRZ = 'registry.person.mrz';
const REASON = 'registry.person_document.withdrawal_reason';

const enc = (deps: Deps, v: string, purpose: string) => encryptField(deps.config.secretKey, v, purpose);
const dec = (deps: Deps, v: string, purpose: string) => decryptField(deps.config.secretKey, v, purpose);

/** The document given at registration (its number and zone), as the person's first document. */
export async function insertRegistrationDocument(
  trx: Tx,
  row: PersonRow,
  mrz: PersonMrzRow | null,
): Promise<void> {
  if (!row.document_number_enc && !mrz) return;
  await insertPersonDocument(trx, {
    // One per person: it takes the person's id, as the migration did for those registered before.
    id: row.id,
    person_id: row.id,
    country_code: row.country_code,
    kind: 'unspecified',
    number_enc: row.document_number_enc,
    issuing_country: null,
    expires_on: null,
    mrz_format: mrz?.format ?? null,
    mrz_enc: mrz?.mrz_enc ?? null,
    mrz_flags: mrz?.flags ?? null,
    status: 'current',
    withdrawn_reason_enc: null,
    withdrawn_by: null,
    withdrawn_at: null,
    added_by: row.created_by,
    added_at: row.created_at,
  });
}

/**
 * Every document number of these persons, withdrawn ones included (a number withdrawn as lost,
 * stolen or false is the one an officer must see again when someone shows it): what the engine
 * compares besides the person's own number, and where the blocking keys came from.
 */
export async function otherDocumentNumbers(
  deps: Deps,
  db: Q,
  personIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const r of await documentNumbersOf(db, personIds)) {
    const list = out.get(r.person_id) ?? [];
    list.push(dec(deps, r.number_enc as string, NUMBER));
    out.set(r.person_id, list);
  }
  return out;
}

/** The documents of a person (and of those merged into them), oldest first. */
export async function documentsOf(
  deps: Deps,
  db: Q,
  personIds: readonly string[],
): Promise<PersonDocument[]> {
  const rows = await documentsOfPersons(db, personIds);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as PersonDocument['kind'],
    number: r.number_enc === null ? null : dec(deps, r.number_enc, NUMBER),
    issuingCountry: r.issuing_country,
    expiresOn: r.expires_on,
    mrz:
      r.mrz_enc === null
        ? null
        : {
            format: r.mrz_format as 'TD1' | 'TD2' | 'TD3',
            text: dec(deps, r.mrz_enc, MRZ),
            flags: JSON.parse(r.mrz_flags ?? '[]') as MrzFlag[],
          },
    status: r.status as PersonDocument['status'],
    addedAt: r.added_at,
    addedByName: r.added_by_name,
    withdrawal:
      r.status === 'withdrawn' && r.withdrawn_at
        ? {
            reason: r.withdrawn_reason_enc === null ? '' : dec(deps, r.withdrawn_reason_enc, REASON),
            at: r.withdrawn_at,
            byName: r.withdrawn_by_name,
          }
        : null,
  }));
}

async function personInScope(ctx: Ctx, id: string, action: string): Promise<PersonRow> {
  return requireInScope(ctx, await findPerson(ctx.db.kysely, id), {
    action,
    objectType: 'registry_person',
    objectId: id,
  });
}

/**
 * Adds a document to a person of the actor's country. Its zone, if given, is checked against
 * the person (names as in a document, else as stated; birth date, sex, nationality) and this
 * number, and stored with its flags; its number gets the person's blocking keys with it, in the
 * same transaction, so that search before create finds the person by it at once. Audited.
 */
export async function addPersonDocument(
  ctx: Ctx,
  personId: string,
  body: PersonDocumentInput,
): Promise<PersonDocumentList> {
  const actor = await requirePermission(ctx, 'registry.write');
  const input = personDocumentInputSchema.parse(body);
  const person = await personInScope(ctx, personId, 'registry.person_document_add');
  if (person.merged_into) throw conflict('registry_person_merged');
  const today = nowIso(ctx).slice(0, 10);
  if (input.expiresOn && input.expiresOn < (person.birth_date ?? ''))
    throw invalidFields([{ path: 'expiresOn', code: 'registry_document_expiry_invalid' }]);
  const fields = decryptPerson(ctx, person);
  const held = await otherDocumentNumbers(ctx, ctx.db.kysely, [person.id]);
  const current = (await documentsOf(ctx, ctx.db.kysely, [person.id])).filter((d) => d.status === 'current');
  const same = (n: string | null) =>
    n !== null && n.replace(/\s+/g, '').toUpperCase() === input.number.replace(/\s+/g, '').toUpperCase();
  if (current.some((d) => same(d.number)))
    throw invalidFields([{ path: 'number', code: 'registry_document_held' }]);
  let mrz: { format: string; flags: MrzFlag[] } | null = null;
  if (input.mrz) {
    try {
      mrz = checkMrz(
        input.mrz,
        {
          givenNames: fields.documentGivenNames ?? fields.givenNames,
          familyNames: fields.documentFamilyNames ?? fields.familyNames,
          birthDate: person.birth_date ?? undefined,
          sex: person.sex as PersonSex,
          nationality: person.nationality,
          documentNumber: input.number,
        },
        today,
      );
    } catch (error) {
      if (!(error instanceof MrzUnreadable)) throw error;
      throw invalidFields([{ path: 'mrz', code: 'registry_mrz_unreadable' }]);
    }
  }
  const keys = storedKeys(ctx, variantsOf(person, fields, [...(held.get(person.id) ?? []), input.number]));
  const id = uuidv7();
  const at = nowIso(ctx);
  await withTx(ctx, async (trx, audit) => {
    await insertPersonDocument(trx, {
      id,
      person_id: person.id,
      country_code: person.country_code,
      kind: input.kind,
      number_enc: enc(ctx, input.number, NUMBER),
      issuing_country: input.issuingCountry ?? null,
      expires_on: input.expiresOn ?? null,
      mrz_format: mrz?.format ?? null,
      mrz_enc: input.mrz ? enc(ctx, input.mrz, MRZ) : null,
      mrz_flags: mrz ? JSON.stringify(mrz.flags) : null,
      status: 'current',
      withdrawn_reason_enc: null,
      withdrawn_by: null,
      withdrawn_at: null,
      added_by: actor.userId,
      added_at: at,
    });
    await addPersonKeys(trx, person, keys);
    await audit({
      action: 'registry.person_document_added',
      objectType: 'registry_person',
      objectId: person.id,
      details: mrz
        ? { document: id, kind: input.kind, mrzFlags: mrz.flags.length }
        : { document: id, kind: input.kind },
    });
  });
  return { items: await documentsOf(ctx, ctx.db.kysely, [person.id]) };
}

/** Withdraws a person's document with a reason (never deleted: it stays listed, and searchable). Audited. */
export async function withdrawDocument(
  ctx: Ctx,
  personId: string,
  documentId: string,
  body: PersonDocumentWithdraw,
): Promise<PersonDocumentList> {
  const actor = await requirePermission(ctx, 'registry.write');
  const input = personDocumentWithdrawSchema.parse(body);
  const person = await personInScope(ctx, personId, 'registry.person_document_withdraw');
  const doc = await findPersonDocument(ctx.db.kysely, documentId);
  if (doc?.person_id !== person.id) throw notFound();
  if (doc.status !== 'current') throw conflict('registry_document_withdrawn');
  await withTx(ctx, async (trx, audit) => {
    const done = await withdrawPersonDocument(trx, doc.id, {
      withdrawn_reason_enc: enc(ctx, input.reason, REASON),
      withdrawn_by: actor.userId,
      withdrawn_at: nowIso(ctx),
    });
    if (!done) throw conflict('registry_document_withdrawn');
    await audit({
      action: 'registry.person_document_withdrawn',
      objectType: 'registry_person',
      objectId: person.id,
      details: { document: doc.id, kind: doc.kind },
    });
  });
  return { items: await documentsOf(ctx, ctx.db.kysely, [person.id]) };
}
