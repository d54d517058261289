import { PassThrough } from 'node:stream';
import {
  exportQuerySchema,
  idParamsSchema,
  importFailureSchema,
  importJobSchema,
  importQuerySchema,
  importResultSchema,
  incidentAmendBodySchema,
  incidentCreateBodySchema,
  incidentFollowUpBodySchema,
  incidentLinkBodySchema,
  incidentListQuerySchema,
  incidentPageSchema,
  incidentSchema,
  incidentVersionSchema,
  linkParamsSchema,
  okSchema,
  termCreateBodySchema,
  termParamsSchema,
  termUpdateBodySchema,
  vocabulariesSchema,
  vocabularyParamsSchema,
  vocabularyTermSchema,
} from '@enlace/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { t } from '../../platform/i18n';
import { EXPORT_CONTENT_TYPES } from './incidents.export';
import {
  addVocabularyTerm,
  amendIncident,
  createIncident,
  getIncident,
  getIncidentHistory,
  getVocabularies,
  linkIncident,
  listIncidents,
  removeIncident,
  unlinkIncident,
  updateVocabularyTerm,
} from './incidents.service';
import { getImportJob, importMissingMigrants, startExport, startImportJob } from './incidents.transfer';

/** Imports up to this size arrive in one request (≈ 150,000 Missing Migrants rows). */
const IMPORT_BODY_LIMIT = 64 * 1024 * 1024;

const fileOf = (body: unknown): Buffer => (Buffer.isBuffer(body) ? body : Buffer.alloc(0));

