import {
  type AdmissionInput,
  AGE_GROUPS,
  type AgeGroup,
  admissionInputSchema,
  CENTRE_UNITS,
  type Centre,
  type CentreInput,
  type CentreResources,
  type CentreResourcesHistory,
  type CentreResourcesInput,
  type CentreUnit,
  CENTRE_STAFF_ROLES,
  centreInputSchema,
  centreResourcesInputSchema,
  type IdentityInput,
  type Locale,
  type MatchExplanation,
  type Occupancy,
  type OccupancyQuery,
  PERSON_SEXES,
  type Person,
  type PersonInput,
  type PersonSex,
  personInputSchema,
  type RegistryAggregates,
  type ReleaseInput,
  type ReleaseOutcome,
  type ResidentPage,
  type ResidentsQuery,
  residentsQuerySchema,
  type PendingReleaseCheck,
  releaseInputSchema,
  SEARCH_RESULTS_MAX,
  type SearchResult,
  type Stay,
  type TransferInput,
  transferInputSchema,
} from '@enlace/shared';
import { isUniqueViolation } from '../../db/dialect';
import { attachFiles, listAttachedFiles, registerFileOwner } from '../../platform/files/files.service';
import { recordDenial, requireInScope, requirePermission } from '../../platform/authz/access';
import { type Actor, type Ctx, type Deps, nowIso, type Tx, withTx } from '../../platform/context';
import { decryptField, encryptField } from '../../platform/crypto';
import {
  AppError,
  badRequest,
  conflict,
  type FieldError,
  invalidFields,
  notFound,
} from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import { blindValues } from '../../platform/search/search';
import { findAgency } from '../admin/admin.repository';
import { suppressColumn, suppressValue } from '../stats/suppression';
import { evaluateAfterMovement } from './crisis.service';
import { residentsPerDay } from './registry-occupancy.repository';
import {
  ageGroupOn,
  birthDateOf,
  CANDIDATE_FLOOR,
  type IdentityFields,
  isFuture,
  keyWeights,
  median,
  personBlockingKeys,
  precisionFits,
  RELEASE_MATCH_THRESHOLD,
  scoreCandidates,
  sharesDocument,
} from './registry.match';
import { heldItemsOfStays, logTransferCustody } from './belongings.repository';
import { mrzOfNewPerson, mrzOfPerson } from './registry-mrz.service';
import { insertPersonMrz } from './registry-mrz.repository';
import { documentsOf, insertRegistrationDocument, otherDocumentNumbers } from './registry-documents.service';
import { personReadByShare, restrictToShare } from './registry-shares.access';
import { mayAdmit, stayAbilities } from './registry.policy';
import {
  type CentreResourcesRow,
  type CentreRow,
  candidatesByKeys,
  keyPostings,
  countResidents,
  pendingChecksOfCountry,
  residentsOfCentre,
  centreCodeTaken,
  centreResourcesOf,
  centresOfCountry,
  findCentre,
  findPerson,
  findStay,
  incidentCountry,
  incidentReference,
  insertCentre,
  insertCentreResources,
  insertPerson,
  insertReleaseCheck,
  insertStay,
  insertTransfer,
  latestCheckOfStay,
  movementsPerDay,
  occupiedByUnit,
  openStayOfPerson,
  openStaysOfCentre,
  type PersonRow,
  pendingCheckOfStay,
  personsInCentre,
  personsMergedInto,
  type Q,
  releasedStays,
  residentsOfRegion,
  resolveCheck,
  type StayOfPerson,
  type StayRow,
  staysOfPerson,
  transfersOfStay,
  updateOpenStay,
} from './registry.repository';

/** Persons retrieved by their blocking keys and scored for one search. */
const CANDIDATES_MAX = 200;
const DAY = 86_400_000;
const OCCUPANCY_DEFAULT_DAYS = 30;
const OCCUPANCY_MAX_DAYS = 366;

// Purposes bound to each encrypted column: a ciphertext moved to another column does not decrypt.
export const P = {
  given: 'registry.person.given_names',
  family: 'registry.person.family_names',
  docGiven: 'registry.person.document_given_names',
  docFamily: 'registry.person.document_family_names',
  aliases: 'registry.person.aliases',
  document: 'registry.person.document_number',
  reason: 'registry.stay.reason',
  attention: 'registry.stay.attention',
  releaseNotes: 'registry.stay.release_notes',
  transferNote: 'registry.transfer.note',
  identity: 'registry.check.identity',
  explanation: 'registry.check.explanation',
  resolution: 'registry.check.resolution',
};

export const enc = (deps: Deps, v: string, purpose: string) =>
  encryptField(deps.config.secretKey, v, purpose);
export const encOrNull = (deps: Deps, v: string | null | undefined, purpose: string) =>
  v === null || v === undefined || v === '' ? null : enc(deps, v, purpose);
const dec = (deps: Deps, v: string, purpose: string) => decryptField(deps.config.secretKey, v, purpose);
const decOrNull = (deps: Deps, v: string | null, purpose: string) =>
  v === null ? null : dec(deps, v, purpose);

const today = (ctx: Deps) => nowIso(ctx).slice(0, 10);
const instant = (v: string) => new Date(v).toISOString();

export function centreName(names: string, locale: Locale): string {
  const n = JSON.parse(names) as Partial<Record<Locale, string>>;
  return n[locale] ?? n.es ?? '';
}

// ---- centres

