import {
  amountDecimals,
  type BelongingItem,
  type BelongingItemInput,
  type Belongings,
  type BelongingsDiscrepancyList,
  belongingItemInputSchema,
  BELONGING_ITEMS_MAX,
  type BelongingsCustodyInput,
  currencyDecimals,
  belongingsCustodyInputSchema,
  DOCUMENT_LOCALES,
  type DocumentLocale,
  isValidImei,
  knownTimeZone,
  type ReturnInput,
  returnInputSchema,
} from '@enlace/shared';
import countries from 'i18n-iso-countries';
import { recordDenial, requireInScope, requirePermission } from '../../platform/authz/access';
import { type Actor, type Ctx, type Deps, nowIso, withTx } from '../../platform/context';
import { decryptField, encryptField } from '../../platform/crypto';
import { renderPdf } from '../../platform/documents/pdf';
import { AppError, conflict, type FieldError, invalidFields, notFound } from '../../platform/errors';
import { attachFiles, listAttachedFiles, registerFileOwner } from '../../platform/files/files.service';
import { uuidv7 } from '../../platform/ids';
import { notify } from '../../platform/notifications/notifications.service';
import { findUserById } from '../../platform/users/user.repository';
import { type ReceiptContent, receiptDocument } from './belongings.receipt';
import {
  centreSupervisors,
  countItems,
  custodyOfStay,
  DISCREPANCIES_MAX,
  discrepanciesOfCountry,
  findInventory,
  type InventoryRow,
  insertCustody,
  insertInventory,
  insertItem,
  insertReturns,
  itemCountry,
  type ItemWithNames,
  itemsOfStay,
  lockDraft,
  markReceiptIssued,
  nextItemNumber,
  nextReceiptSequence,
  returnsOfStay,
  supersedeItem,
  userNames,
  verifyInventory,
} from './belongings.repository';
import { findCentre, findPerson, findStay, type PersonRow, type StayRow } from './registry.repository';
import { decryptPerson } from './registry.service';

// Purposes bound to each encrypted column: a ciphertext moved to another column does not decrypt.
const P = {
  description: 'registry.belongings.description',
  documentNumber: 'registry.belongings.document_number',
  imei: 'registry.belongings.imei',
  custodyNote: 'registry.belongings.custody_note',
  returnReason: 'registry.belongings.return_reason',
};
const FILE_OWNER = 'registry_belongings_item';

const enc = (deps: Deps, v: string, purpose: string) => encryptField(deps.config.secretKey, v, purpose);
const encOrNull = (deps: Deps, v: string | null | undefined, purpose: string) =>
  v === null || v === undefined || v === '' ? null : enc(deps, v, purpose);
const dec = (deps: Deps, v: string, purpose: string) => decryptField(deps.config.secretKey, v, purpose);
const decOrNull = (deps: Deps, v: string | null, purpose: string) =>
  v === null ? null : dec(deps, v, purpose);
const instant = (v: string) => new Date(v).toISOString();

/** A stay of the actor's country, else 404 (logged). */
async function stayInScope(ctx: Ctx, id: string, action: string): Promise<StayRow> {
  return requireInScope(ctx, await findStay(ctx.db.kysely, id), {
    action,
    objectType: 'registry_stay',
    objectId: id,
  });
}

/**
 * An item's photo is read by whoever reads the registry of the item's country (the inventory
 * itself is open to every registry reader of the country).
 */
registerFileOwner(FILE_OWNER, async (ctx, itemId) => {
  const actor = ctx.actor;
  if (!actor?.permissions.has('registry.read')) return false;
  return (await itemCountry(ctx.db.kysely, itemId)) === actor.countryCode;
});

/** The receipt's language: asked for, else the person's first language when it has one, else the reader's. */
function receiptLanguage(ctx: Ctx, person: PersonRow, asked?: DocumentLocale): DocumentLocale {
  if (asked) return asked;
  const first = (JSON.parse(person.languages) as string[])[0];
  return (DOCUMENT_LOCALES as readonly string[]).includes(first ?? '')
    ? (first as DocumentLocale)
    : ctx.locale;
}