/** Incident reports, their history and links, vocabularies, Missing Migrants import and exports. */
export const incidentsRoutes: FastifyPluginAsyncZod = async (app) => {
  // Kept as bytes: the import's worker thread decodes them, and the bytes move there without a
  // copy, so a 50 MB file never becomes a string on the thread that serves everyone.
  app.addContentTypeParser(
    ['text/csv', 'text/plain'],
    { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/api/vocabularies',
    {
      config: { access: 'signed_in' },
      schema: { tags: ['incidents'], response: { 200: vocabulariesSchema } },
    },
    (request) => getVocabularies(request.ctx),
  );
  app.post(
    '/api/vocabularies/:vocabulary/terms',
    {
      config: { access: 'vocabularies.manage' },
      schema: {
        tags: ['incidents'],
        params: vocabularyParamsSchema,
        body: termCreateBodySchema,
        response: { 201: vocabularyTermSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addVocabularyTerm(request.ctx, request.params.vocabulary, request.body)),
  );
  app.patch(
    '/api/vocabularies/:vocabulary/terms/:code',
    {
      config: { access: 'vocabularies.manage' },
      schema: {
        tags: ['incidents'],
        params: termParamsSchema,
        body: termUpdateBodySchema,
        response: { 200: vocabularyTermSchema },
      },
    },
    (request) =>
      updateVocabularyTerm(request.ctx, request.params.vocabulary, request.params.code, request.body),
  );

  app.get(
    '/api/incidents',
    {
      config: { access: 'incidents.read' },
      schema: {
        tags: ['incidents'],
        querystring: incidentListQuerySchema,
        response: { 200: incidentPageSchema },
      },
    },
    (request) => listIncidents(request.ctx, request.query),
  );
  app.post(
    '/api/incidents',
    {
      config: { access: 'incidents.write' },
      schema: { tags: ['incidents'], body: incidentCreateBodySchema, response: { 201: incidentSchema } },
    },
    async (request, reply) => reply.code(201).send(await createIncident(request.ctx, request.body)),
  );

  app.post(
    '/api/incidents/import',
    {
      config: { access: 'incidents.import' },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['incidents'],
        description: 'A Missing Migrants CSV (22- or 25-column layout) as a text/csv body; all rows or none.',
        querystring: importQuerySchema,
        // The file's bytes (text/csv); a missing or empty file gets its own message (import_no_file).
        body: z.unknown().optional(),
        response: { 200: importResultSchema, 422: importFailureSchema },
      },
    },
    async (request, reply) => {
      const outcome = await importMissingMigrants(request.ctx, fileOf(request.body), {
        country: request.query.country,
        dryRun: request.query.dryRun === 'true',
      });
      if (outcome.ok) {
        const { ok: _ok, ...result } = outcome;
        return reply.send(result);
      }
      return reply
        .code(422)
        .type('application/problem+json')
        .send({
          type: 'urn:enlace:problem:import_rejected',
          title: t(request.locale, 'errors.import_rejected', { count: outcome.errors.length }),
          status: 422,
          code: 'import_rejected',
          layout: outcome.layout,
          rows: outcome.rows,
          errors: outcome.errors,
        });
    },
  );

  app.post(
    '/api/incidents/imports',
    {
      config: { access: 'incidents.import' },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['incidents'],
        description:
          'Starts the same import as POST /api/incidents/import as a job, and answers at once (202); ' +
          'GET /api/incidents/imports/{id} tells its progress and, once done, its outcome.',
        querystring: importQuerySchema,
        // The file's bytes (text/csv); a missing or empty file gets its own message (import_no_file).
        body: z.unknown().optional(),
        response: { 202: importJobSchema },
      },
    },
    async (request, reply) => {
      const job = await startImportJob(
        request.ctx,
        fileOf(request.body),
        { country: request.query.country, dryRun: request.query.dryRun === 'true' },
        (err) => request.log.error({ err }, 'import failed'),
      );
      return reply.code(202).send(job);
    },
  );
  app.get(
    '/api/incidents/imports/:id',
    {
      config: { access: 'incidents.import' },
      schema: { tags: ['incidents'], params: idParamsSchema, response: { 200: importJobSchema } },
    },
    (request) => getImportJob(request.ctx, request.params.id),
  );

  app.get(
    '/api/incidents/export',
    {
      config: { access: 'incidents.export' },
      schema: { tags: ['incidents'], querystring: exportQuerySchema },
    },
    async (request, reply) => {
      const { format, layout, from, to } = request.query;
      const write = await startExport(request.ctx, { format, layout, from, to });
      const stream = new PassThrough();
      write(stream).catch((err: unknown) => {
        request.log.error({ err }, 'export failed');
        stream.destroy(err instanceof Error ? err : new Error('export failed'));
      });
      const extension = format === 'xlsx' ? 'xlsx' : 'csv';
      const name = `incidents-${layout}${format === 'hxl' ? '-hxl' : ''}.${extension}`;
      return reply
        .type(EXPORT_CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(stream);
    },
  );

  app.get(
    '/api/incidents/:id',
    {
      config: { access: 'incidents.read' },
      schema: { tags: ['incidents'], params: idParamsSchema, response: { 200: incidentSchema } },
    },
    (request) => getIncident(request.ctx, request.params.id),
  );
  app.patch(
    '/api/incidents/:id',
    {
      config: { access: 'incidents.write' },
      schema: {
        tags: ['incidents'],
        description: 'A correction: amends the incident; history keeps what it said before.',
        params: idParamsSchema,
        body: incidentAmendBodySchema,
        response: { 200: incidentSchema },
      },
    },
    (request) => amendIncident(request.ctx, request.params.id, request.body, 'correction'),
  );
  app.post(
    '/api/incidents/:id/follow-ups',
    {
      config: { access: 'incidents.write' },
      schema: {
        tags: ['incidents'],
        description: 'A follow-up report: a note and the fields it changes.',
        params: idParamsSchema,
        body: incidentFollowUpBodySchema,
        response: { 200: incidentSchema },
      },
    },
    (request) => amendIncident(request.ctx, request.params.id, request.body, 'follow_up'),
  );
  app.delete(
    '/api/incidents/:id',
    {
      config: { access: 'incidents.write' },
      schema: { tags: ['incidents'], params: idParamsSchema, response: { 200: okSchema } },
    },
    async (request) => {
      await removeIncident(request.ctx, request.params.id);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/incidents/:id/history',
    {
      config: { access: 'incidents.read' },
      schema: {
        tags: ['incidents'],
        params: idParamsSchema,
        response: { 200: z.array(incidentVersionSchema) },
      },
    },
    (request) => getIncidentHistory(request.ctx, request.params.id),
  );
  app.post(
    '/api/incidents/:id/links',
    {
      config: { access: 'incidents.write' },
      schema: {
        tags: ['incidents'],
        params: idParamsSchema,
        body: incidentLinkBodySchema,
        response: { 200: incidentSchema },
      },
    },
    (request) => linkIncident(request.ctx, request.params.id, request.body),
  );
  app.delete(
    '/api/incidents/:id/links/:linkedId',
    {
      config: { access: 'incidents.write' },
      schema: { tags: ['incidents'], params: linkParamsSchema, response: { 200: incidentSchema } },
    },
    (request) => unlinkIncident(request.ctx, request.params.id, request.params.linkedId),
  );
};
