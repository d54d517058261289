import {
  assetBodySchema,
  assetParamsSchema,
  assetUpdateBodySchema,
  caseCreateBodySchema,
  caseListQuerySchema,
  casePageSchema,
  caseParamsSchema,
  caseSchema,
  caseShareBodySchema,
  caseUpdateBodySchema,
  custodyTransferBodySchema,
  evidenceBodySchema,
  evidenceParamsSchema,
  shareParamsSchema,
  stageTransitionBodySchema,
  suspectBodySchema,
  suspectParamsSchema,
  suspectUpdateBodySchema,
} from '@enlace/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  addAsset,
  addEvidence,
  addSuspect,
  createCase,
  editAsset,
  editCase,
  editSuspect,
  getCase,
  listCases,
  moveStage,
  removeAsset,
  removeSuspect,
  revokeCaseShare,
  shareCase,
  transferCustody,
} from './cases.service';

/** Investigation and prosecution cases: owned by a country, shared explicitly. */
export const casesRoutes: FastifyPluginAsyncZod = async (app) => {
  const one = { 200: caseSchema };
  app.get(
    '/api/cases',
    {
      config: { access: 'cases.read' },
      schema: {
        tags: ['cases'],
        querystring: caseListQuerySchema,
        response: { 200: casePageSchema },
      },
    },
    (request) => listCases(request.ctx, request.query),
  );
  app.post(
    '/api/cases',
    {
      config: { access: 'cases.write' },
      schema: { tags: ['cases'], body: caseCreateBodySchema, response: { 201: caseSchema } },
    },
    async (request, reply) => reply.code(201).send(await createCase(request.ctx, request.body)),
  );
  app.get(
    '/api/cases/:id',
    {
      config: { access: 'cases.read' },
      schema: { tags: ['cases'], params: caseParamsSchema, response: one },
    },
    (request) => getCase(request.ctx, request.params.id),
  );
  app.patch(
    '/api/cases/:id',
    {
      config: { access: 'cases.write' },
      schema: { tags: ['cases'], params: caseParamsSchema, body: caseUpdateBodySchema, response: one },
    },
    (request) => editCase(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/cases/:id/stage',
    {
      config: { access: 'cases.write' },
      schema: { tags: ['cases'], params: caseParamsSchema, body: stageTransitionBodySchema, response: one },
    },
    (request) => moveStage(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/cases/:id/suspects',
    {
      config: { access: 'cases.write' },
      schema: { tags: ['cases'], params: caseParamsSchema, body: suspectBodySchema, response: one },
    },
    (request) => addSuspect(request.ctx, request.params.id, request.body),
  );
  app.patch(
    '/api/cases/:id/suspects/:suspectId',
    {
      config: { access: 'cases.write' },
      schema: { tags: ['cases'], params: suspectParamsSchema, body: suspectUpdateBodySchema, response: one },
    },
    (request) => editSuspect(request.ctx, request.params.id, request.params.suspectId, request.body),
  );
  app.delete(
    '/api/cases/:id/suspects/:suspectId',
    {
      config: { access: 'cases.write' },
      schema: { tags: ['cases'], params: suspectParamsSchema, response: one },
    },
    (request) => removeSuspect(request.ctx, request.params.id, request.params.suspectId),
  );
  app.post(
    '/api/cases/:id/assets',
    {
      config: { access: 'cases.write' },
      schema: { tags: ['cases'], params: caseParamsSchema, body: assetBodySchema, response: one },
    },
    (request) => addAsset(request.ctx, request.params.id, request.body),
  );
  app.patch(
    '/api/cases/:id/assets/:assetId',
    {
      config: { access: 'cases.write' },
      schema: { tags: ['cases'], params: assetParamsSchema, body: assetUpdateBodySchema, response: one },
    },
    (request) => editAsset(request.ctx, request.params.id, request.params.assetId, request.body),
  );
  app.delete(
    '/api/cases/:id/assets/:assetId',
    {
      config: { access: 'cases.write' },
      schema: { tags: ['cases'], params: assetParamsSchema, response: one },
    },
    (request) => removeAsset(request.ctx, request.params.id, request.params.assetId),
  );
  app.post(
    '/api/cases/:id/evidence',
    {
      config: { access: 'cases.write' },
      schema: { tags: ['cases'], params: caseParamsSchema, body: evidenceBodySchema, response: one },
    },
    (request) => addEvidence(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/cases/:id/evidence/:evidenceId/custody',
    {
      config: { access: 'cases.write' },
      schema: {
        tags: ['cases'],
        params: evidenceParamsSchema,
        body: custodyTransferBodySchema,
        response: one,
      },
    },
    (request) => transferCustody(request.ctx, request.params.id, request.params.evidenceId, request.body),
  );
  app.post(
    '/api/cases/:id/shares',
    {
      config: { access: 'cases.share' },
      schema: { tags: ['cases'], params: caseParamsSchema, body: caseShareBodySchema, response: one },
    },
    (request) => shareCase(request.ctx, request.params.id, request.body.countryCode),
  );
  app.delete(
    '/api/cases/:id/shares/:shareId',
    {
      config: { access: 'cases.share' },
      schema: { tags: ['cases'], params: shareParamsSchema, response: one },
    },
    (request) => revokeCaseShare(request.ctx, request.params.id, request.params.shareId),
  );
};
