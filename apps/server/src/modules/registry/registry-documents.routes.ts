import {
  personDocumentInputSchema,
  personDocumentListSchema,
  personDocumentWithdrawSchema,
} from '@enlace/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addPersonDocument, withdrawDocument } from './registry-documents.service';

const tags = ['registry'];

/** A person's travel and identity documents: added with their MRZ check, withdrawn, never deleted. */
export const registryDocumentsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/registry/persons/:id/documents',
    {
      config: { access: 'registry.write' },
      schema: {
        tags,
        description:
          'Adds a travel or identity document to a person of the reader’s country: kind, number, issuing country, expiry and the MRZ (checked against the person and the number, flagged, never corrected). The number is a blocking key from now on: search before create finds the person by it. 201 with every document of the person. Audited.',
        params: z.object({ id: z.string().uuid() }),
        body: personDocumentInputSchema,
        response: { 201: personDocumentListSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addPersonDocument(request.ctx, request.params.id, request.body)),
  );
  app.post(
    '/api/registry/persons/:id/documents/:documentId/withdraw',
    {
      config: { access: 'registry.write' },
      schema: {
        tags,
        description:
          'Withdraws a document with a reason (lost, stolen, false, recorded by mistake…): it stays listed and searchable, never deleted. 409 when already withdrawn. Audited.',
        params: z.object({ id: z.string().uuid(), documentId: z.string().uuid() }),
        body: personDocumentWithdrawSchema,
        response: { 200: personDocumentListSchema },
      },
    },
    (request) => withdrawDocument(request.ctx, request.params.id, request.params.documentId, request.body),
  );
};
