import {
  agencyCreateBodySchema,
  agencySchema,
  agencyUpdateBodySchema,
  codeParamsSchema,
  countryCodeSchema,
  countrySchema,
  countryUpdateBodySchema,
  idParamsSchema,
  userCreateBodySchema,
  userListParamsSchema,
  userSearchBodySchema,
  userPageSchema,
  userSchema,
  userUpdateBodySchema,
} from '@enlace/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createAgency,
  createUser,
  editAgency,
  getAgencies,
  getCountries,
  getUser,
  getUsers,
  resetMfa,
  setCountryActive,
  updateUserAccount,
} from './admin.service';

const countryQuery = z.object({ country: countryCodeSchema.optional() });

/** Administration of countries, agencies and users (the audit trail: audit.routes.ts). */
export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/countries',
    {
      config: { access: 'signed_in' },
      schema: { tags: ['admin'], response: { 200: z.array(countrySchema) } },
    },
    (request) => getCountries(request.ctx),
  );
  app.patch(
    '/api/admin/countries/:code',
    {
      config: { access: 'countries.manage' },
      schema: {
        tags: ['admin'],
        params: codeParamsSchema,
        body: countryUpdateBodySchema,
        response: { 200: countrySchema },
      },
    },
    (request) => setCountryActive(request.ctx, request.params.code, request.body.active),
  );

  app.get(
    '/api/admin/agencies',
    {
      config: { access: 'agencies.read' },
      schema: { tags: ['admin'], querystring: countryQuery, response: { 200: z.array(agencySchema) } },
    },
    (request) => getAgencies(request.ctx, request.query.country),
  );
  app.post(
    '/api/admin/agencies',
    {
      config: { access: 'agencies.manage' },
      schema: { tags: ['admin'], body: agencyCreateBodySchema, response: { 201: agencySchema } },
    },
    async (request, reply) => reply.code(201).send(await createAgency(request.ctx, request.body)),
  );
  app.patch(
    '/api/admin/agencies/:id',
    {
      config: { access: 'agencies.manage' },
      schema: {
        tags: ['admin'],
        params: idParamsSchema,
        body: agencyUpdateBodySchema,
        response: { 200: agencySchema },
      },
    },
    (request) => editAgency(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/api/admin/users',
    {
      config: { access: 'users.read' },
      schema: { tags: ['admin'], querystring: userListParamsSchema, response: { 200: userPageSchema } },
    },
    (request) => getUsers(request.ctx, request.query),
  );
  app.post(
    '/api/admin/users/search',
    {
      config: { access: 'users.read' },
      schema: { tags: ['admin'], body: userSearchBodySchema, response: { 200: userPageSchema } },
    },
    (request) => getUsers(request.ctx, request.body),
  );
  app.post(
    '/api/admin/users',
    {
      config: { access: 'users.manage' },
      schema: { tags: ['admin'], body: userCreateBodySchema, response: { 201: userSchema } },
    },
    async (request, reply) => reply.code(201).send(await createUser(request.ctx, request.body)),
  );
  app.get(
    '/api/admin/users/:id',
    {
      config: { access: 'users.read' },
      schema: { tags: ['admin'], params: idParamsSchema, response: { 200: userSchema } },
    },
    (request) => getUser(request.ctx, request.params.id),
  );
  app.patch(
    '/api/admin/users/:id',
    {
      config: { access: 'users.manage' },
      schema: {
        tags: ['admin'],
        params: idParamsSchema,
        body: userUpdateBodySchema,
        response: { 200: userSchema },
      },
    },
    (request) => updateUserAccount(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/admin/users/:id/reset-mfa',
    {
      config: { access: 'users.manage' },
      schema: { tags: ['admin'], params: idParamsSchema, response: { 200: userSchema } },
    },
    (request) => resetMfa(request.ctx, request.params.id),
  );
};
