import type { Locale, Permission, Role, Scope } from '@enlace/shared';
import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Db } from '../db/dialect';
import type { Database } from '../db/schema';
import { type AuditInput, appendAudit } from './audit/audit';
import type { Clock } from './clock';

/** Who is acting: resolved from the session on every request, never from the request body. */
export interface Actor {
  userId: string;
  role: Role;
  countryCode: string;
  agencyId: string | null;
  scope: Scope;
  permissions: ReadonlySet<Permission>;
  sessionId: string;
}

export interface Deps {
  db: Db;
  config: Config;
  clock: Clock;
}

/** What a service needs to act for someone: its dependencies, the actor and where they are. */
export interface Ctx extends Deps {
  actor: Actor | null;
  ip: string | null;
  locale: Locale;
}

export type Tx = Kysely<Database>;

export function nowIso(ctx: Deps): string {
  return ctx.clock.now().toISOString();
}

/** Runs `fn` in one transaction; `audit` inside it appends to the chain in that same transaction. */
export function withTx<T>(
  ctx: Ctx,
  fn: (trx: Tx, audit: (e: AuditEvent) => Promise<void>) => Promise<T>,
): Promise<T> {
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const audit = async (e: AuditEvent) => {
      await appendAudit(trx, ctx.db.dialect, {
        actorId: ctx.actor?.userId ?? null,
        actorCountry: ctx.actor?.countryCode ?? null,
        ip: ctx.ip,
        occurredAt: nowIso(ctx),
        ...e,
      });
    };
    return fn(trx, audit);
  });
}

export type AuditEvent = Omit<AuditInput, 'occurredAt' | 'actorId' | 'actorCountry' | 'ip'> &
  Partial<Pick<AuditInput, 'actorId' | 'actorCountry'>>;
