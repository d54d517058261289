import {
  caseStatsSchema,
  dataInventoryCreateBodySchema,
  dataInventoryQuerySchema,
  dataInventorySchema,
  dataInventoryUpdateBodySchema,
  exchangeStatsSchema,
  flowStatsSchema,
  idParamsSchema,
  incidentStatsQuerySchema,
  incidentStatsSchema,
  mapQuerySchema,
  mapStatsSchema,
  modusStatsSchema,
  okSchema,
  peopleStatsSchema,
  statsExportQuerySchema,
  statsFilterSchema,
} from '@enlace/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  caseStats,
  createInventoryEntry,
  deleteInventory,
  exchangeStats,
  flowStats,
  getInventory,
  incidentStats,
  mapStats,
  modusStats,
  peopleStats,
  updateInventory,
} from './stats.service';
import { publicationExport } from './stats.export';

/** The regional picture: aggregates of every country, small cells suppressed where required. */
export const statsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/stats/incidents',
    {
      config: { access: 'stats.read' },
      schema: {
        tags: ['stats'],
        description:
          'Incidents and person counts by up to three dimensions (year, month, country, region, mode, route, kind).',
        querystring: incidentStatsQuerySchema,
        response: { 200: incidentStatsSchema },
      },
    },
    (request) => incidentStats(request.ctx, request.query),
  );
  app.get(
    '/api/stats/people',
    {
      config: { access: 'stats.read' },
      schema: { tags: ['stats'], querystring: statsFilterSchema, response: { 200: peopleStatsSchema } },
    },
    (request) => peopleStats(request.ctx, request.query),
  );
  app.get(
    '/api/stats/flows',
    {
      config: { access: 'stats.read' },
      schema: { tags: ['stats'], querystring: statsFilterSchema, response: { 200: flowStatsSchema } },
    },
    (request) => flowStats(request.ctx, request.query),
  );
  app.get(
    '/api/stats/modus-operandi',
    {
      config: { access: 'stats.read' },
      schema: { tags: ['stats'], querystring: statsFilterSchema, response: { 200: modusStatsSchema } },
    },
    (request) => modusStats(request.ctx, request.query),
  );
  app.get(
    '/api/stats/cases',
    {
      config: { access: 'stats.read' },
      schema: { tags: ['stats'], querystring: statsFilterSchema, response: { 200: caseStatsSchema } },
    },
    (request) => caseStats(request.ctx, request.query),
  );
  app.get(
    '/api/stats/exchange',
    {
      config: { access: 'stats.read' },
      schema: {
        tags: ['stats'],
        description:
          'Exchange response times per responding country and priority (received, acknowledged, replied; median and p90 hours to acknowledge and to reply; share replied by the deadline), over the threads the user’s country takes part in. Needs the exchange too (exchange.use and a current Foreign Affairs authorisation). Only `from` and `to` apply.',
        querystring: statsFilterSchema,
        response: { 200: exchangeStatsSchema },
      },
    },
    (request) => exchangeStats(request.ctx, request.query),
  );
  app.get(
    '/api/stats/map',
    {
      config: { access: 'stats.read' },
      schema: { tags: ['stats'], querystring: mapQuerySchema, response: { 200: mapStatsSchema } },
    },
    (request) => mapStats(request.ctx, request.query),
  );
  app.get(
    '/api/stats/export',
    {
      config: { access: 'stats.read' },
      schema: {
        tags: ['stats'],
        description:
          'Figures for publication (CSV, HXL-tagged CSV, XLSX or JSON) in the reader’s language, small cells always suppressed.',
        querystring: statsExportQuerySchema,
      },
    },
    async (request, reply) => {
      const file = await publicationExport(request.ctx, request.query);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );

  app.get(
    '/api/stats/databases',
    {
      config: { access: 'stats.read' },
      schema: {
        tags: ['stats'],
        querystring: dataInventoryQuerySchema,
        response: { 200: z.array(dataInventorySchema) },
      },
    },
    (request) => getInventory(request.ctx, request.query.country),
  );
  app.post(
    '/api/stats/databases',
    {
      config: { access: 'databases.manage' },
      schema: {
        tags: ['stats'],
        body: dataInventoryCreateBodySchema,
        response: { 201: dataInventorySchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createInventoryEntry(request.ctx, request.body)),
  );
  app.patch(
    '/api/stats/databases/:id',
    {
      config: { access: 'databases.manage' },
      schema: {
        tags: ['stats'],
        params: idParamsSchema,
        body: dataInventoryUpdateBodySchema,
        response: { 200: dataInventorySchema },
      },
    },
    (request) => updateInventory(request.ctx, request.params.id, request.body),
  );
  app.delete(
    '/api/stats/databases/:id',
    {
      config: { access: 'databases.manage' },
      schema: { tags: ['stats'], params: idParamsSchema, response: { 200: okSchema } },
    },
    async (request) => {
      await deleteInventory(request.ctx, request.params.id);
      return { ok: true as const };
    },
  );
};
