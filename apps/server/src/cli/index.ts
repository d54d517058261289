import { createWriteStream, readFileSync } from 'node:fs';
import { ROLES, type Role } from '@enlace/shared';
import { stringify } from 'csv-stringify/sync';
import { Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../config';
import { openDb } from '../db/dialect';
import { seedDemo } from '../seeds/demo';
import { createUser, resetMfa, updateUserAccount } from '../modules/admin/admin.service';
import { rebuildRollups } from '../modules/incidents/incidents.service';
import { importMissingMigrants, startExport } from '../modules/incidents/incidents.transfer';
import { importRegistry } from '../modules/registry/registry.import';
import { buildActor } from '../platform/authz/access';
import { computeIncidentStats, incidentStatsTable } from '../modules/stats/stats.service';
import { verifyAuditChain } from '../platform/audit/audit';
import { systemClock } from '../platform/clock';
import type { Ctx } from '../platform/context';
import { AppError } from '../platform/errors';
import { t } from '../platform/i18n';
import { findUserByEmail } from '../platform/users/user.repository';
import { scheduledJobs } from '../jobs';
import { listJobs, Scheduler } from '../platform/jobs/scheduler';
import { bringUpToDate, refreshSearch, serve } from '../server';
import { backup } from './backup';
import { registerLinkCommands } from './link';

async function withCtx<T>(fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = openDb(config.databaseUrl);
  try {
    await bringUpToDate(db, config);
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
      const applied = await bringUpToDate(db, config);
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

  const oneOf =
    <T extends string>(values: readonly T[]) =>
    (v: string): T => {
      if (!(values as readonly string[]).includes(v)) {
        throw new InvalidArgumentError(`expected one of ${values.join(', ')}`);
      }
      return v as T;
    };
  const upper = (v: string) => v.toUpperCase();
  const month = (v: string) => {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(v)) throw new InvalidArgumentError('expected YYYY-MM');
    return v;
  };

  const incidents = program.command('incidents').description('incident reports: import and export');
  incidents
    .command('import <file>')
    .description('import a Missing Migrants CSV (22- or 25-column layout): all rows or none')
    .requiredOption('--format <format>', 'missing-migrants', oneOf(['missing-migrants'] as const))
    .option('--country <code>', 'owning country (tenant) of the records', upper, 'IOM')
    .option('--dry-run', 'check the file and report what would change, writing nothing')
    .action(async (file: string, o: { format: string; country: string; dryRun?: boolean }) => {
      const text = readFileSync(file, 'utf8');
      await withCtx(async (ctx) => {
        const started = performance.now();
        const outcome = await importMissingMigrants(ctx, text, {
          country: o.country,
          dryRun: o.dryRun,
          cli: true,
        });
        if (!outcome.ok) {
          const lines = outcome.errors.map(
            (e) => `  row ${e.row}${e.column ? `, column "${e.column}"` : ''}: ${e.message}`,
          );
          fail(`Nothing imported: ${outcome.errors.length} error(s) in ${file}\n${lines.join('\n')}`);
        }
        const seconds = (performance.now() - started) / 1000;
        process.stdout.write(
          `${o.dryRun ? 'Dry run: would import' : 'Imported'} ${outcome.rows} rows (${outcome.layout}) into ${o.country}: ` +
            `${outcome.created} new, ${outcome.updated} updated, ${outcome.unchanged} unchanged in ${seconds.toFixed(2)} s\n`,
        );
        for (const w of outcome.warnings) {
          process.stdout.write(
            `  warning: row ${w.row}${w.column ? `, column "${w.column}"` : ''}: ${w.message}\n`,
          );
        }
      });
    });
  incidents
    .command('export')
    .description('export incidents (every country, or --country) as CSV, XLSX or HXL-tagged CSV')
    .requiredOption('--format <format>', 'csv, xlsx or hxl', oneOf(['csv', 'xlsx', 'hxl'] as const))
    .requiredOption('--out <file>', 'file to write')
    .option(
      '--layout <layout>',
      'missing-migrants or enlace',
      oneOf(['missing-migrants', 'enlace'] as const),
      'missing-migrants',
    )
    .option('--country <code>', 'only this owning country', upper)
    .option('--from <date>', 'first date (YYYY-MM-DD)')
    .option('--to <date>', 'last date (YYYY-MM-DD)')
    .action(
      async (o: {
        format: 'csv' | 'xlsx' | 'hxl';
        out: string;
        layout: 'missing-migrants' | 'enlace';
        country?: string;
        from?: string;
        to?: string;
      }) => {
        await withCtx(async (ctx) => {
          const write = await startExport(ctx, { ...o, cli: true });
          // Personal data: the export file is the owner's only (0600 when created).
          const count = await write(createWriteStream(o.out, { mode: 0o600 }));
          process.stdout.write(`Exported ${count} incidents to ${o.out}\n`);
        });
      },
    );

  const registry = program.command('registry').description('the centre registry');
  registry
    .command('import <file>')
    .description(
      'load persons and their admissions into a centre from a CSV (columns in docs/registry.md), as an officer of the country: every row is checked before anything is written; each person is searched before being registered',
    )
    .requiredOption('--centre <code>', 'the centre’s code in the officer’s country')
    .requiredOption(
      '--as <email>',
      'the centre officer or supervisor doing the import (their rights apply, the audit names them)',
    )
    .option('--dry-run', 'check the file and report, writing nothing')
    .action(async (file: string, o: { centre: string; as: string; dryRun?: boolean }) => {
      const text = readFileSync(file, 'utf8');
      await withCtx(async (ctx) => {
        const user = await userByEmail(ctx, o.as);
        if (user.status !== 'active') fail(`The account ${o.as} is not active`);
        const actor = buildActor(user, 'cli');
        if (!actor.permissions.has('registry.write')) fail(`${o.as} may not register persons (${user.role})`);
        const started = performance.now();
        const outcome = await importRegistry({ ...ctx, actor }, text, {
          centreCode: o.centre,
          dryRun: o.dryRun,
        });
        if (!outcome.ok) {
          const lines = outcome.errors.map(
            (e) => `  row ${e.row}${e.column ? `, column "${e.column}"` : ''}: ${e.message}`,
          );
          fail(`Import stopped: ${outcome.errors.length} error(s) in ${file}\n${lines.join('\n')}`);
        }
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        process.stdout.write(
          outcome.dryRun
            ? `Dry run: ${outcome.rows} rows are valid for ${o.centre}; nothing written (${seconds} s)\n`
            : `Imported ${outcome.rows} rows into ${o.centre}: ${outcome.created} persons registered, ${outcome.matched} already held (${outcome.alreadyIn} of them already admitted), in ${seconds} s\n`,
        );
      });
    });

  const stats = program.command('stats').description('the regional statistics');
  stats
    .command('incidents')
    .description('incidents and person counts, as the dashboard shows them')
    .option('--by <dimensions>', 'comma-separated: year, month, country, region, mode, route, kind', '')
    .option('--from <month>', 'first month (YYYY-MM)', month)
    .option('--to <month>', 'last month (YYYY-MM)', month)
    .option('--country <code>', 'country of the incidents (ISO alpha-3)', upper)
    .option('--region <code>', 'region, e.g. central_america', (v: string) =>
      v
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, '_'),
    )
    .option('--mode <mode>', 'land, sea or air', oneOf(['land', 'sea', 'air'] as const))
    .option('--route <code>', 'named route, e.g. darien')
    .option('--nationality <code>', 'nationality (ISO alpha-3)', upper)
    .option('--publication', 'suppress small cells (fewer than 5 persons), as for publication')
    .option('--format <format>', 'csv or json', oneOf(['csv', 'json'] as const), 'csv')
    .action(
      async (o: {
        by: string;
        from?: string;
        to?: string;
        country?: string;
        region?: string;
        mode?: 'land' | 'sea' | 'air';
        route?: string;
        nationality?: string;
        publication?: boolean;
        format: 'csv' | 'json';
      }) => {
        await withCtx(async (ctx) => {
          const { format, publication, ...query } = o;
          const result = await computeIncidentStats(ctx.db, query, publication ?? false);
          process.stdout.write(
            format === 'json'
              ? `${JSON.stringify(result, null, 2)}\n`
              : stringify(incidentStatsTable(result)),
          );
        });
      },
    );
  stats
    .command('rebuild')
    .description('recompute the statistics rollups from the incidents (after a restore)')
    .action(async () => {
      await withCtx(async (ctx) => {
        const count = await rebuildRollups(ctx);
        process.stdout.write(`Rollups rebuilt from ${count} incidents\n`);
      });
    });

  const search = program.command('search').description('the full-text search index');
  search
    .command('rebuild')
    .description('recompute the search tokens of every incident and case (after a key change or a VACUUM)')
    .action(async () => {
      await withCtx(async (ctx) => {
        const counts = await refreshSearch(ctx, { all: true });
        process.stdout.write(`Search tokens rebuilt: ${counts.incidents} incidents, ${counts.cases} cases\n`);
      });
    });

  const jobs = program.command('jobs').description('the scheduled jobs (they run inside `enlace serve`)');
  jobs
    .command('list')
    .description('each job, its schedule, next run and last outcome')
    .action(async () => {
      await withCtx(async (ctx) => {
        await new Scheduler(ctx, scheduledJobs(ctx)).plan();
        const rows = await listJobs(ctx.db.kysely);
        process.stdout.write(
          stringify(rows, {
            header: true,
            columns: ['name', 'schedule', 'next_run_at', 'last_outcome', 'runs'],
          }),
        );
      });
    });
  jobs
    .command('run <name>')
    .description('run a job now, on this machine (exactly once even while servers run)')
    .action(async (name: string) => {
      await withCtx(async (ctx) => {
        const scheduler = new Scheduler(ctx, scheduledJobs(ctx), { serverId: `cli:${process.pid}` });
        await scheduler.plan();
        if (!(await scheduler.runSoon(name))) fail(`No job named ${name}`);
        const ran = await scheduler.tick(name);
        process.stdout.write(ran.includes(name) ? `${name}: done\n` : `${name}: running on another server\n`);
      });
    });

  program
    .command('backup')
    .description('SQLite: online backup to a file; PostgreSQL: print the pg_dump command')
    .option('--out <file>', 'backup file (SQLite)')
    .action(async (o: { out?: string }) => {
      process.stdout.write(`${await backup(loadConfig(), o.out)}\n`);
    });

  registerLinkCommands(program);

  return program;
}

export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (err) {
    if (err instanceof AppError) {
      const fields = err.fieldErrors.map(
        (f) => `\n  ${f.path}: ${t('en', `errors.${f.code}`, f.params ?? {})}`,
      );
      fail(`${t('en', `errors.${err.code}`, err.params)}${fields.join('')}`);
    }
    if (err && typeof err === 'object' && 'issues' in err)
      fail(`Invalid input: ${JSON.stringify((err as { issues: unknown }).issues)}`);
    fail(err instanceof Error ? err.message : String(err));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) void runCli(process.argv);
