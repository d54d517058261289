import { mrzCheckInputSchema, mrzCheckSchema } from '@enlace/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { checkDocumentMrz } from './registry-mrz.service';

/** The check of a travel document's machine-readable zone (ICAO 9303) before registering. */
export const registryMrzRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/registry/mrz/check',
    {
      config: { access: 'registry.write' },
      schema: {
        tags: ['registry'],
        description:
          'Reads a TD1, TD2 or TD3 zone and compares it with what was typed: the fields it holds and every flag (a wrong check digit and its field, an expired document, a field where the zone and the typing disagree). Nothing is corrected or stored. An unreadable zone is 400.',
        body: mrzCheckInputSchema,
        response: { 200: mrzCheckSchema },
      },
    },
    (request) => checkDocumentMrz(request.ctx, request.body),
  );
};
