import { handlingDecisionBodySchema, handlingRequestSchema } from '@enlace/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decideHandlingPermission, listHandlingRequests } from './handling.service';

/**
 * The requests for what a handling code reserves: those the user must decide as a provider, those
 * they made, and the provider's answer. A request is made from its item's capability (which checks
 * that the requester sees the item): `POST /api/exchange/messages/:id/permission-requests`.
 */
export const handlingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/handling/requests',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['handling'],
        querystring: z.object({ box: z.enum(['incoming', 'outgoing']).default('incoming') }).strict(),
        response: { 200: z.array(handlingRequestSchema) },
      },
    },
    (request) => listHandlingRequests(request.ctx, request.query.box),
  );
  app.post(
    '/api/handling/requests/:id/decision',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['handling'],
        description:
          'The provider grants or refuses; anyone else gets 404. Audited; the requester is notified.',
        params: z.object({ id: z.string().max(64) }),
        body: handlingDecisionBodySchema,
        response: { 200: handlingRequestSchema },
      },
    },
    (request) => decideHandlingPermission(request.ctx, request.params.id, request.body),
  );
};
