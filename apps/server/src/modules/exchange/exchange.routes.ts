import {
  forwardBodySchema,
  handlingRequestBodySchema,
  handlingRequestSchema,
  messageInputSchema,
  messagePageSchema,
  messageSchema,
  participantSearchBodySchema,
  participantSearchResultSchema,
  threadCreateBodySchema,
  threadExportQuerySchema,
  threadListQuerySchema,
  threadPageSchema,
  threadSchema,
  threadUpdateBodySchema,
} from '@enlace/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readerTimeZone } from '../../platform/errors';
import {
  acknowledgeThread,
  createThread,
  exportThread,
  forwardMessage,
  getThread,
  listMessages,
  listThreads,
  postMessage,
  requestMessagePermission,
  searchParticipants,
  updateThread,
} from './exchange.service';

const idParams = z.object({ id: z.string().uuid() });
const NOT_A_PARTICIPANT =
  'Anyone outside the thread gets 404: its messages, attachments and counts do not exist for them.';

/** Secure exchange: threads between focal points and prosecutors, messages with handling codes. */
export const exchangeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/exchange/threads',
    {
      config: { access: 'exchange.use' },
      schema: {
        tags: ['exchange'],
        description:
          'The threads the user takes part in, searchable (subject, messages, reference), newest activity first.',
        querystring: threadListQuerySchema,
        response: { 200: threadPageSchema },
      },
    },
    (request) => listThreads(request.ctx, request.query),
  );
  app.post(
    '/api/exchange/threads',
    {
      config: { access: 'exchange.use' },
      schema: {
        tags: ['exchange'],
        description:
          'Opens an exchange with its participants and first message (codes chosen by the author).',
        body: threadCreateBodySchema,
        response: { 201: threadSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createThread(request.ctx, request.body)),
  );
  app.post(
    '/api/exchange/participants/search',
    {
      config: { access: 'exchange.use' },
      schema: {
        tags: ['exchange'],
        description:
          'People (active accounts with the exchange; prosecutors only in their channel) and agencies to add to a thread, by name; or the accounts named by `ids`. A POST: names never travel in an address.',
        body: participantSearchBodySchema,
        response: { 200: participantSearchResultSchema },
      },
    },
    (request) => searchParticipants(request.ctx, request.body),
  );
  app.get(
    '/api/exchange/threads/:id',
    {
      config: { access: 'exchange.use' },
      schema: {
        tags: ['exchange'],
        description: NOT_A_PARTICIPANT,
        params: idParams,
        response: { 200: threadSchema },
      },
    },
    (request) => getThread(request.ctx, request.params.id),
  );
  app.patch(
    '/api/exchange/threads/:id',
    {
      config: { access: 'exchange.use' },
      schema: {
        tags: ['exchange'],
        description: 'The owner changes the deadline, closes or reopens, adds or removes participants.',
        params: idParams,
        body: threadUpdateBodySchema,
        response: { 200: threadSchema },
      },
    },
    (request) => updateThread(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/exchange/threads/:id/acknowledge',
    {
      config: { access: 'exchange.use' },
      schema: {
        tags: ['exchange'],
        description: 'A participant country acknowledges receipt.',
        params: idParams,
        response: { 200: threadSchema },
      },
    },
    (request) => acknowledgeThread(request.ctx, request.params.id),
  );
  app.get(
    '/api/exchange/threads/:id/messages',
    {
      config: { access: 'exchange.use' },
      schema: {
        tags: ['exchange'],
        description: `The messages with their codes and what the reader may do with each. Reading is recorded and audited. ${NOT_A_PARTICIPANT}`,
        params: idParams,
        response: { 200: messagePageSchema },
      },
    },
    (request) => listMessages(request.ctx, request.params.id),
  );
  app.post(
    '/api/exchange/threads/:id/messages',
    {
      config: { access: 'exchange.use' },
      schema: {
        tags: ['exchange'],
        params: idParams,
        body: messageInputSchema,
        response: { 201: messageSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await postMessage(request.ctx, request.params.id, request.body)),
  );
  app.get(
    '/api/exchange/threads/:id/export',
    {
      config: { access: 'exchange.use' },
      schema: {
        tags: ['exchange'],
        description: `The thread as CSV (opening with its handling block) or PDF (whose first lines state every handling and evaluation code, the strictest first, H3 restrictions in words; instants in \`tz\`, else the profile's time zone). Each message carries its codes; one whose code reserves export to its provider is left out and counted. Audited. ${NOT_A_PARTICIPANT}`,
        params: idParams,
        querystring: threadExportQuerySchema,
      },
    },
    async (request, reply) => {
      const file = await exportThread(request.ctx, request.params.id, {
        format: request.query.format,
        timeZone: request.query.tz ?? readerTimeZone(request),
      });
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );
  app.post(
    '/api/exchange/messages/:id/forward',
    {
      config: { access: 'exchange.use' },
      schema: {
        tags: ['exchange'],
        description:
          'Forwards a message to another thread of the user. Its codes and provider travel with it; H2 and H3 need the provider’s permission for that thread.',
        params: idParams,
        body: forwardBodySchema,
        response: { 201: messageSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await forwardMessage(request.ctx, request.params.id, request.body)),
  );
  app.post(
    '/api/exchange/messages/:id/permission-requests',
    {
      config: { access: 'exchange.use' },
      schema: {
        tags: ['exchange'],
        description:
          'Asks the message’s provider for what its handling code reserves (forward to a thread, export, court).',
        params: idParams,
        body: handlingRequestBodySchema,
        response: { 201: handlingRequestSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await requestMessagePermission(request.ctx, request.params.id, request.body)),
  );
};
