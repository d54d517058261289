import {
  personShareInputSchema,
  registryShareListSchema,
  registryShareParamsSchema,
  registryShareSchema,
  shareAcceptInputSchema,
  shareDeclineInputSchema,
  transferAbroadInputSchema,
} from '@enlace/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acceptTransfer,
  declineTransfer,
  incomingShares,
  outgoingShares,
  revokePersonShare,
  sharePerson,
  sharesOfPerson,
  transferAbroad,
} from './registry-shares.service';

const idParams = z.object({ id: z.string().uuid() });
const tags = ['registry'];

/** Cross-country shares of registry persons and their stays, and transfers abroad (docs/registry.md). */
export const registrySharesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/registry/persons/:id/shares',
    {
      config: { access: 'registry.supervise' },
      schema: {
        tags,
        description:
          'Shares a person of the reader’s country with another country, read-only, at once and until revoked: the identity core, the optional groups chosen (`fields`) and the stays listed. Audited.',
        params: idParams,
        body: personShareInputSchema,
        response: { 201: registryShareSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await sharePerson(request.ctx, request.params.id, request.body)),
  );
  app.get(
    '/api/registry/persons/:id/shares',
    {
      config: { access: 'registry.read' },
      schema: {
        tags,
        description: 'Every share of a person of the reader’s country, in every state.',
        params: idParams,
        response: { 200: registryShareListSchema },
      },
    },
    (request) => sharesOfPerson(request.ctx, request.params.id),
  );
  app.delete(
    '/api/registry/persons/:id/shares/:shareId',
    {
      config: { access: 'registry.supervise' },
      schema: {
        tags,
        description:
          'Revokes a share of a person (an unanswered transfer offer is withdrawn): the other country reads the person no more. Audited.',
        params: registryShareParamsSchema,
        response: { 200: registryShareSchema },
      },
    },
    (request) => revokePersonShare(request.ctx, request.params.id, request.params.shareId),
  );
  app.post(
    '/api/registry/stays/:id/transfer-abroad',
    {
      config: { access: 'registry.supervise' },
      schema: {
        tags,
        description:
          'Offers the transfer of an open stay to another country: a share of the person and the stay that the receiving country accepts (choosing its centre) or declines. The stay stays open until accepted. Audited.',
        params: idParams,
        body: transferAbroadInputSchema,
        response: { 201: registryShareSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await transferAbroad(request.ctx, request.params.id, request.body)),
  );
  app.get(
    '/api/registry/shares/incoming',
    {
      config: { access: 'registry.read' },
      schema: {
        tags,
        description:
          'Persons other countries share with the reader’s: transfer offers waiting for an answer, and accepted shares.',
        response: { 200: registryShareListSchema },
      },
    },
    (request) => incomingShares(request.ctx),
  );
  app.get(
    '/api/registry/shares/outgoing',
    {
      config: { access: 'registry.read' },
      schema: {
        tags,
        description:
          'Persons the reader’s country shares with others: live shares, offers and declined offers.',
        response: { 200: registryShareListSchema },
      },
    },
    (request) => outgoingShares(request.ctx),
  );
  app.post(
    '/api/registry/shares/:id/accept',
    {
      config: { access: 'registry.supervise' },
      schema: {
        tags,
        description:
          'The receiving country accepts a transfer abroad: the person is admitted into one of its centres (a new stay linked to the origin stay) and the origin stay is released as a transfer, in one transaction. Of two acceptances at once, one succeeds and the other is 409.',
        params: idParams,
        body: shareAcceptInputSchema,
        response: { 200: registryShareSchema },
      },
    },
    (request) => acceptTransfer(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/registry/shares/:id/decline',
    {
      config: { access: 'registry.supervise' },
      schema: {
        tags,
        description: 'The receiving country declines a transfer abroad; the origin stay stays open.',
        params: idParams,
        body: shareDeclineInputSchema,
        response: { 200: registryShareSchema },
      },
    },
    (request) => declineTransfer(request.ctx, request.params.id, request.body),
  );
};
