import { flagStaleEntries, runAuthorisations } from './modules/directory/directory.service';
import { remindDeadlines } from './modules/exchange/exchange.service';
import { scanDuplicates } from './modules/registry/registry-duplicates.service';
import { evaluateCrisisLevels } from './modules/registry/crisis.service';
import type { Deps } from './platform/context';
import { purgeStagedFiles } from './platform/files/files.service';
import type { JobDefinition } from './platform/jobs/scheduler';
import { type SendMail, smtpSender } from './platform/notifications/mailer';
import { sendPendingEmails } from './platform/notifications/notifications.service';

/**
 * Every scheduled job of Enlace, in one list (like the routes in app.ts): the scheduler of each
 * server plans them and runs each due one on exactly one server.
 */
export function scheduledJobs(deps: Deps, options: { send?: SendMail | null } = {}): JobDefinition[] {
  const send = options.send === undefined ? smtpSender(deps.config) : options.send;
  return [
    {
      name: 'directory.authorisations',
      schedule: '5 0 * * *',
      run: () => runAuthorisations(deps),
    },
    {
      name: 'directory.staleness',
      schedule: '20 6 * * *',
      run: () => flagStaleEntries(deps),
    },
    {
      name: 'exchange.deadlines',
      schedule: '*/5 * * * *',
      run: () => remindDeadlines(deps),
    },
    {
      name: 'files.purge_staged',
      schedule: '17 * * * *',
      run: async (_ctx, now) => ({ removed: await purgeStagedFiles(deps, now) }),
    },
    {
      name: 'registry.crisis',
      schedule: '*/5 * * * *',
      run: (ctx) => evaluateCrisisLevels(ctx),
    },
    {
      name: 'notifications.email',
      schedule: '* * * * *',
      run: () => sendPendingEmails(deps, send),
    },
    {
      name: 'registry.duplicates',
      schedule: '40 2 * * *',
      // Persons registered since the last scan, each country on its own; pairs are only queued.
      leaseMs: 60 * 60 * 1000,
      run: (ctx) => scanDuplicates(ctx),
    },
  ];
}
