import {
  crisisAlertInputSchema,
  crisisAlertSchema,
  crisisDeclarationInputSchema,
  crisisHistoryQuerySchema,
  crisisLiftInputSchema,
  crisisSchema,
  crisisThresholdsInputSchema,
  crisisThresholdsSchema,
} from '@enlace/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  crisisOverview,
  crisisThresholds,
  declareCrisisLevel,
  liftCrisisLevel,
  openCrisisAlert,
  setCrisisThresholds,
} from './crisis.service';

const tags = ['registry'];

/** Crisis levels of the country's centres (Work Plan area 3, action 9, footnote 20). */
export const crisisRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/registry/crisis',
    {
      config: { access: 'registry.read' },
      schema: {
        tags,
        description:
          'The crisis level of the reader’s country now, what holds it (a threshold met or a declaration), the figures now, the thresholds and the history of levels (paged, latest first).',
        querystring: crisisHistoryQuerySchema,
        response: { 200: crisisSchema },
      },
    },
    (request) => crisisOverview(request.ctx, request.query),
  );
  app.get(
    '/api/registry/crisis/thresholds',
    {
      config: { access: 'registry.read' },
      schema: { tags, response: { 200: crisisThresholdsSchema } },
    },
    (request) => crisisThresholds(request.ctx),
  );
  app.put(
    '/api/registry/crisis/thresholds',
    {
      config: { access: 'registry.supervise' },
      schema: {
        tags,
        description:
          'A supervisor sets the four levels: occupancy of the whole country and of any one centre (percent), admissions in 24 hours, and the directory entries to tell. A level’s figures are at least those of the level below. The level is evaluated again at once. Audited.',
        body: crisisThresholdsInputSchema,
        response: { 200: crisisSchema },
      },
    },
    (request) => setCrisisThresholds(request.ctx, request.body),
  );
  app.post(
    '/api/registry/crisis/declaration',
    {
      config: { access: 'registry.supervise' },
      schema: {
        tags,
        description: 'A supervisor declares a level, with a reason; it holds until lifted. Audited.',
        body: crisisDeclarationInputSchema,
        response: { 200: crisisSchema },
      },
    },
    (request) => declareCrisisLevel(request.ctx, request.body),
  );
  app.post(
    '/api/registry/crisis/declaration/lift',
    {
      config: { access: 'registry.supervise' },
      schema: {
        tags,
        description: 'Lifts the declared level, with a reason: the figures decide the level again. Audited.',
        body: crisisLiftInputSchema,
        response: { 200: crisisSchema },
      },
    },
    (request) => liftCrisisLevel(request.ctx, request.body),
  );
  app.post(
    '/api/registry/crisis/alerts',
    {
      config: { access: 'registry.supervise' },
      schema: {
        tags,
        description:
          'At level 3 or 4, opens a binational alert: an urgent exchange thread with the focal points of another country of the network, carrying the level and the figures, with the handling codes the supervisor chooses. Recorded in the history with its thread. Audited.',
        body: crisisAlertInputSchema,
        response: { 201: crisisAlertSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await openCrisisAlert(request.ctx, request.body)),
  );
};