/** The officers who recorded items of an inventory (corrections included): none of them verifies it. */
function recordersOf(items: readonly ItemWithNames[]): string[] {
  return [...new Set(items.map((i) => i.recorded_by))];
}

const isCurrent = (i: { superseded_by: string | null }) => i.superseded_by === null;

async function presentBelongings(ctx: Ctx, actor: Actor, stay: StayRow): Promise<Belongings> {
  const db = ctx.db.kysely;
  const [inventory, items, custody, returns, person] = await Promise.all([
    findInventory(db, stay.id),
    itemsOfStay(db, stay.id),
    custodyOfStay(db, stay.id),
    returnsOfStay(db, stay.id),
    findPerson(db, stay.person_id) as Promise<PersonRow>,
  ]);
  const photos = await listAttachedFiles(
    ctx,
    FILE_OWNER,
    items.map((i) => i.id),
  );
  const returnOf = new Map(returns.map((r) => [r.item_id, r]));
  const numberOf = new Map(items.map((i) => [i.id, i.number]));
  const officerIds = [
    ...new Set([...recordersOf(items), ...(inventory?.verified_by ? [inventory.verified_by] : [])]),
  ];
  const names = new Map((await userNames(db, officerIds)).map((u) => [u.id, u.display_name]));
  const officer = (id: string) => ({ id, name: names.get(id) ?? null });
  const current = items.filter(isCurrent);
  const held = current.filter((i) => !returnOf.has(i.id)).length;
  const returned = current.filter((i) => returnOf.get(i.id)?.outcome === 'returned').length;
  const discrepancies = current.filter((i) => {
    const r = returnOf.get(i.id);
    return r !== undefined && r.outcome !== 'returned';
  }).length;
  const write = actor.permissions.has('registry.write');
  const status = inventory ? (inventory.status as 'draft' | 'verified') : 'none';
  return {
    stayId: stay.id,
    personId: stay.person_id,
    stayStatus: stay.status as 'open' | 'released',
    status,
    receiptNumber: inventory?.receipt_number ?? null,
    recordedBy: recordersOf(items).map(officer),
    verifiedBy: inventory?.verified_by ? officer(inventory.verified_by) : null,
    verifiedAt: inventory?.verified_at ?? null,
    items: items.map((i): BelongingItem => {
      const r = returnOf.get(i.id);
      const photo = photos.get(i.id)?.[0];
      return {
        id: i.id,
        number: i.number,
        kind: i.kind as BelongingItem['kind'],
        description: dec(ctx, i.description_enc, P.description),
        sealNumber: i.seal_number,
        currency: i.currency,
        amount: i.amount,
        documentType: i.document_type as BelongingItem['documentType'],
        documentNumber: decOrNull(ctx, i.document_number_enc, P.documentNumber),
        imei: decOrNull(ctx, i.imei_enc, P.imei),
        photo: photo ? { id: photo.id, name: photo.name, type: photo.type } : null,
        supersedes: i.supersedes,
        supersededBy: i.superseded_by,
        recordedBy: { id: i.recorded_by, name: i.recorded_by_name },
        recordedAt: i.recorded_at,
        return: r
          ? {
              outcome: r.outcome as NonNullable<BelongingItem['return']>['outcome'],
              reason: decOrNull(ctx, r.reason_enc, P.returnReason),
              authority: r.authority,
              at: r.at,
              by: { id: r.by_user, name: r.by_name },
            }
          : null,
      };
    }),
    custody: custody.map((c) => ({
      id: c.id,
      kind: c.kind as Belongings['custody'][number]['kind'],
      place: c.place,
      authority: c.authority,
      reference: c.reference,
      fromCentreId: c.from_centre_id,
      toCentreId: c.to_centre_id,
      items: c.item_ids
        ? (JSON.parse(c.item_ids) as string[]).map((id) => numberOf.get(id) ?? 0).sort((a, b) => a - b)
        : null,
      note: decOrNull(ctx, c.note_enc, P.custodyNote),
      at: c.at,
      by: c.by_user ? { id: c.by_user, name: c.by_name } : null,
    })),
    summary: { held, returned, discrepancies },
    receiptLanguage: receiptLanguage(ctx, person),
    abilities: {
      record: write && stay.status === 'open' && status !== 'verified',
      verify: write && status === 'draft' && current.length > 0 && !recordersOf(items).includes(actor.userId),
      custody: write && items.length > 0,
      return: write && stay.status === 'released' && held > 0,
      receipt: status === 'verified',
    },
  };
}

