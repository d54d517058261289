import { readFileSync } from 'node:fs';
import { ROLES, type Role } from '@enlace/shared';
import { Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../config';
import { openDb } from '../db/dialect';
import { migrateToLatest } from '../db/migrate';
import { seedDemo } from '../db/seeds/demo';
import { seedReference } from '../db/seeds/reference';
import { createUser, resetMfa, updateUserAccount } from '../modules/admin/admin.service';
import { verifyAuditChain } from '../platform/audit/audit';
import { systemClock } from '../platform/clock';
import type { Ctx } from '../platform/context';
import { AppError } from '../platform/errors';
import { t } from '../platform/i18n';
import { findUserByEmail } from '../platform/users/user.repository';
import { serve } from '../server';
import { backup } from './backup';

async function withCtx<T>(fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = openDb(config.databaseUrl);
  try {
    await migrateToLatest(db);
    await seedReference(db);
    return await fn({ db, config, clock: systemClock, actor: null, ip: null, locale: 'en' });
  } finally {
    await db.close();
  }
}

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function userByEmail(ctx: Ctx, email: string) {
  const user = await findUserByEmail(ctx.db.kysely, email);
  if (!user) fail(`No account with e-mail ${email}`);
  return user;
}

export function buildCli(): Command {
  const program = new Command('enlace').description('Enlace: regional platform against migrant smuggling');

  program
    .command('serve')
    .description('migrate, seed and serve the application')
    .action(async () => {
      await serve();
    });

  program
    .command('migrate')
    .description('bring the database schema up to date')
    .action(async () => {
      const config = loadConfig();
      const db = openDb(config.databaseUrl);
      const applied = await migrateToLatest(db);
      await seedReference(db);
      await db.close();
      process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Already up to date\n');
    });

  program
    .command('seed')
    .description('load reference data; with --demo, demo data into an empty database')
    .option('--demo', 'also load demo data (never in production)')
    .action(async (opts: { demo?: boolean }) => {
      await withCtx(async (ctx) => {
        if (opts.demo) {
          if (ctx.config.production) fail('Demo data is never loaded in production');
          const loaded = await seedDemo(ctx);
          process.stdout.write(
            loaded ? 'Demo data loaded\n' : 'Database already has users: demo data not loaded\n',
          );
        } else process.stdout.write('Reference data loaded\n');
      });
    });

  const user = program.command('user').description('manage accounts');
  user
    .command('create')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`, (v: string) => {
      if (!(ROLES as readonly string[]).includes(v)) throw new InvalidArgumentError(`Unknown role: ${v}`);
      return v as Role;
    })
    .requiredOption('--country <code>', 'ISO 3166 alpha-3 code, or RCM, IOM, UNODC, UNHCR')
    .option('--agency <id>')
    .option('--locale <locale>', 'es, en or fr', 'es')
    .requiredOption('--password-file <file>', 'file holding the initial password (- for standard input)')
    .action(
      async (o: {
        email: string;
        name: string;
        role: Role;
        country: string;
        agency?: string;
        locale: string;
        passwordFile: string;
      }) => {
        const password = readFileSync(o.passwordFile === '-' ? 0 : o.passwordFile, 'utf8').replace(
          /\r?\n$/,
          '',
        );
        await withCtx(async (ctx) => {
          const created = await createUser(
            ctx,
            {
              email: o.email,
              displayName: o.name,
              role: o.role,
              countryCode: o.country.toUpperCase(),
              agencyId: o.agency ?? null,
              locale: o.locale as 'es',
              password,
            },
            { cli: true },
          );
          process.stdout.write(
            `Created ${created.email} (${created.role}, ${created.countryCode}) id ${created.id}\n`,
          );
        });
      },
    );
  user
    .command('disable <email>')
    .description('disable an account and end its sessions')
    .action(async (email: string) => {
      await withCtx(async (ctx) => {
        const u = await userByEmail(ctx, email);
        await updateUserAccount(ctx, u.id, { status: 'disabled' }, { cli: true });
        process.stdout.write(`Disabled ${email}\n`);
      });
    });
  user
    .command('reset-mfa <email>')
    .description('clear the second factor; the user enrols again at next sign-in')
    .action(async (email: string) => {
      await withCtx(async (ctx) => {
        const u = await userByEmail(ctx, email);
        await resetMfa(ctx, u.id, { cli: true });
        process.stdout.write(`Multi-factor reset for ${email}\n`);
      });
    });

  const audit = program.command('audit').description('the tamper-evident audit trail');
  audit
    .command('verify')
    .description('check the hash chain; exit 0 when intact, 2 naming the first broken entry')
    .action(async () => {
      const config = loadConfig();
      const db = openDb(config.databaseUrl);
      const result = await verifyAuditChain(db.kysely);
      await db.close();
      if (result.ok) process.stdout.write(`Audit chain intact: ${result.count} entries\n`);
      else
        fail(
          `Audit chain broken at entry ${result.broken?.seq}: ${result.broken?.reason} (${result.count} entries verified before it)`,
          2,
        );
    });

  program
    .command('backup')
    .description('SQLite: online backup to a file; PostgreSQL: print the pg_dump command')
    .option('--out <file>', 'backup file (SQLite)')
    .action(async (o: { out?: string }) => {
      process.stdout.write(`${await backup(loadConfig(), o.out)}\n`);
    });

  return program;
}

export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (err) {
    if (err instanceof AppError) fail(t('en', `errors.${err.code}`, err.params));
    if (err && typeof err === 'object' && 'issues' in err)
      fail(`Invalid input: ${JSON.stringify((err as { issues: unknown }).issues)}`);
    fail(err instanceof Error ? err.message : String(err));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) void runCli(process.argv);
