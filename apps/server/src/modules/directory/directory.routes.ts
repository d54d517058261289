import {
  authorisationInputSchema,
  authorisationSchema,
  directoryEntryInputSchema,
  directoryEntrySchema,
  directoryExportQuerySchema,
  directoryListQuerySchema,
  directoryPageSchema,
  freshnessSchema,
} from '@enlace/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createEntry,
  directoryFreshness,
  exportEntries,
  getEntry,
  listAuthorisations,
  listEntries,
  recordAuthorisation,
  revokeAuthorisation,
  updateEntry,
  verifyEntry,
} from './directory.service';

const idParams = z.object({ id: z.string().uuid() });

/** The directory of focal points and the Foreign Affairs authorisations of liaisons and prosecutors. */
export const directoryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/directory/entries',
    {
      config: { access: 'directory.read' },
      schema: {
        tags: ['directory'],
        description:
          'The network’s focal points: searchable in any language, accents and case aside (José = jose).',
        querystring: directoryListQuerySchema,
        response: { 200: directoryPageSchema },
      },
    },
    (request) => listEntries(request.ctx, request.query),
  );
  app.post(
    '/api/directory/entries',
    {
      config: { access: 'directory.manage' },
      schema: {
        tags: ['directory'],
        body: directoryEntryInputSchema,
        response: { 201: directoryEntrySchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createEntry(request.ctx, request.body)),
  );
  app.get(
    '/api/directory/entries/:id',
    {
      config: { access: 'directory.read' },
      schema: { tags: ['directory'], params: idParams, response: { 200: directoryEntrySchema } },
    },
    (request) => getEntry(request.ctx, request.params.id),
  );
  app.patch(
    '/api/directory/entries/:id',
    {
      config: { access: 'directory.manage' },
      schema: {
        tags: ['directory'],
        description: 'Changes an entry of the administrator’s country; the change counts as a verification.',
        params: idParams,
        body: directoryEntryInputSchema.partial().strict(),
        response: { 200: directoryEntrySchema },
      },
    },
    (request) => updateEntry(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/directory/entries/:id/verify',
    {
      config: { access: 'directory.read' },
      schema: {
        tags: ['directory'],
        description:
          'Confirms the entry is right (its country’s administrator, or the focal point themselves).',
        params: idParams,
        response: { 200: directoryEntrySchema },
      },
    },
    (request) => verifyEntry(request.ctx, request.params.id),
  );
  app.get(
    '/api/directory/freshness',
    {
      config: { access: 'directory.read' },
      schema: {
        tags: ['directory'],
        description: 'Per country: entries, and how many were verified in the last six months.',
        response: { 200: freshnessSchema },
      },
    },
    (request) => directoryFreshness(request.ctx),
  );
  app.get(
    '/api/directory/export',
    {
      config: { access: 'directory.read' },
      schema: {
        tags: ['directory'],
        description:
          'The filtered directory as vCard 4 (RFC 6350) or CSV, in the reader’s language. Audited.',
        querystring: directoryExportQuerySchema,
      },
    },
    async (request, reply) => {
      const file = await exportEntries(request.ctx, request.query);
      return reply
        .type(file.type)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );
  app.get(
    '/api/directory/authorisations',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['directory'],
        description:
          'Authorisations by the Ministries of Foreign Affairs: an administrator’s country’s, or the user’s own.',
        response: { 200: z.array(authorisationSchema) },
      },
    },
    (request) => listAuthorisations(request.ctx),
  );
  app.post(
    '/api/directory/authorisations',
    {
      config: { access: 'directory.manage' },
      schema: { tags: ['directory'], body: authorisationInputSchema, response: { 201: authorisationSchema } },
    },
    async (request, reply) => reply.code(201).send(await recordAuthorisation(request.ctx, request.body)),
  );
  app.post(
    '/api/directory/authorisations/:id/revoke',
    {
      config: { access: 'directory.manage' },
      schema: { tags: ['directory'], params: idParams, response: { 200: authorisationSchema } },
    },
    (request) => revokeAuthorisation(request.ctx, request.params.id),
  );
};