/** The inventory of a stay, its custody log and returns. Audited: it holds document numbers. */
export async function getBelongings(ctx: Ctx, stayId: string): Promise<Belongings> {
  const actor = await requirePermission(ctx, 'registry.read');
  const stay = await stayInScope(ctx, stayId, 'registry.belongings_read');
  await withTx(ctx, async (_trx, audit) => {
    await audit({ action: 'registry.belongings_read', objectType: 'registry_stay', objectId: stay.id });
  });
  return presentBelongings(ctx, actor, stay);
}

/** The checks of an item that its schema cannot make: a known currency and its decimals, the IMEI. */
function checkItem(input: BelongingItemInput): void {
  const errors: FieldError[] = [];
  if (input.kind === 'cash') {
    const decimals = currencyDecimals(input.currency);
    if (decimals === null) errors.push({ path: 'currency', code: 'registry_belongings_currency_unknown' });
    else if (amountDecimals(input.amount.trim()) > decimals)
      errors.push({
        path: 'amount',
        code: 'registry_belongings_amount_decimals',
        params: { currency: input.currency, decimals },
      });
    else if (Number(input.amount) === 0)
      errors.push({ path: 'amount', code: 'registry_belongings_amount_not_positive' });
  }
  if (input.kind === 'phone' && !isValidImei(input.imei))
    errors.push({ path: 'imei', code: 'registry_belongings_imei_invalid' });
  if (errors.length) throw invalidFields(errors);
}

/**
 * Records an item (and opens the inventory with the first one), or, with `supersedes`, a
 * correction of an item: the old one is marked superseded and the new one recorded. Only while
 * the inventory is a draft and the person is in the centre.
 */
