import type { SortDirection } from '@enlace/shared';
import type { Expression, Kysely, Selectable, SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { DialectName } from '../../db/dialect';
import { countUpTo, type OrderColumn, orderTerm } from '../../db/order';
import type { Database } from '../../db/schema';
import type {
  ExchangeMessagesTable,
  ExchangeParticipantsTable,
  ExchangeReceiptsTable,
  ExchangeThreadsTable,
} from '../../db/schema/exchange';
import type { Actor, Tx } from '../../platform/context';

export type Q = Tx | Kysely<Database>;
export type ThreadRow = Selectable<ExchangeThreadsTable>;
export type ParticipantRow = Selectable<ExchangeParticipantsTable>;
export type MessageRow = Selectable<ExchangeMessagesTable>;
export type ReceiptRow = Selectable<ExchangeReceiptsTable>;

/**
 * The threads an actor takes part in: as owner, as a participant user, through their agency or
 * country, or through a broadcast to the network; the prosecutors' channel for prosecutors only.
 * Deny by default: the caller has checked the actor's permission and authorisation.
 */
function threadsOf(db: Q, actor: Actor) {
  return db.selectFrom('exchange_threads').where((eb) =>
    eb.and([
      actor.role === 'prosecutor' ? sql<SqlBool>`1 = 1` : eb('exchange_threads.channel', '=', 'network'),
      eb.or([
        eb('exchange_threads.owner_id', '=', actor.userId),
        eb.exists(
          eb
            .selectFrom('exchange_participants as p')
            .select(sql<number>`1`.as('one'))
            .whereRef('p.thread_id', '=', 'exchange_threads.id')
            .where('p.removed_at', 'is', null)
            .where((pe) =>
              pe.or([
                pe.and([pe('p.kind', '=', 'user'), pe('p.ref', '=', actor.userId)]),
                ...(actor.agencyId
                  ? [pe.and([pe('p.kind', '=', 'agency'), pe('p.ref', '=', actor.agencyId)])]
                  : []),
                pe.and([pe('p.kind', '=', 'country'), pe('p.ref', '=', actor.countryCode)]),
                pe('p.kind', '=', 'network'),
              ]),
            ),
        ),
      ]),
    ]),
  );
}

export interface ThreadFilter {
  channel?: string;
  status?: string;
  unreadOnly?: boolean;
  match?: Expression<SqlBool>;
}

function filtered(db: Q, actor: Actor, filter: ThreadFilter) {
  let qb = threadsOf(db, actor);
  if (filter.channel) qb = qb.where('exchange_threads.channel', '=', filter.channel);
  if (filter.status) qb = qb.where('exchange_threads.status', '=', filter.status);
  if (filter.match) qb = qb.where(filter.match);
  if (filter.unreadOnly) {
    qb = qb.where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('exchange_reads as r')
            .select(sql<number>`1`.as('one'))
            .whereRef('r.thread_id', '=', 'exchange_threads.id')
            .where('r.user_id', '=', actor.userId)
            .whereRef('r.read_at', '>=', 'exchange_threads.last_message_at'),
        ),
      ),
    );
  }
  return qb;
}

export type ThreadSort = 'lastMessageAt' | 'replyBy' | 'reference' | 'priority';
const SORTS: Record<ThreadSort, OrderColumn> = {
  lastMessageAt: { ref: 'exchange_threads.last_message_at' },
  replyBy: { ref: 'exchange_threads.reply_by', nullable: true },
  reference: { ref: 'exchange_threads.reference', bytes: true },
  priority: { ref: 'exchange_threads.priority', bytes: true },
};

