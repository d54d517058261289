import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema';
import type { RegistryAbroadTransfersTable } from '../../db/schema/registry-shares';
import type { Tx } from '../../platform/context';

type Q = Tx | Kysely<Database>;
export type AbroadTransferRow = Selectable<RegistryAbroadTransfersTable>;

export async function insertAbroadTransfer(db: Q, row: AbroadTransferRow): Promise<void> {
  await db.insertInto('registry_abroad_transfers').values(row).execute();
}

export function abroadTransfersOf(db: Q, shareIds: readonly string[]): Promise<AbroadTransferRow[]> {
  if (shareIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('registry_abroad_transfers').selectAll().where('share_id', 'in', shareIds).execute();
}

/** A transfer abroad of this stay still waiting for the receiving country's answer. */
export function offeredTransferOfStay(db: Q, stayId: string) {
  return db
    .selectFrom('registry_abroad_transfers as t')
    .innerJoin('shares as s', 's.id', 't.share_id')
    .select('t.share_id')
    .where('t.origin_stay_id', '=', stayId)
    .where('s.status', '=', 'offered')
    .executeTakeFirst();
}

export async function setTransferReceived(db: Q, shareId: string, personId: string, stayId: string) {
  await db
    .updateTable('registry_abroad_transfers')
    .set({ received_person_id: personId, received_stay_id: stayId })
    .where('share_id', '=', shareId)
    .execute();
}