async function recordItem(
  ctx: Ctx,
  stayId: string,
  body: BelongingItemInput,
  supersedes: string | null,
): Promise<Belongings> {
  const actor = await requirePermission(ctx, 'registry.write');
  const input = belongingItemInputSchema.parse(body);
  const stay = await stayInScope(ctx, stayId, 'registry.belongings_record');
  if (stay.status !== 'open') throw conflict('registry_stay_not_open');
  checkItem(input);
  const inventory = await findInventory(ctx.db.kysely, stay.id);
  if (inventory?.status === 'verified') throw conflict('registry_belongings_verified');
  if ((await countItems(ctx.db.kysely, stay.id)) >= BELONGING_ITEMS_MAX)
    throw conflict('registry_belongings_items_limit');
  const at = nowIso(ctx);
  const id = uuidv7();
  await withTx(ctx, async (trx, audit) => {
    if (!inventory)
      await insertInventory(trx, {
        stay_id: stay.id,
        country_code: stay.country_code,
        status: 'draft',
        recorded_by: actor.userId,
        recorded_at: at,
        verified_by: null,
        verified_at: null,
        receipt_number: null,
        receipt_issued_at: null,
      });
    // Locks the inventory while it is a draft: a verification meanwhile waits, or wins and refuses.
    if (!(await lockDraft(trx, stay.id))) throw conflict('registry_belongings_verified');
    const number = await nextItemNumber(trx, stay.id);
    await insertItem(trx, {
      id,
      stay_id: stay.id,
      country_code: stay.country_code,
      number,
      kind: input.kind,
      description_enc: enc(ctx, input.description, P.description),
      seal_number: input.sealNumber,
      currency: input.kind === 'cash' ? input.currency : null,
      amount: input.kind === 'cash' ? input.amount.trim() : null,
      document_type: input.kind === 'document' ? input.documentType : null,
      document_number_enc:
        input.kind === 'document' ? enc(ctx, input.documentNumber, P.documentNumber) : null,
      imei_enc: input.kind === 'phone' ? enc(ctx, input.imei, P.imei) : null,
      supersedes,
      superseded_by: null,
      recorded_by: actor.userId,
      recorded_at: at,
    });
    if (supersedes && !(await supersedeItem(trx, stay.id, supersedes, id)))
      throw conflict('registry_belongings_item_superseded');
    if (input.photoFileId)
      await attachFiles(trx, actor, [input.photoFileId], { ownerType: FILE_OWNER, ownerId: id, at });
    await audit({
      action: supersedes ? 'registry.belongings_item_corrected' : 'registry.belongings_item_recorded',
      objectType: 'registry_stay',
      objectId: stay.id,
      details: { item: id, number, kind: input.kind, ...(supersedes ? { supersedes } : {}) },
    });
  });
  return presentBelongings(ctx, actor, (await findStay(ctx.db.kysely, stay.id)) as StayRow);
}

export function addItem(ctx: Ctx, stayId: string, body: BelongingItemInput): Promise<Belongings> {
  return recordItem(ctx, stayId, body, null);
}

export async function correctItem(
  ctx: Ctx,
  stayId: string,
  itemId: string,
  body: BelongingItemInput,
): Promise<Belongings> {
  await requirePermission(ctx, 'registry.write');
  const stay = await stayInScope(ctx, stayId, 'registry.belongings_record');
  const item = (await itemsOfStay(ctx.db.kysely, stay.id)).find((i) => i.id === itemId);
  if (!item) throw notFound();
  if (!isCurrent(item)) throw conflict('registry_belongings_item_superseded');
  return recordItem(ctx, stay.id, body, item.id);
}

function receiptNumber(countryCode: string, year: number, sequence: number): string {
  const prefix = countries.alpha3ToAlpha2(countryCode) ?? countryCode;
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}

/**
 * A second officer verifies the inventory (four eyes: nobody who recorded an item of it). The
 * receipt gets its number now, from the country's sequence of the year.
 */
export async function verifyBelongings(ctx: Ctx, stayId: string): Promise<Belongings> {
  const actor = await requirePermission(ctx, 'registry.write');
  const stay = await stayInScope(ctx, stayId, 'registry.belongings_verify');
  const inventory = await findInventory(ctx.db.kysely, stay.id);
  if (!inventory) throw conflict('registry_belongings_empty');
  if (inventory.status === 'verified') throw conflict('registry_belongings_verified');
  if (recordersOf(await itemsOfStay(ctx.db.kysely, stay.id)).includes(actor.userId)) {
    await recordDenial(ctx, {
      action: 'registry.belongings_verify',
      objectType: 'registry_stay',
      objectId: stay.id,
      reason: 'own_inventory',
    });
    throw new AppError(403, 'registry_belongings_verify_own');
  }
  const at = nowIso(ctx);
  const year = Number(at.slice(0, 4));
  await withTx(ctx, async (trx, audit) => {
    if (!(await lockDraft(trx, stay.id))) throw conflict('registry_belongings_verified');
    // Read again under the lock: an item recorded by this officer meanwhile would void the rule.
    const items = await itemsOfStay(trx, stay.id);
    if (recordersOf(items).includes(actor.userId)) throw new AppError(403, 'registry_belongings_verify_own');
    const number = receiptNumber(
      stay.country_code,
      year,
      await nextReceiptSequence(trx, stay.country_code, year),
    );
    if (
      !(await verifyInventory(trx, stay.id, {
        verified_by: actor.userId,
        verified_at: at,
        receipt_number: number,
      }))
    )
      throw conflict('registry_belongings_verified');
    await audit({
      action: 'registry.belongings_verified',
      objectType: 'registry_stay',
      objectId: stay.id,
      details: { receipt: number, items: items.filter(isCurrent).length },
    });
  });
  return presentBelongings(ctx, actor, stay);
}