function presentCentre(ctx: Ctx, r: CentreRow): Centre {
  return {
    id: r.id,
    countryCode: r.country_code,
    code: r.code,
    names: JSON.parse(r.names) as Centre['names'],
    name: centreName(r.names, ctx.locale),
    type: r.type as Centre['type'],
    agencyId: r.agency_id,
    status: r.status as Centre['status'],
    capacity: {
      adult_men: r.places_adult_men,
      adult_women: r.places_adult_women,
      families: r.places_families,
      unaccompanied_children: r.places_unaccompanied_children,
    },
    services: JSON.parse(r.services) as Centre['services'],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function listCentres(ctx: Ctx): Promise<{ items: Centre[] }> {
  const actor = await requirePermission(ctx, 'registry.read');
  const rows = await centresOfCountry(ctx.db.kysely, actor.countryCode);
  return { items: rows.map((r) => presentCentre(ctx, r)) };
}

export async function createCentre(ctx: Ctx, body: CentreInput): Promise<Centre> {
  const actor = await requirePermission(ctx, 'registry.supervise');
  const input = centreInputSchema.parse(body);
  const errors: FieldError[] = [];
  if (input.agencyId) {
    const agency = await findAgency(ctx.db.kysely, input.agencyId);
    if (agency?.country_code !== actor.countryCode)
      errors.push({ path: 'agencyId', code: 'registry_agency_not_in_country' });
  }
  if (await centreCodeTaken(ctx.db.kysely, actor.countryCode, input.code))
    errors.push({ path: 'code', code: 'registry_centre_code_taken' });
  if (errors.length) throw invalidFields(errors);
  const id = uuidv7();
  const at = nowIso(ctx);
  await withTx(ctx, async (trx, audit) => {
    await insertCentre(trx, {
      id,
      country_code: actor.countryCode,
      code: input.code,
      names: JSON.stringify(input.names),
      type: input.type,
      agency_id: input.agencyId ?? null,
      status: input.status,
      places_adult_men: input.capacity.adult_men,
      places_adult_women: input.capacity.adult_women,
      places_families: input.capacity.families,
      places_unaccompanied_children: input.capacity.unaccompanied_children,
      services: JSON.stringify(input.services),
      created_by: actor.userId,
      created_at: at,
      updated_at: at,
    });
    await audit({
      action: 'registry.centre_created',
      objectType: 'registry_centre',
      objectId: id,
      details: { country: actor.countryCode, code: input.code },
    });
  });
  return presentCentre(ctx, (await findCentre(ctx.db.kysely, id)) as CentreRow);
}

/** A centre of the actor's country, else 404 (logged). */
async function centreInScope(ctx: Ctx, id: string, action: string): Promise<CentreRow> {
  return requireInScope(ctx, await findCentre(ctx.db.kysely, id), {
    action,
    objectType: 'registry_centre',
    objectId: id,
  });
}

// ---- persons

export interface PersonFields {
  givenNames: string;
  familyNames: string;
  documentGivenNames: string | null;
  documentFamilyNames: string | null;
  aliases: string[];
  documentNumber: string | null;
}

export function decryptPerson(deps: Deps, r: PersonRow): PersonFields {
  return {
    givenNames: dec(deps, r.given_names_enc, P.given),
    familyNames: dec(deps, r.family_names_enc, P.family),
    documentGivenNames: decOrNull(deps, r.document_given_names_enc, P.docGiven),
    documentFamilyNames: decOrNull(deps, r.document_family_names_enc, P.docFamily),
    aliases: JSON.parse(dec(deps, r.aliases_enc, P.aliases)) as string[],
    documentNumber: decOrNull(deps, r.document_number_enc, P.document),
  };
}

/**
 * A person's record as the engine compares it: the names as stated, then as in a document, each
 * with the person's document number and with each of their other documents' (registry-documents).
 */
export function variantsOf(
  r: PersonRow,
  f: PersonFields,
  documents: readonly string[] = [],
): IdentityFields[] {
  const base = {
    birthDate: r.birth_date,
    birthDateEstimated: r.birth_date_precision === 'estimated_age',
    sex: r.sex,
    nationality: r.nationality,
  };
  const names = [{ givenNames: f.givenNames, familyNames: f.familyNames }];
  if (f.documentGivenNames || f.documentFamilyNames)
    names.push({
      givenNames: f.documentGivenNames ?? f.givenNames,
      familyNames: f.documentFamilyNames ?? f.familyNames,
    });
  const numbers = [f.documentNumber, ...documents.filter((d) => d !== f.documentNumber)];
  return [...new Set(numbers)].flatMap((documentNumber) =>
    names.map((n) => ({ ...base, ...n, documentNumber })),
  );
}

/** The blocking keys stored for a person: each variant's, as keyed hashes (blind index). */
export function storedKeys(deps: Deps, variants: readonly IdentityFields[]): string[] {
  const keys = new Set(variants.flatMap((v) => personBlockingKeys(v)));
  return [...new Set(blindValues(deps.config.secretKey, [...keys]))];
}

/** What the officer typed, as the engine compares it; refuses a birth date after today. */
export function identityOf(ctx: Ctx, q: IdentityInput, path = ''): IdentityFields {
  const birthDate = birthDateOf(q, today(ctx));
  if (q.birthDate && isFuture(q.birthDate, today(ctx)))
    throw invalidFields([{ path: `${path}birthDate`, code: 'registry_birth_date_future' }]);
  return {
    givenNames: q.givenNames ?? null,
    familyNames: q.familyNames ?? null,
    birthDate,
    birthDateEstimated: !q.birthDate && q.estimatedAge !== undefined,
    sex: q.sex ?? null,
    nationality: q.nationality ?? null,
    documentNumber: q.documentNumber ?? null,
  };
}

export interface RankedPerson {
  row: PersonRow;
  fields: PersonFields;
}

/**
 * A search's candidates are drawn from a pool this many times their number: at a million
 * persons a returning person's keys may all be common (a frequent name, and a date typed
 * differently), and 200 namesakes holding the same keys came before them in an arbitrary order.
 */
const CANDIDATE_POOL_FACTOR = 2;

/**
 * The best `limit` of a pool of candidates, by the weight of the keys they share with the query
 * and the engine's weight of the fields stored in clear (birth date, sex, nationality): the
 * namesake born in the year said comes before the one born twenty years apart, before any name
 * is decrypted.
 */
function preRank<T extends PersonRow & { key_score: number }>(
  query: IdentityFields,
  pool: readonly T[],
  limit: number,
): T[] {
  const plain = (f: IdentityFields): IdentityFields => ({
    birthDate: f.birthDate ?? null,
    birthDateEstimated: f.birthDateEstimated ?? false,
    sex: f.sex ?? null,
    nationality: f.nationality ?? null,
  });
  if (pool.length <= limit || (!query.birthDate && !query.sex && !query.nationality))
    return pool.slice(0, limit);
  const scored = scoreCandidates(plain(query), pool, (r) => [
    plain({
      birthDate: r.birth_date,
      birthDateEstimated: r.birth_date_precision === 'estimated_age',
      sex: r.sex,
      nationality: r.nationality,
    }),
  ]);
  return scored
    .map((s) => ({ row: s.candidate, pre: s.candidate.key_score + s.explanation.total }))
    .sort((a, b) => b.pre - a.pre)
    .slice(0, limit)
    .map((s) => s.row);
}

/**
 * Candidate retrieval and scoring, one code path for the search before create and the duplicate
 * scan: the persons of a country sharing a blocking key with `query` (retrieved in the database),
 * `limit` of them chosen from a `pool` (preRank), decrypted and scored by the engine, best first.
 * A kept person is compared under their own variants and those of every person merged into them
 * (a merge keeps every record).
 */
export async function rankCandidates(
  deps: Deps,
  db: Q,
  countryCode: string,
  query: IdentityFields,
  limit = CANDIDATES_MAX,
  pool = limit * CANDIDATE_POOL_FACTOR,
) {
  const keys = blindValues(deps.config.secretKey, personBlockingKeys(query));
  const found = await candidatesByKeys(
    db,
    countryCode,
    keyWeights(await keyPostings(db, countryCode, keys)),
    pool,
  );
  const rows = preRank(query, found, limit);
  const merged = await personsMergedInto(
    db,
    rows.map((r) => r.id),
  );
  const people: RankedPerson[] = rows.map((r) => ({ row: r, fields: decryptPerson(deps, r) }));
  // Every document of each person is compared: whoever holds the number typed is found by it.
  const documents = await otherDocumentNumbers(
    deps,
    db,
    [...rows, ...merged].map((r) => r.id),
  );
  const mergedInto = new Map<string, RankedPerson[]>();
  for (const m of merged) {
    const list = mergedInto.get(m.merged_into ?? '') ?? [];
    list.push({ row: m, fields: decryptPerson(deps, m) });
    mergedInto.set(m.merged_into ?? '', list);
  }
  const ranked = scoreCandidates(query, people, (p) =>
    [p, ...(mergedInto.get(p.row.id) ?? [])].flatMap((x) =>
      variantsOf(x.row, x.fields, documents.get(x.row.id)),
    ),
  );
  return { compared: rows.length, ranked };
}

export async function searchPersons(ctx: Ctx, q: IdentityInput): Promise<SearchResult> {
  const actor = await requirePermission(ctx, 'registry.read');
  if (!q.givenNames && !q.familyNames && !q.documentNumber) throw badRequest('registry_search_too_little');
  const query = identityOf(ctx, q);
  const { compared, ranked: all } = await rankCandidates(ctx, ctx.db.kysely, actor.countryCode, query);
  const ranked = all
    // A person holding the same document is shown whatever the names say: a false name, or a
    // family's shared document, is what the officer must see before registering someone new.
    .filter((s) => s.probability >= CANDIDATE_FLOOR || sharesDocument(s.explanation))
    .slice(0, SEARCH_RESULTS_MAX);
  const inCentre = await personsInCentre(
    ctx.db.kysely,
    ranked.map((s) => s.candidate.row.id),
  );
  // Reading candidates is reading personal records: audited, with their ids (never names).
  await withTx(ctx, async (_trx, audit) => {
    await audit({
      action: 'registry.persons_searched',
      objectType: 'registry_person',
      details: {
        compared,
        returned: ranked.length,
        ids: ranked.map((s) => s.candidate.row.id).join(' '),
      },
    });
  });
  return {
    compared,
    candidates: ranked.map(({ candidate: { row, fields }, probability, explanation }) => ({
      person: {
        id: row.id,
        givenNames: fields.givenNames,
        familyNames: fields.familyNames,
        sex: row.sex as Person['sex'],
        birthDate: row.birth_date,
        birthDatePrecision: row.birth_date_precision as Person['birthDatePrecision'],
        nationality: row.nationality,
        inCentre: inCentre.has(row.id),
      },
      score: Number(probability.toFixed(4)),
      explanation,
    })),
  };
}

/** A stay as a person's record lists it (the person's own page, or what a share carries). */
export function staySummaryOf(ctx: Ctx, s: StayOfPerson): Omit<Person['stays'][number], 'belongingsHeld'> {
  return {
    id: s.id,
    centreId: s.centre_id,
    centreName: centreName(s.centre_names, ctx.locale),
    unit: s.unit as CentreUnit,
    status: s.status as 'open' | 'released',
    admittedAt: s.admitted_at,
    releasedAt: s.released_at,
    releaseOutcome: s.release_outcome as Person['stays'][number]['releaseOutcome'],
    releaseCheckPending: Number(s.pending_checks) > 0,
  };
}

const PHOTO_OWNER = 'registry_person';

/** A person's photo is read by the registry readers of the person's country. */
registerFileOwner(PHOTO_OWNER, async (ctx, personId) => {
  const actor = ctx.actor;
  if (!actor?.permissions.has('registry.read')) return false;
  return (await findPerson(ctx.db.kysely, personId))?.country_code === actor.countryCode;
});

/** The latest photo attached to a person. */
async function photoOf(ctx: Ctx, personId: string): Promise<Person['photo']> {
  const photos = (await listAttachedFiles(ctx, PHOTO_OWNER, [personId])).get(personId) ?? [];
  const latest = photos.at(-1);
  return latest ? { id: latest.id, name: latest.name, type: latest.type } : null;
}

/** Attaches a staged image as the person's photo, in the caller's transaction (images only). */
async function attachPhoto(ctx: Ctx, trx: Tx, actor: Actor, personId: string, fileId: string) {
  await attachFiles(trx, actor, [fileId], {
    ownerType: PHOTO_OWNER,
    ownerId: personId,
    at: nowIso(ctx),
    images: true,
  });
}

async function presentPerson(ctx: Ctx, actor: Actor, r: PersonRow): Promise<Person> {
  const f = decryptPerson(ctx, r);
  const stays = await staysOfPerson(ctx.db.kysely, r.id);
  const held = await heldItemsOfStays(
    ctx.db.kysely,
    stays.map((s) => s.id),
  );
  return {
    id: r.id,
    countryCode: r.country_code,
    ...f,
    sex: r.sex as Person['sex'],
    birthDate: r.birth_date,
    birthDatePrecision: r.birth_date_precision as Person['birthDatePrecision'],
    nationality: r.nationality,
    otherNationalities: JSON.parse(r.other_nationalities) as string[],
    languages: JSON.parse(r.languages) as string[],
    mergedInto: r.merged_into,
    createdAt: r.created_at,
    mrz: await mrzOfPerson(ctx, ctx.db.kysely, r.id),
    documents: await documentsOf(ctx, ctx.db.kysely, [
      r.id,
      ...(await personsMergedInto(ctx.db.kysely, [r.id])).map((m) => m.id),
    ]),
    photo: await photoOf(ctx, r.id),
    stays: stays.map((s) => ({ ...staySummaryOf(ctx, s), belongingsHeld: held.get(s.id) ?? 0 })),
    abilities: { admit: mayAdmit(actor, r.country_code) && !stays.some((s) => s.status === 'open') },
  };
}

/**
 * A checked person's row (names, aliases and document encrypted) and its blocking keys as blind
 * hashes: what registering writes. Also used by the registry's benchmark to load a register.
 */
export function personRecord(
  ctx: Ctx,
  who: { id: string; countryCode: string; userId: string },
  input: ReturnType<typeof personInputSchema.parse>,
  birthDate: string | null,
): { row: PersonRow; keys: string[] } {
  const fields: PersonFields = {
    givenNames: input.givenNames,
    familyNames: input.familyNames,
    documentGivenNames: input.documentGivenNames ?? null,
    documentFamilyNames: input.documentFamilyNames ?? null,
    aliases: input.aliases,
    documentNumber: input.documentNumber ?? null,
  };
  const row: PersonRow = {
    id: who.id,
    country_code: who.countryCode,
    given_names_enc: enc(ctx, fields.givenNames, P.given),
    family_names_enc: enc(ctx, fields.familyNames, P.family),
    document_given_names_enc: encOrNull(ctx, fields.documentGivenNames, P.docGiven),
    document_family_names_enc: encOrNull(ctx, fields.documentFamilyNames, P.docFamily),
    aliases_enc: enc(ctx, JSON.stringify(fields.aliases), P.aliases),
    sex: input.sex,
    birth_date: birthDate,
    birth_date_precision: input.birthDatePrecision,
    nationality: input.nationality,
    other_nationalities: JSON.stringify(input.otherNationalities),
    languages: JSON.stringify(input.languages),
    document_number_enc: encOrNull(ctx, fields.documentNumber, P.document),
    merged_into: null,
    created_by: who.userId,
    created_at: nowIso(ctx),
  };
  // Keys are computed at write time, so a search is one indexed lookup.
  return { row, keys: storedKeys(ctx, variantsOf(row, fields)) };
}

export async function createPerson(ctx: Ctx, body: PersonInput): Promise<Person> {
  const actor = await requirePermission(ctx, 'registry.write');
  const input = personInputSchema.parse(body);
  const errors: FieldError[] = [];
  const birthDate = birthDateOf(input, today(ctx));
  if (input.birthDate && isFuture(input.birthDate, today(ctx)))
    errors.push({ path: 'birthDate', code: 'registry_birth_date_future' });
  else if (
    !precisionFits(input.birthDatePrecision, birthDate) ||
    (input.birthDatePrecision === 'estimated_age') !== (input.estimatedAge !== undefined)
  )
    errors.push({ path: 'birthDate', code: 'registry_birth_date_invalid' });
  if (errors.length) throw invalidFields(errors);
  const id = uuidv7();
  const mrz = mrzOfNewPerson(ctx, id, input);
  const { row, keys } = personRecord(
    ctx,
    { id, countryCode: actor.countryCode, userId: actor.userId },
    input,
    birthDate,
  );
  await withTx(ctx, async (trx, audit) => {
    await insertPerson(trx, row, keys);
    if (mrz) await insertPersonMrz(trx, mrz);
    await insertRegistrationDocument(trx, row, mrz);
    if (input.photoFileId) await attachPhoto(ctx, trx, actor, id, input.photoFileId);
    await audit({
      action: 'registry.person_created',
      objectType: 'registry_person',
      objectId: id,
      details: mrz
        ? { country: actor.countryCode, mrzFlags: (JSON.parse(mrz.flags) as unknown[]).length }
        : { country: actor.countryCode },
    });
  });
  return presentPerson(ctx, actor, row);
}

async function personInScope(ctx: Ctx, id: string, action: string): Promise<PersonRow> {
  return requireInScope(ctx, await findPerson(ctx.db.kysely, id), {
    action,
    objectType: 'registry_person',
    objectId: id,
  });
}

export async function getPerson(ctx: Ctx, id: string): Promise<Person> {
  const actor = await requirePermission(ctx, 'registry.read');
  // Another country's person is read only by an accepted share, and only what it carries (the
  // record shared, never the one it may have been merged into since).
  const shared = await personReadByShare(ctx, id);
  const found = shared ? shared.row : await personInScope(ctx, id, 'registry.person_read');
  // A person merged into another is read as the kept one, with the stays of both.
  const row =
    !shared && found.merged_into
      ? ((await findPerson(ctx.db.kysely, found.merged_into)) as PersonRow)
      : found;
  await withTx(ctx, async (_trx, audit) => {
    await audit({
      action: 'registry.person_read',
      objectType: 'registry_person',
      objectId: id,
      ...(shared ? { details: { shared: true } } : row.id === id ? {} : { details: { mergedInto: row.id } }),
    });
  });
  const person = await presentPerson(ctx, actor, row);
  return shared ? restrictToShare(person, shared.extent) : person;
}

// ---- stays

async function presentStay(ctx: Ctx, actor: Actor, s: StayRow): Promise<Stay> {
  const [transfers, check, incident] = await Promise.all([
    transfersOfStay(ctx.db.kysely, s.id),
    latestCheckOfStay(ctx.db.kysely, s.id),
    s.incident_id ? incidentReference(ctx.db.kysely, s.incident_id) : undefined,
  ]);
  return {
    id: s.id,
    personId: s.person_id,
    countryCode: s.country_code,
    centreId: s.centre_id,
    unit: s.unit as CentreUnit,
    admittedAt: s.admitted_at,
    referringAuthority: s.referring_authority,
    incidentId: s.incident_id,
    incident: incident ?? null,
    reason: dec(ctx, s.reason_enc, P.reason),
    custodyType: s.custody_type as Stay['custodyType'],
    attention: JSON.parse(dec(ctx, s.attention_enc, P.attention)) as Stay['attention'],
    status: s.status as Stay['status'],
    releasedAt: s.released_at,
    releaseOutcome: s.release_outcome as Stay['releaseOutcome'],
    releaseNotes: decOrNull(ctx, s.release_notes_enc, P.releaseNotes),
    transfers: transfers.map((t) => ({
      fromCentreId: t.from_centre_id,
      toCentreId: t.to_centre_id,
      at: t.at,
      byName: t.by_name,
    })),
    releaseCheck: check
      ? {
          status: check.status as 'pending' | 'confirmed' | 'rejected',
          score: check.score,
          attemptedAt: check.attempted_at,
          resolvedAt: check.resolved_at,
          releasedAt: check.released_at,
          outcome: check.release_outcome as ReleaseOutcome,
          explanation: JSON.parse(dec(ctx, check.explanation_enc, P.explanation)) as MatchExplanation | null,
        }
      : null,
    abilities: stayAbilities(actor, s, check),
  };
}

/** An instant of a movement: not in the future, not before the stay's last movement. */
async function checkMovementTime(ctx: Ctx, s: StayRow, at: string, path: string): Promise<void> {
  const transfers = await transfersOfStay(ctx.db.kysely, s.id);
  const last = transfers.at(-1)?.at ?? s.admitted_at;
  if (at < last || at > nowIso(ctx)) throw invalidFields([{ path, code: 'registry_time_before_admission' }]);
}

export async function admit(ctx: Ctx, body: AdmissionInput): Promise<Stay> {
  const actor = await requirePermission(ctx, 'registry.write');
  const input = admissionInputSchema.parse(body);
  const person = await personInScope(ctx, input.personId, 'registry.stay_admit');
  const centre = await centreInScope(ctx, input.centreId, 'registry.stay_admit');
  const admittedAt = instant(input.admittedAt);
  if (admittedAt > nowIso(ctx))
    throw invalidFields([{ path: 'admittedAt', code: 'registry_time_before_admission' }]);
  if (input.incidentId) {
    const incident = await incidentCountry(ctx.db.kysely, input.incidentId);
    if (incident?.country_code !== actor.countryCode)
      throw invalidFields([{ path: 'incidentId', code: 'incident_not_found' }]);
  }
  if (centre.status === 'closed') throw conflict('registry_centre_closed');
  // A duplicate merged into another is admitted as the kept person, never on its own.
  if (person.merged_into) throw conflict('registry_person_merged');
  if (await openStayOfPerson(ctx.db.kysely, person.id)) throw conflict('registry_already_in_centre');
  const id = uuidv7();
  const row: StayRow = {
    id,
    person_id: person.id,
    country_code: actor.countryCode,
    admitted_centre_id: centre.id,
    centre_id: centre.id,
    unit: input.unit,
    admitted_at: admittedAt,
    referring_authority: input.referringAuthority,
    incident_id: input.incidentId ?? null,
    reason_enc: enc(ctx, input.reason, P.reason),
    custody_type: input.custodyType,
    attention_enc: enc(ctx, JSON.stringify(input.attention), P.attention),
    status: 'open',
    released_at: null,
    release_outcome: null,
    release_notes_enc: null,
    admitted_by: actor.userId,
    released_by: null,
    created_at: nowIso(ctx),
  };
  await withTx(ctx, async (trx, audit) => {
    // Checked again inside the transaction: two officers admitting the same person at once.
    if (await openStayOfPerson(trx, person.id)) throw conflict('registry_already_in_centre');
    // Both may pass that check before either commits: the partial unique index decides.
    await insertStay(trx, row).catch((error: unknown) => {
      if (isUniqueViolation(error, 'registry_stays_one_open_idx', ['registry_stays.person_id']))
        throw conflict('registry_already_in_centre');
      throw error;
    });
    await audit({
      action: 'registry.stay_admitted',
      objectType: 'registry_stay',
      objectId: id,
      details: { person: person.id, centre: centre.id, unit: input.unit },
    });
    await evaluateAfterMovement(trx, audit, ctx, actor.countryCode);
  });
  return presentStay(ctx, actor, row);
}

async function stayInScope(ctx: Ctx, id: string, action: string): Promise<StayRow> {
  return requireInScope(ctx, await findStay(ctx.db.kysely, id), {
    action,
    objectType: 'registry_stay',
    objectId: id,
  });
}

export async function transfer(ctx: Ctx, id: string, body: TransferInput): Promise<Stay> {
  const actor = await requirePermission(ctx, 'registry.write');
  const input = transferInputSchema.parse(body);
  const stay = await stayInScope(ctx, id, 'registry.stay_transfer');
  const to = await centreInScope(ctx, input.toCentreId, 'registry.stay_transfer');
  if (stay.status !== 'open') throw conflict('registry_stay_not_open');
  if (to.id === stay.centre_id)
    throw invalidFields([{ path: 'toCentreId', code: 'registry_transfer_same_centre' }]);
  // Inside the country only: a stay crosses a border through an explicit share (not here).
  if (to.country_code !== stay.country_code) throw notFound();
  const at = instant(input.at);
  await checkMovementTime(ctx, stay, at, 'at');
  if (to.status === 'closed') throw conflict('registry_centre_closed');
  const unit = input.unit ?? (stay.unit as CentreUnit);
  await withTx(ctx, async (trx, audit) => {
    if (!(await updateOpenStay(trx, stay.id, { centre_id: to.id, unit })))
      throw conflict('registry_stay_not_open');
    await insertTransfer(trx, {
      id: uuidv7(),
      stay_id: stay.id,
      country_code: stay.country_code,
      from_centre_id: stay.centre_id,
      to_centre_id: to.id,
      from_unit: stay.unit,
      to_unit: unit,
      at,
      by_user: actor.userId,
      note_enc: encOrNull(ctx, input.note, P.transferNote),
    });
    // The belongings travel with the person: their custody log says so in the same transaction.
    await logTransferCustody(trx, {
      id: uuidv7(),
      stay_id: stay.id,
      from_centre_id: stay.centre_id,
      to_centre_id: to.id,
      at,
      by_user: actor.userId,
      recorded_at: nowIso(ctx),
    });
    await audit({
      action: 'registry.stay_transferred',
      objectType: 'registry_stay',
      objectId: stay.id,
      details: { from: stay.centre_id, to: to.id, unit },
    });
    await evaluateAfterMovement(trx, audit, ctx, stay.country_code);
  });
  return presentStay(ctx, actor, (await findStay(ctx.db.kysely, stay.id)) as StayRow);
}

/**
 * The identity check at release (footnote 16): what the person leaving says and shows is matched
 * by the engine against the admission record. A match records the release; anything else stops
 * it (409) and leaves a pending check that only a supervisor may resolve.
 */
export async function release(ctx: Ctx, id: string, body: ReleaseInput): Promise<Stay> {
  const actor = await requirePermission(ctx, 'registry.write');
  const input = releaseInputSchema.parse(body);
  const stay = await stayInScope(ctx, id, 'registry.stay_release');
  if (stay.status !== 'open') throw conflict('registry_stay_not_open');
  if (await pendingCheckOfStay(ctx.db.kysely, stay.id)) throw conflict('registry_release_check_pending');
  const releasedAt = instant(input.releasedAt);
  await checkMovementTime(ctx, stay, releasedAt, 'releasedAt');
  const shown = identityOf(ctx, input.identity, 'identity.');
  const person = (await findPerson(ctx.db.kysely, stay.person_id)) as PersonRow;
  const documents = await otherDocumentNumbers(ctx, ctx.db.kysely, [person.id]);
  const [scored] = scoreCandidates(shown, [person], (p) =>
    variantsOf(p, decryptPerson(ctx, p), documents.get(p.id)),
  );
  const probability = scored?.probability ?? 0;
  const score = Number(probability.toFixed(4));
  const matched = probability >= RELEASE_MATCH_THRESHOLD;
  await withTx(ctx, async (trx, audit) => {
    if (matched) {
      const released = await updateOpenStay(trx, stay.id, {
        status: 'released',
        released_at: releasedAt,
        release_outcome: input.outcome,
        release_notes_enc: encOrNull(ctx, input.notes, P.releaseNotes),
        released_by: actor.userId,
      });
      if (!released) throw conflict('registry_stay_not_open');
      await audit({
        action: 'registry.stay_released',
        objectType: 'registry_stay',
        objectId: stay.id,
        details: { outcome: input.outcome, score },
      });
      await evaluateAfterMovement(trx, audit, ctx, stay.country_code);
      return;
    }
    await insertReleaseCheck(trx, {
      id: uuidv7(),
      stay_id: stay.id,
      country_code: stay.country_code,
      status: 'pending',
      score,
      identity_enc: enc(ctx, JSON.stringify(input.identity), P.identity),
      explanation_enc: enc(ctx, JSON.stringify(scored?.explanation ?? null), P.explanation),
      released_at: releasedAt,
      release_outcome: input.outcome,
      release_notes_enc: encOrNull(ctx, input.notes, P.releaseNotes),
      attempted_by: actor.userId,
      attempted_at: nowIso(ctx),
      resolved_by: null,
      resolved_at: null,
      resolution_note_enc: null,
    });
    await audit({
      action: 'registry.release_check_failed',
      objectType: 'registry_stay',
      objectId: stay.id,
      outcome: 'denied',
      details: { outcome: input.outcome, score },
    });
  });
  // The pending check is committed; the release itself did not happen.
  if (!matched) throw new AppError(409, 'registry_identity_mismatch', { score: Math.round(score * 100) });
  return presentStay(ctx, actor, (await findStay(ctx.db.kysely, stay.id)) as StayRow);
}

export async function resolveRelease(
  ctx: Ctx,
  id: string,
  body: { decision: 'same_person' | 'not_same_person'; note: string },
): Promise<Stay> {
  const actor = await requirePermission(ctx, 'registry.supervise');
  const stay = await stayInScope(ctx, id, 'registry.release_resolve');
  const check = await pendingCheckOfStay(ctx.db.kysely, stay.id);
  if (!check) throw conflict('registry_no_pending_check');
  // Four eyes: whoever attempted the release does not decide on its check.
  if (check.attempted_by === actor.userId) {
    await recordDenial(ctx, {
      action: 'registry.release_resolve',
      objectType: 'registry_stay',
      objectId: stay.id,
      reason: 'own_check',
    });
    throw new AppError(403, 'registry_resolve_own_check');
  }
  const at = nowIso(ctx);
  const confirmed = body.decision === 'same_person';
  await withTx(ctx, async (trx, audit) => {
    const resolved = await resolveCheck(trx, check.id, {
      status: confirmed ? 'confirmed' : 'rejected',
      resolved_by: actor.userId,
      resolved_at: at,
      resolution_note_enc: enc(ctx, body.note, P.resolution),
    });
    if (!resolved) throw conflict('registry_no_pending_check');
    await audit({
      action: 'registry.release_check_resolved',
      objectType: 'registry_stay',
      objectId: stay.id,
      details: { decision: body.decision, score: check.score },
    });
    if (!confirmed) return;
    if (
      !(await updateOpenStay(trx, stay.id, {
        status: 'released',
        released_at: check.released_at,
        release_outcome: check.release_outcome,
        release_notes_enc: check.release_notes_enc,
        released_by: check.attempted_by,
      }))
    )
      throw conflict('registry_stay_not_open');
    await audit({
      action: 'registry.stay_released',
      objectType: 'registry_stay',
      objectId: stay.id,
      details: { outcome: check.release_outcome, score: check.score, supervisor: actor.userId },
    });
    await evaluateAfterMovement(trx, audit, ctx, stay.country_code);
  });
  return presentStay(ctx, actor, (await findStay(ctx.db.kysely, stay.id)) as StayRow);
}

// ---- occupancy

const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY;
const dayAfter = (d: string) => new Date(Date.parse(d) + DAY).toISOString().slice(0, 10);

export async function occupancy(ctx: Ctx, id: string, q: OccupancyQuery): Promise<Occupancy> {
  await requirePermission(ctx, 'registry.read');
  const centre = await centreInScope(ctx, id, 'registry.occupancy');
  const to = q.to ?? today(ctx);
  const from =
    q.from ?? new Date(Date.parse(to) - (OCCUPANCY_DEFAULT_DAYS - 1) * DAY).toISOString().slice(0, 10);
  if (from > to || days(from, to) >= OCCUPANCY_MAX_DAYS) throw badRequest('registry_date_range');
  const end = dayAfter(to);
  const dates: string[] = [];
  for (let d = from; d <= to; d = dayAfter(d)) dates.push(d);
  const [occupied, moves, released, current, perDay] = await Promise.all([
    occupiedByUnit(ctx.db.kysely, centre.id),
    movementsPerDay(ctx.db.kysely, centre.id, from, end),
    releasedStays(ctx.db.kysely, centre.id, from, end),
    openStaysOfCentre(ctx.db.kysely, centre.id),
    residentsPerDay(ctx.db.kysely, centre.id, dates, dayAfter),
  ]);
  const places: Record<CentreUnit, number> = {
    adult_men: centre.places_adult_men,
    adult_women: centre.places_adult_women,
    families: centre.places_families,
    unaccompanied_children: centre.places_unaccompanied_children,
  };
  const units = CENTRE_UNITS.map((unit) => {
    const o = occupied.get(unit) ?? 0;
    return { unit, places: places[unit], occupied: o, free: Math.max(0, places[unit] - o) };
  });
  const sum = (k: 'places' | 'occupied' | 'free') => units.reduce((a, u) => a + u[k], 0);
  const count = (list: { day: string; n: number }[]) => new Map(list.map((x) => [x.day, x.n]));
  const [adm, rel, tin, tout] = [
    moves.admitted,
    moves.released,
    moves.transferredIn,
    moves.transferredOut,
  ].map(count) as [Map<string, number>, Map<string, number>, Map<string, number>, Map<string, number>];
  const dayList: Occupancy['days'] = [];
  for (const d of dates) {
    dayList.push({
      date: d,
      arrivals: (adm.get(d) ?? 0) + (tin.get(d) ?? 0),
      departures: (rel.get(d) ?? 0) + (tout.get(d) ?? 0),
    });
  }
  const lengths = released.map((s) => days(s.admitted_at, s.released_at ?? s.admitted_at));
  const now = nowIso(ctx);
  const currentLengths = current.map((s) => days(s.admitted_at, now));
  const mean = (v: number[]) =>
    v.length ? Number((v.reduce((a, b) => a + b, 0) / v.length).toFixed(2)) : null;
  const med = median(lengths);
  const tally = <K extends string>(keys: readonly K[], keyOf: (s: (typeof current)[number]) => K) => {
    const n = new Map<K, number>(keys.map((k) => [k, 0]));
    for (const s of current) n.set(keyOf(s), (n.get(keyOf(s)) ?? 0) + 1);
    return [...n];
  };
  const nationalities = [...new Set(current.map((s) => s.nationality))].sort();
  const index = new Map(dates.map((d, i) => [d, i]));
  const series = <K extends string>(keys: readonly K[], keyOf: (r: (typeof perDay)[number]) => string) => {
    const out = new Map<string, number[]>(keys.map((k) => [k, dates.map(() => 0)]));
    for (const r of perDay) {
      const counts = out.get(keyOf(r)) ?? dates.map(() => 0);
      const i = index.get(r.day) ?? -1;
      if (i >= 0) counts[i] = (counts[i] ?? 0) + r.n;
      out.set(keyOf(r), counts);
    }
    return out;
  };
  const totalPerDay = series(['all'], () => 'all').get('all') ?? [];
  const natSeries = series([], (r) => r.nationality);
  return {
    centreId: centre.id,
    asOf: now,
    from,
    to,
    units,
    total: { places: sum('places'), occupied: sum('occupied'), free: sum('free') },
    days: dayList,
    lengthOfStay: {
      released: lengths.length,
      meanDays: mean(lengths),
      medianDays: med === null ? null : Number(med.toFixed(2)),
      current: currentLengths.length,
      currentMeanDays: mean(currentLengths),
    },
    residents: {
      bySex: tally(PERSON_SEXES, (s) => s.sex as PersonSex).map(([sex, count]) => ({ sex, count })),
      byAgeGroup: tally(AGE_GROUPS, (s) => ageGroupOn(s.birth_date, now)).map(([ageGroup, count]) => ({
        ageGroup,
        count,
      })),
      byNationality: tally(nationalities, (s) => s.nationality)
        .map(([nationality, count]) => ({ nationality, count }))
        .sort((a, b) => b.count - a.count || a.nationality.localeCompare(b.nationality)),
    },
    residentsOverTime: {
      dates,
      total: totalPerDay,
      bySex: [...series(PERSON_SEXES, (r) => r.sex)].map(([sex, counts]) => ({
        sex: sex as PersonSex,
        counts,
      })),
      byAgeGroup: [...series(AGE_GROUPS, (r) => r.age_group)].map(([ageGroup, counts]) => ({
        ageGroup: ageGroup as AgeGroup,
        counts,
      })),
      // Most resident-days first: the chart's legend starts with the nationalities that weigh most.
      byNationality: [...natSeries]
        .map(([nationality, counts]) => ({ nationality, counts, sum: counts.reduce((a, b) => a + b, 0) }))
        .sort((a, b) => b.sum - a.sum || a.nationality.localeCompare(b.nationality))
        .map(({ nationality, counts }) => ({ nationality, counts })),
    },
  };
}

/**
 * The regional view of action 6: people in centres now by country, sex, age group and nationality,
 * for a registry reader of any country. Person-level data never leaves its country here: every
 * column is small-cell suppressed (primary and secondary) as the statistics are, whoever asks.
 */
export async function regionalAggregates(ctx: Ctx): Promise<RegistryAggregates> {
  await requirePermission(ctx, 'registry.read');
  const now = nowIso(ctx);
  const rows = await residentsOfRegion(ctx.db.kysely);
  const byCountry = new Map<string, typeof rows>();
  for (const r of rows) {
    const list = byCountry.get(r.country_code);
    if (list) list.push(r);
    else byCountry.set(r.country_code, [r]);
  }
  const shown = <T extends object>(items: T[], counts: number[]) => {
    const out = suppressColumn(counts);
    return items.map((item, i) => ({
      ...item,
      persons: out.values[i] ?? null,
      suppressed: out.suppressed[i] ?? false,
    }));
  };
  const countBy = <K extends string>(
    list: typeof rows,
    keys: readonly K[],
    keyOf: (r: (typeof rows)[number]) => K,
  ) => keys.map((k) => list.filter((r) => keyOf(r) === k).length);
  const codes = [...byCountry.keys()].sort();
  const totals = shown(
    codes.map((countryCode) => ({ countryCode })),
    codes.map((c) => byCountry.get(c)?.length ?? 0),
  );
  return {
    asOf: now,
    countries: totals.map((t) => {
      const list = byCountry.get(t.countryCode) ?? [];
      const nationalities = [...new Set(list.map((r) => r.nationality))].sort();
      return {
        ...t,
        bySex: shown(
          PERSON_SEXES.map((sex) => ({ sex })),
          countBy(list, PERSON_SEXES, (r) => r.sex as PersonSex),
        ),
        byAgeGroup: shown(
          AGE_GROUPS.map((ageGroup) => ({ ageGroup })),
          countBy(list, AGE_GROUPS, (r) => ageGroupOn(r.birth_date, now)),
        ),
        byNationality: shown(
          nationalities.map((nationality) => ({ nationality })),
          countBy(list, nationalities, (r) => r.nationality),
        ),
      };
    }),
    total: (() => {
      const v = suppressValue(rows.length);
      return { persons: v.value, suppressed: v.suppressed };
    })(),
  };
}

function presentResources(row: CentreResourcesRow): CentreResources {
  return {
    centreId: row.centre_id,
    asOf: row.as_of,
    staff: JSON.parse(row.staff),
    budget: JSON.parse(row.budget),
    declaredAt: row.declared_at,
  };
}

/** A centre's resources (action 7): the latest declaration and the history of declarations. */
export async function centreResources(ctx: Ctx, id: string): Promise<CentreResourcesHistory> {
  await requirePermission(ctx, 'registry.read');
  const centre = await centreInScope(ctx, id, 'registry.centre_resources');
  const rows = await centreResourcesOf(ctx.db.kysely, centre.id);
  // One point per day declared: rows come latest first, so the first of each day is its latest.
  const points = [...new Map(rows.map((r) => [r.as_of, r] as const).reverse()).values()]
    .map(presentResources)
    .sort((a, b) => a.asOf.localeCompare(b.asOf));
  const currencies = [...new Set(points.flatMap((p) => p.budget.map((b) => b.currency)))].sort();
  const cents = (v: number) => Math.round(v * 100);
  return {
    series: {
      dates: points.map((p) => p.asOf),
      staff: CENTRE_STAFF_ROLES.map((role) => ({
        role,
        counts: points.map((p) => p.staff.find((x) => x.role === role)?.count ?? 0),
      })),
      // Summed in cents, so that 0.1 + 0.2 is 0.3.
      budget: currencies.map((currency) => ({
        currency,
        amounts: points.map(
          (p) =>
            p.budget.filter((b) => b.currency === currency).reduce((a, b) => a + cents(b.amount), 0) / 100,
        ),
      })),
    },
    current: rows[0] ? presentResources(rows[0]) : null,
    history: rows.map((r) => ({
      asOf: r.as_of,
      declaredAt: r.declared_at,
      staff: (JSON.parse(r.staff) as { count: number }[]).reduce((a, x) => a + x.count, 0),
    })),
  };
}

/** A supervisor declares a centre's staff and budget lines on a day; earlier declarations stay. */
export async function declareCentreResources(
  ctx: Ctx,
  id: string,
  body: CentreResourcesInput,
): Promise<CentreResourcesHistory> {
  const actor = await requirePermission(ctx, 'registry.supervise');
  const input = centreResourcesInputSchema.parse(body);
  const centre = await centreInScope(ctx, id, 'registry.centre_resources_declare');
  if (input.asOf > today(ctx))
    throw invalidFields([{ path: 'asOf', code: 'registry_resources_date_future' }]);
  const roles = input.staff.map((s) => s.role);
  const repeated = roles.findIndex((r, i) => roles.indexOf(r) !== i);
  if (repeated >= 0)
    throw invalidFields([{ path: `staff.${repeated}.role`, code: 'registry_staff_role_repeated' }]);
  const rowId = uuidv7();
  await withTx(ctx, async (trx, audit) => {
    await insertCentreResources(trx, {
      id: rowId,
      centre_id: centre.id,
      country_code: centre.country_code,
      as_of: input.asOf,
      staff: JSON.stringify(input.staff),
      budget: JSON.stringify(input.budget),
      declared_by: actor.userId,
      declared_at: nowIso(ctx),
    });
    await audit({
      action: 'registry.centre_resources_declared',
      objectType: 'registry_centre',
      objectId: centre.id,
      details: { asOf: input.asOf, staffRoles: input.staff.length, budgetLines: input.budget.length },
    });
  });
  return centreResources(ctx, centre.id);
}

// ---- what a centre works from: a stay, the residents, the checks waiting for a supervisor

export async function getStay(ctx: Ctx, id: string): Promise<Stay> {
  const actor = await requirePermission(ctx, 'registry.read');
  const stay = await stayInScope(ctx, id, 'registry.stay_read');
  await withTx(ctx, async (_trx, audit) => {
    await audit({ action: 'registry.stay_read', objectType: 'registry_stay', objectId: id });
  });
  return presentStay(ctx, actor, stay);
}

export async function residents(ctx: Ctx, id: string, q: ResidentsQuery): Promise<ResidentPage> {
  await requirePermission(ctx, 'registry.read');
  const { limit, offset } = residentsQuerySchema.parse(q);
  const centre = await centreInScope(ctx, id, 'registry.residents_read');
  const [rows, total] = await Promise.all([
    residentsOfCentre(ctx.db.kysely, centre.id, limit, offset),
    countResidents(ctx.db.kysely, centre.id),
  ]);
  // A list of names is a read of personal data: audited with the persons it showed.
  await withTx(ctx, async (_trx, audit) => {
    await audit({
      action: 'registry.residents_read',
      objectType: 'registry_centre',
      objectId: centre.id,
      details: { shown: rows.length, offset, ids: rows.map((r) => r.id).join(' ') },
    });
  });
  return {
    total,
    items: rows.map((r) => ({
      stayId: r.stay_id,
      personId: r.id,
      givenNames: dec(ctx, r.given_names_enc, P.given),
      familyNames: dec(ctx, r.family_names_enc, P.family),
      sex: r.sex as PersonSex,
      birthDate: r.birth_date,
      birthDatePrecision: r.birth_date_precision as Person['birthDatePrecision'],
      nationality: r.nationality,
      unit: r.unit as CentreUnit,
      admittedAt: r.admitted_at,
      releaseCheckPending: Number(r.pending_checks) > 0,
    })),
  };
}

/** The releases of the actor's country stopped by the identity check: a supervisor's queue. */
export async function pendingReleaseChecks(ctx: Ctx): Promise<{ items: PendingReleaseCheck[] }> {
  const actor = await requirePermission(ctx, 'registry.supervise');
  const rows = await pendingChecksOfCountry(ctx.db.kysely, actor.countryCode);
  await withTx(ctx, async (_trx, audit) => {
    await audit({
      action: 'registry.release_checks_read',
      objectType: 'registry_stay',
      details: { shown: rows.length, ids: rows.map((r) => r.stay_id).join(' ') },
    });
  });
  return {
    items: rows.map((r) => ({
      stayId: r.stay_id,
      personId: r.person_id,
      givenNames: dec(ctx, r.given_names_enc, P.given),
      familyNames: dec(ctx, r.family_names_enc, P.family),
      centreId: r.centre_id,
      centreName: centreName(r.centre_names, ctx.locale),
      score: r.score,
      outcome: r.release_outcome as ReleaseOutcome,
      releasedAt: r.released_at,
      attemptedAt: r.attempted_at,
      attemptedByName: r.attempted_by_name,
      mayResolve: r.attempted_by !== actor.userId,
    })),
  };
}

/** Adds a photo to a person of the actor's country (the latest one is shown). Audited. */
export async function addPersonPhoto(ctx: Ctx, id: string, body: { fileId: string }): Promise<Person> {
  const actor = await requirePermission(ctx, 'registry.write');
  const row = await personInScope(ctx, id, 'registry.person_photo');
  await withTx(ctx, async (trx, audit) => {
    await attachPhoto(ctx, trx, actor, row.id, body.fileId);
    await audit({
      action: 'registry.person_photo_added',
      objectType: 'registry_person',
      objectId: row.id,
      details: { file: body.fileId },
    });
  });
  return presentPerson(ctx, actor, row);
}
