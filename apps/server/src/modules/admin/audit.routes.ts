import { PassThrough } from 'node:stream';
import { auditActorSchema, auditPageSchema, auditQuerySchema } from '@enlace/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getAuditActors, getAuditEvents, startAuditExport } from './audit.service';

/** The audit trail (read): the page, its "user" filter, and the CSV export for auditors. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/admin/audit',
    {
      config: { access: 'audit.read' },
      schema: { tags: ['admin'], querystring: auditQuerySchema, response: { 200: auditPageSchema } },
    },
    (request) => getAuditEvents(request.ctx, request.query),
  );
  app.get(
    '/api/admin/audit/actors',
    {
      config: { access: 'audit.read' },
      schema: { tags: ['admin'], response: { 200: z.array(auditActorSchema) } },
    },
    (request) => getAuditActors(request.ctx),
  );
  app.get(
    '/api/admin/audit/export',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['admin'],
        description: 'The filtered audit trail as CSV (UTF-8 with BOM), in the reader’s language; audited.',
        querystring: auditQuerySchema,
      },
    },
    async (request, reply) => {
      const write = await startAuditExport(request.ctx, request.query);
      const stream = new PassThrough();
      write(stream).catch((err: unknown) => {
        request.log.error({ err }, 'audit export failed');
        stream.destroy(err instanceof Error ? err : new Error('audit export failed'));
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="audit-trail.csv"')
        .send(stream);
    },
  );
};