/** The time of a movement or a return: not before the admission, not in the future. */
function checkTime(ctx: Ctx, stay: StayRow, at: string, path: string): void {
  if (at < stay.admitted_at || at > nowIso(ctx))
    throw invalidFields([{ path, code: 'registry_belongings_time' }]);
}

/** Appends a movement of the belongings to the custody log (a transfer writes its own). */
export async function recordCustody(
  ctx: Ctx,
  stayId: string,
  body: BelongingsCustodyInput,
): Promise<Belongings> {
  const actor = await requirePermission(ctx, 'registry.write');
  const input = belongingsCustodyInputSchema.parse(body);
  const stay = await stayInScope(ctx, stayId, 'registry.belongings_custody');
  const items = await itemsOfStay(ctx.db.kysely, stay.id);
  if (items.length === 0) throw conflict('registry_belongings_empty');
  const at = instant(input.at);
  checkTime(ctx, stay, at, 'at');
  const itemIds = input.kind === 'handed_to_authority' ? input.itemIds : undefined;
  if (itemIds) {
    const current = new Set(items.filter(isCurrent).map((i) => i.id));
    const wrong = itemIds.findIndex((id) => !current.has(id));
    if (wrong >= 0)
      throw invalidFields([{ path: `itemIds.${wrong}`, code: 'registry_belongings_item_unknown' }]);
  }
  const id = uuidv7();
  await withTx(ctx, async (trx, audit) => {
    await insertCustody(trx, {
      id,
      stay_id: stay.id,
      country_code: stay.country_code,
      kind: input.kind,
      place: input.kind === 'handed_to_authority' ? null : input.place,
      authority: input.kind === 'handed_to_authority' ? input.authority : null,
      reference: input.kind === 'handed_to_authority' ? input.reference : null,
      from_centre_id: null,
      to_centre_id: null,
      item_ids: itemIds ? JSON.stringify([...new Set(itemIds)]) : null,
      note_enc: encOrNull(ctx, input.note, P.custodyNote),
      at,
      by_user: actor.userId,
      recorded_at: nowIso(ctx),
    });
    await audit({
      action: 'registry.belongings_custody_recorded',
      objectType: 'registry_stay',
      objectId: stay.id,
      details: { entry: id, kind: input.kind, ...(itemIds ? { items: itemIds.length } : {}) },
    });
  });
  return presentBelongings(ctx, actor, stay);
}

/**
 * The return at release, item by item: each current item once. Anything but "returned" is a
 * discrepancy: audited as such and told to the country's centre supervisors (a notice without
 * personal data, naming the stay and the receipt number).
 */
