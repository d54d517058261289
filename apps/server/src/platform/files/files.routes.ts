import multipart from '@fastify/multipart';
import { fileLimitsSchema, fileParamsSchema, fileSchema, fileUploadBodySchema } from '@enlace/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors';
import { contentDisposition } from './file-kinds';
import { downloadFile, fileLimits, uploadFile } from './files.service';

/** Upload (staged by its uploader) and download (access re-checked, audited) of files. */
export const filesRoutes: FastifyPluginAsyncZod = async (app) => {
  // Here only: elsewhere a multipart body is refused (415).
  await app.register(multipart, {
    limits: { fileSize: app.deps.config.filesMaxBytes, files: 1, fields: 4, parts: 5 },
  });

  app.post(
    '/api/files',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['files'],
        description:
          'Uploads one file (multipart/form-data), staged for the uploader to attach within 24 hours. ' +
          'The type is read from the content; 413 beyond the size limit, 415 for a type not accepted.',
        consumes: ['multipart/form-data'],
        // The multipart body is read as a stream by the handler (never buffered, never a
        // temporary file), so Fastify sees no body; the schema is for the OpenAPI document.
        body: fileUploadBodySchema.nullish(),
        response: { 201: fileSchema },
      },
    },
    async (request, reply) => {
      const part = request.isMultipart() ? await request.file() : undefined;
      if (!part) throw new AppError(400, 'file_missing');
      return reply
        .code(201)
        .send(await uploadFile(request.ctx, { filename: part.filename, stream: part.file }));
    },
  );

  app.get(
    '/api/files/limits',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['files'],
        description:
          'What an upload must respect: the largest size in bytes (configured), the extensions accepted (the content must agree), how long a file stays staged.',
        response: { 200: fileLimitsSchema },
      },
    },
    (request) => fileLimits(request.ctx),
  );

  app.get(
    '/api/files/:id',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['files'],
        description:
          'Downloads a file, as an attachment, when the caller may read what it is attached to (404 otherwise).',
        params: fileParamsSchema,
        produces: ['application/octet-stream'],
        response: { 200: z.string().meta({ format: 'binary' }) },
      },
    },
    async (request, reply) => {
      const file = await downloadFile(request.ctx, request.params.id);
      const text = file.mediaType.startsWith('text/');
      return (
        reply
          .type(text ? `${file.mediaType}; charset=utf-8` : file.mediaType)
          .header('content-length', file.size)
          .header('content-disposition', contentDisposition(file.name))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          // A stream is piped as it is, never serialised: the 200 schema documents bytes.
          .send(file.body as unknown as string)
      );
    },
  );
};
