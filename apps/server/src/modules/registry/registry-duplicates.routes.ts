import {
  duplicateDecisionInputSchema,
  duplicateListQuerySchema,
  duplicateListSchema,
  duplicatePairSchema,
  duplicateScanSchema,
  duplicateUndoInputSchema,
} from '@enlace/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decideDuplicate, listDuplicates, scanCountry, undoMerge } from './registry-duplicates.service';

const idParams = z.object({ id: z.string().uuid() });
const tags = ['registry'];

/** The review of duplicates: the queue, the decisions, the undo of a merge, a scan on demand. */
export const registryDuplicatesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/registry/duplicates',
    {
      config: { access: 'registry.read' },
      schema: {
        tags,
        description:
          'The pairs of persons of the reader’s country the engine takes for possibly the same: pending (best first) or decided (latest first), both persons side by side with the engine’s field-by-field explanation. Audited.',
        querystring: duplicateListQuerySchema,
        response: { 200: duplicateListSchema },
      },
    },
    (request) => listDuplicates(request.ctx, request.query),
  );
  app.post(
    '/api/registry/duplicates/scan',
    {
      config: { access: 'registry.supervise' },
      schema: {
        tags,
        description:
          'Runs the nightly duplicate scan of the supervisor’s country now: persons registered since the last scan, compared with the candidates their blocking keys retrieve; pairs above the review threshold are queued. Safe to repeat.',
        response: { 200: duplicateScanSchema },
      },
    },
    (request) => scanCountry(request.ctx),
  );
  app.post(
    '/api/registry/duplicates/:id/decision',
    {
      config: { access: 'registry.supervise' },
      schema: {
        tags,
        description:
          'A supervisor decides: `same_person` merges the later registration into the earlier (every record kept, reversible), `different` is kept forever (never proposed again). Audited.',
        params: idParams,
        body: duplicateDecisionInputSchema,
        response: { 200: duplicatePairSchema },
      },
    },
    (request) => decideDuplicate(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/registry/duplicates/:id/undo',
    {
      config: { access: 'registry.supervise' },
      schema: {
        tags,
        description:
          'Undoes a merge: both persons exactly as before, the pair back in the queue with the note of the undo. Audited.',
        params: idParams,
        body: duplicateUndoInputSchema,
        response: { 200: duplicatePairSchema },
      },
    },
    (request) => undoMerge(request.ctx, request.params.id, request.body),
  );
};