export async function returnBelongings(ctx: Ctx, stayId: string, body: ReturnInput): Promise<Belongings> {
  const actor = await requirePermission(ctx, 'registry.write');
  const input = returnInputSchema.parse(body);
  const stay = await stayInScope(ctx, stayId, 'registry.belongings_return');
  if (stay.status !== 'released') throw conflict('registry_belongings_stay_open');
  const items = await itemsOfStay(ctx.db.kysely, stay.id);
  const inventory = (await findInventory(ctx.db.kysely, stay.id)) as InventoryRow | undefined;
  if (!inventory || items.length === 0) throw conflict('registry_belongings_empty');
  const at = instant(input.at);
  checkTime(ctx, stay, at, 'at');
  const returned = new Set((await returnsOfStay(ctx.db.kysely, stay.id)).map((r) => r.item_id));
  const byId = new Map(items.map((i) => [i.id, i]));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const [n, r] of input.items.entries()) {
    const item = byId.get(r.itemId);
    if (!item || !isCurrent(item) || seen.has(r.itemId))
      errors.push({ path: `items.${n}.itemId`, code: 'registry_belongings_item_unknown' });
    else if (returned.has(r.itemId))
      errors.push({ path: `items.${n}.itemId`, code: 'registry_belongings_already_returned' });
    seen.add(r.itemId);
    if (r.outcome === 'retained') {
      if (!r.authority)
        errors.push({ path: `items.${n}.authority`, code: 'registry_belongings_authority_required' });
      if (!r.reason) errors.push({ path: `items.${n}.reason`, code: 'registry_belongings_reason_required' });
    } else if (r.outcome !== 'returned' && !r.reason)
      errors.push({ path: `items.${n}.reason`, code: 'registry_belongings_reason_required' });
  }
  if (errors.length) throw invalidFields(errors);
  const recordedAt = nowIso(ctx);
  const discrepancies = input.items.filter((r) => r.outcome !== 'returned');
  await withTx(ctx, async (trx, audit) => {
    const inserted = await insertReturns(
      trx,
      input.items.map((r) => ({
        item_id: r.itemId,
        stay_id: stay.id,
        country_code: stay.country_code,
        outcome: r.outcome,
        reason_enc: encOrNull(ctx, r.reason, P.returnReason),
        authority: r.outcome === 'retained' ? (r.authority ?? null) : null,
        at,
        by_user: actor.userId,
        recorded_at: recordedAt,
      })),
    );
    if (!inserted) throw conflict('registry_belongings_already_returned');
    for (const r of input.items) {
      const number = byId.get(r.itemId)?.number ?? 0;
      await audit({
        action: 'registry.belongings_returned',
        objectType: 'registry_stay',
        objectId: stay.id,
        details: { item: r.itemId, number, outcome: r.outcome },
      });
      if (r.outcome !== 'returned')
        await audit({
          action: 'registry.belongings_discrepancy_recorded',
          objectType: 'registry_stay',
          objectId: stay.id,
          details: { item: r.itemId, number, outcome: r.outcome },
        });
    }
    if (discrepancies.length)
      await notify(trx, ctx, {
        userIds: await centreSupervisors(trx, stay.country_code),
        kind: 'registry.belongings_discrepancy',
        objectType: 'registry_belongings',
        objectId: stay.id,
        params: { count: discrepancies.length, receipt: inventory.receipt_number ?? '—' },
      });
  });
  return presentBelongings(ctx, actor, stay);
}

/** The supervisor's list: the belongings discrepancies of the country, the newest first. */
export async function listDiscrepancies(ctx: Ctx): Promise<BelongingsDiscrepancyList> {
  const actor = await requirePermission(ctx, 'registry.supervise');
  const rows = await discrepanciesOfCountry(ctx.db.kysely, actor.countryCode, DISCREPANCIES_MAX + 1);
  const shown = rows.slice(0, DISCREPANCIES_MAX);
  await withTx(ctx, async (_trx, audit) => {
    await audit({
      action: 'registry.belongings_discrepancies_read',
      objectType: 'registry_stay',
      details: { returned: shown.length },
    });
  });
  return {
    truncated: rows.length > DISCREPANCIES_MAX,
    items: shown.map((r) => {
      const names = JSON.parse(r.centre_names) as Record<string, string>;
      return {
        stayId: r.stay_id,
        personId: r.person_id,
        centreId: r.centre_id,
        centreName: names[ctx.locale] ?? names.es ?? '',
        receiptNumber: r.receipt_number,
        itemId: r.item_id,
        itemNumber: r.item_number,
        kind: r.kind as BelongingsDiscrepancyList['items'][number]['kind'],
        description: dec(ctx, r.description_enc, P.description),
        sealNumber: r.seal_number,
        outcome: r.outcome as BelongingsDiscrepancyList['items'][number]['outcome'],
        reason: decOrNull(ctx, r.reason_enc, P.returnReason),
        authority: r.authority,
        at: r.at,
        by: { id: r.by_user, name: r.by_name },
      };
    }),
  };
}