export function pageOfThreads(
  db: Q,
  dialect: DialectName,
  actor: Actor,
  filter: ThreadFilter,
  page: { sort: ThreadSort; dir: SortDirection; limit: number; offset: number },
) {
  return filtered(db, actor, filter)
    .leftJoin('exchange_reads as r', (j) =>
      j.onRef('r.thread_id', '=', 'exchange_threads.id').on('r.user_id', '=', actor.userId),
    )
    .selectAll('exchange_threads')
    .select('r.read_at as my_read_at')
    .orderBy(orderTerm(dialect, SORTS[page.sort], page.dir))
    .orderBy('exchange_threads.id', page.dir)
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export function countThreads(db: Q, actor: Actor, filter: ThreadFilter, cap: number): Promise<number> {
  return countUpTo(db, filtered(db, actor, filter), cap);
}

/** The thread if the actor takes part in it; undefined otherwise (the caller answers 404). */
export function findVisibleThread(db: Q, actor: Actor, id: string) {
  return threadsOf(db, actor)
    .leftJoin('exchange_reads as r', (j) =>
      j.onRef('r.thread_id', '=', 'exchange_threads.id').on('r.user_id', '=', actor.userId),
    )
    .selectAll('exchange_threads')
    .select('r.read_at as my_read_at')
    .where('exchange_threads.id', '=', id)
    .executeTakeFirst();
}

export function findMessage(db: Q, id: string): Promise<MessageRow | undefined> {
  return db.selectFrom('exchange_messages').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The forwards of a message (each points at the original), oldest first. */
export function forwardsOf(db: Q, messageId: string): Promise<MessageRow[]> {
  return db
    .selectFrom('exchange_messages')
    .selectAll()
    .where('forwarded_from', '=', messageId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function messagesOf(db: Q, threadId: string) {
  return db
    .selectFrom('exchange_messages as m')
    .leftJoin('users as u', 'u.id', 'm.author_id')
    .leftJoin('exchange_messages as src', 'src.id', 'm.forwarded_from')
    .leftJoin('exchange_threads as st', 'st.id', 'src.thread_id')
    .selectAll('m')
    .select(['u.display_name as author_name', 'st.reference as source_reference'])
    .where('m.thread_id', '=', threadId)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
}

export function participantsOf(db: Q, threadId: string) {
  return db
    .selectFrom('exchange_participants as p')
    .leftJoin('users as u', (j) => j.onRef('u.id', '=', 'p.ref').on('p.kind', '=', 'user'))
    .leftJoin('agencies as a', (j) => j.onRef('a.id', '=', 'p.ref').on('p.kind', '=', 'agency'))
    .selectAll('p')
    .select([
      'u.display_name as user_name',
      'u.country_code as user_country',
      'a.names as agency_names',
      'a.acronym as agency_acronym',
      'a.country_code as agency_country',
    ])
    .where('p.thread_id', '=', threadId)
    .where('p.removed_at', 'is', null)
    .orderBy('p.added_at')
    .execute();
}

export function receiptsOf(db: Q, threadId: string): Promise<ReceiptRow[]> {
  return db
    .selectFrom('exchange_receipts')
    .selectAll()
    .where('thread_id', '=', threadId)
    .orderBy('country_code')
    .execute();
}

/** Records, once per country, a moment of a thread's receipt (first acknowledgement, read, reply). */
export async function markReceipt(
  db: Q,
  threadId: string,
  countryCode: string,
  field: 'acknowledged' | 'read' | 'replied',
  at: string,
  by: string,
): Promise<void> {
  await db
    .insertInto('exchange_receipts')
    .values({ thread_id: threadId, country_code: countryCode })
    .onConflict((oc) => oc.columns(['thread_id', 'country_code']).doNothing())
    .execute();
  const col = `${field}_at` as const;
  const set =
    field === 'acknowledged'
      ? { acknowledged_at: at, acknowledged_by: by }
      : field === 'read'
        ? { read_at: at, read_by: by }
        : { replied_at: at };
  await db
    .updateTable('exchange_receipts')
    .set(set)
    .where('thread_id', '=', threadId)
    .where('country_code', '=', countryCode)
    .where(col, 'is', null)
    .execute();
}

export async function markThreadRead(db: Q, threadId: string, userId: string, at: string): Promise<void> {
  await db
    .insertInto('exchange_reads')
    .values({ thread_id: threadId, user_id: userId, read_at: at })
    .onConflict((oc) => oc.columns(['thread_id', 'user_id']).doUpdateSet({ read_at: at }))
    .execute();
}

/** Open threads with a deadline, not broadcasts, due before `before`, for the deadline job. */
export function threadsDueBefore(db: Q, before: string) {
  return db
    .selectFrom('exchange_threads')
    .selectAll()
    .where('status', '=', 'open')
    .where('reply_by', 'is not', null)
    .where('reply_by', '<=', before)
    .orderBy('reply_by')
    .limit(1000)
    .execute();
}

/**
 * The active users a participant row reaches: the user, an agency's or a country's users with the
 * exchange room (prosecutors only in their channel). A broadcast reaches nobody by notification.
 */
export async function usersReached(
  db: Q,
  participants: readonly Pick<ParticipantRow, 'kind' | 'ref'>[],
  roles: readonly string[],
): Promise<{ id: string; country_code: string }[]> {
  const users = participants.filter((p) => p.kind === 'user').map((p) => p.ref);
  const agencies = participants.filter((p) => p.kind === 'agency').map((p) => p.ref);
  const countries = participants.filter((p) => p.kind === 'country').map((p) => p.ref);
  if (!users.length && !agencies.length && !countries.length) return [];
  return db
    .selectFrom('users')
    .select(['id', 'country_code'])
    .where('status', '=', 'active')
    .where('role', 'in', roles)
    .where((eb) =>
      eb.or([
        ...(users.length ? [eb('id', 'in', users)] : []),
        ...(agencies.length ? [eb('agency_id', 'in', agencies)] : []),
        ...(countries.length ? [eb('country_code', 'in', countries)] : []),
      ]),
    )
    .execute();
}

/** The active accounts of the exchange's roles, with their agency, for picking participants. */
export function exchangeUsers(db: Q, roles: readonly string[], ids?: readonly string[]) {
  let qb = db
    .selectFrom('users')
    .leftJoin('agencies', 'agencies.id', 'users.agency_id')
    .select([
      'users.id',
      'users.display_name',
      'users.country_code',
      'users.role',
      'users.agency_id',
      'agencies.names as agency_names',
      'agencies.acronym as agency_acronym',
    ])
    .where('users.status', '=', 'active')
    .where('users.role', 'in', roles);
  if (ids) qb = qb.where('users.id', 'in', ids);
  return qb.orderBy('users.display_name').orderBy('users.id').execute();
}

/** The active agencies of every country (any of them may take part in an exchange). */
export function activeAgencies(db: Q) {
  return db
    .selectFrom('agencies')
    .select(['id', 'names', 'acronym', 'country_code'])
    .where('active', '=', 1)
    .orderBy('country_code')
    .orderBy('id')
    .execute();
}
