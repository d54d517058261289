import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Deps } from '../../platform/context';
import { AppError } from '../../platform/errors';

const status = z.object({ status: z.literal('ok') });

export function healthRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    // Liveness: the process answers.
    app.get(
      '/healthz',
      { config: { access: 'public' }, schema: { hide: true, response: { 200: status } } },
      async () => ({
        status: 'ok' as const,
      }),
    );
    // Readiness: the database answers too.
    app.get(
      '/readyz',
      { config: { access: 'public' }, schema: { hide: true, response: { 200: status } } },
      async () => {
        try {
          await sql`SELECT 1`.execute(deps.db.kysely);
        } catch {
          throw new AppError(503, 'unavailable');
        }
        return { status: 'ok' as const };
      },
    );
  };
}