/**
 * The numbered receipt as PDF, in the language asked for (es, en, fr, ht), else the person's
 * first language when it is one of them, else the reader's. Only once verified. Audited: the
 * first download issues it, later ones are downloads.
 */
export async function belongingsReceipt(
  ctx: Ctx,
  stayId: string,
  opts: { lang?: DocumentLocale; timeZone: string | null },
): Promise<{ filename: string; body: Buffer; language: DocumentLocale }> {
  const actor = await requirePermission(ctx, 'registry.read');
  const stay = await stayInScope(ctx, stayId, 'registry.belongings_receipt');
  const db = ctx.db.kysely;
  const inventory = await findInventory(db, stay.id);
  if (inventory?.status !== 'verified' || !inventory.receipt_number)
    throw conflict('registry_belongings_not_verified');
  const [person, centre, items, returns] = await Promise.all([
    findPerson(db, stay.person_id) as Promise<PersonRow>,
    findCentre(db, stay.centre_id),
    itemsOfStay(db, stay.id),
    returnsOfStay(db, stay.id),
  ]);
  const language = receiptLanguage(ctx, person, opts.lang);
  const timeZone = opts.timeZone ?? knownTimeZone((await findUserById(db, actor.userId))?.time_zone) ?? 'UTC';
  const names = new Map(
    (await userNames(db, [...recordersOf(items), inventory.verified_by ?? ''])).map((u) => [
      u.id,
      u.display_name,
    ]),
  );
  const fields = decryptPerson(ctx, person);
  const centreNames = JSON.parse(centre?.names ?? '{}') as Record<string, string>;
  const returnOf = new Map(returns.map((r) => [r.item_id, r]));
  const content: ReceiptContent = {
    number: inventory.receipt_number,
    centre: centreNames[language === 'ht' ? 'fr' : language] ?? centreNames.es ?? '',
    person: `${fields.givenNames} ${fields.familyNames}`,
    admittedAt: stay.admitted_at,
    recordedBy: recordersOf(items).map((id) => names.get(id) ?? id),
    verifiedBy: names.get(inventory.verified_by ?? '') ?? '',
    verifiedAt: inventory.verified_at ?? '',
    items: items.filter(isCurrent).map((i) => {
      const r = returnOf.get(i.id);
      return {
        number: i.number,
        kind: i.kind as BelongingItem['kind'],
        description: dec(ctx, i.description_enc, P.description),
        sealNumber: i.seal_number,
        currency: i.currency,
        amount: i.amount,
        documentType: i.document_type as BelongingItem['documentType'],
        documentNumber: decOrNull(ctx, i.document_number_enc, P.documentNumber),
        imei: decOrNull(ctx, i.imei_enc, P.imei),
        return: r
          ? {
              outcome: r.outcome as NonNullable<BelongingItem['return']>['outcome'],
              authority: r.authority,
              at: r.at,
            }
          : null,
      };
    }),
  };
  const body = await renderPdf(receiptDocument(language, timeZone, content), {
    locale: language,
    timeZone,
    generatedAt: ctx.clock.now(),
  });
  await withTx(ctx, async (trx, audit) => {
    const first = await markReceiptIssued(trx, stay.id, nowIso(ctx));
    await audit({
      action: first ? 'registry.belongings_receipt_issued' : 'registry.belongings_receipt_downloaded',
      objectType: 'registry_stay',
      objectId: stay.id,
      details: { receipt: inventory.receipt_number ?? '', language },
    });
  });
  return { filename: `${inventory.receipt_number}.pdf`, body, language };
}
