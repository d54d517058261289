import { homeSchema } from '@enlace/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getHome } from './home.service';

/** The signed-in user's work queue. */
export const homeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/home',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['home'],
        description:
          'The work queue: cases shared with the user’s country, their recent incidents and cases, what waits for them.',
        response: { 200: homeSchema },
      },
    },
    (request) => getHome(request.ctx),
  );
};
