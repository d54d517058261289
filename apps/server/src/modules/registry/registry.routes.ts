import {
  admissionInputSchema,
  centreInputSchema,
  centreListSchema,
  centreResourcesHistorySchema,
  centreResourcesInputSchema,
  centreSchema,
  identityInputSchema,
  occupancyQuerySchema,
  occupancySchema,
  pendingReleaseCheckListSchema,
  personInputSchema,
  personPhotoInputSchema,
  personSchema,
  registryAggregatesSchema,
  releaseInputSchema,
  releaseResolveInputSchema,
  residentPageSchema,
  residentsQuerySchema,
  searchResultSchema,
  staySchema,
  transferInputSchema,
} from '@enlace/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addPersonPhoto,
  admit,
  centreResources,
  createCentre,
  createPerson,
  declareCentreResources,
  getPerson,
  getStay,
  listCentres,
  occupancy,
  pendingReleaseChecks,
  regionalAggregates,
  release,
  resolveRelease,
  residents,
  searchPersons,
  transfer,
} from './registry.service';

const idParams = z.object({ id: z.string().uuid() });
const tags = ['registry'];

/** The centre registry: centres, persons (search before create), stays, transfers, release, occupancy. */
export const registryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/registry/persons/search',
    {
      config: { access: 'registry.read' },
      schema: {
        tags,
        description:
          'Search before create: what the person says, matched by the linkage engine against the persons of the reader’s country (candidates retrieved by their blocking keys). The best 10, each with its probability and a field-by-field explanation. A POST, so that names never reach an address. Audited.',
        body: identityInputSchema,
        response: { 200: searchResultSchema },
      },
    },
    (request) => searchPersons(request.ctx, request.body),
  );
  app.post(
    '/api/registry/persons',
    {
      config: { access: 'registry.write' },
      schema: { tags, body: personInputSchema, response: { 201: personSchema } },
    },
    async (request, reply) => reply.code(201).send(await createPerson(request.ctx, request.body)),
  );
  app.get(
    '/api/registry/persons/:id',
    {
      config: { access: 'registry.read' },
      schema: {
        tags,
        description: 'A person of the reader’s country with their stays; another country’s is 404. Audited.',
        params: idParams,
        response: { 200: personSchema },
      },
    },
    (request) => getPerson(request.ctx, request.params.id),
  );
  app.get(
    '/api/registry/centres',
    {
      config: { access: 'registry.read' },
      schema: {
        tags,
        description: 'The centres of the reader’s country.',
        response: { 200: centreListSchema },
      },
    },
    (request) => listCentres(request.ctx),
  );
  app.post(
    '/api/registry/centres',
    {
      config: { access: 'registry.supervise' },
      schema: { tags, body: centreInputSchema, response: { 201: centreSchema } },
    },
    async (request, reply) => reply.code(201).send(await createCentre(request.ctx, request.body)),
  );
  app.get(
    '/api/registry/centres/:id/occupancy',
    {
      config: { access: 'registry.read' },
      schema: {
        tags,
        description:
          'Places, occupied and free per unit now; arrivals and departures per day (UTC) over a range of at most 366 days (the last 30 by default); length of stay.',
        params: idParams,
        querystring: occupancyQuerySchema,
        response: { 200: occupancySchema },
      },
    },
    (request) => occupancy(request.ctx, request.params.id, request.query),
  );
  app.get(
    '/api/registry/centres/:id/resources',
    {
      config: { access: 'registry.read' },
      schema: {
        tags,
        description:
          'The resources of a centre (action 7): the latest declaration of staff by role and budget lines, and the dates of every declaration.',
        params: idParams,
        response: { 200: centreResourcesHistorySchema },
      },
    },
    (request) => centreResources(request.ctx, request.params.id),
  );
  app.post(
    '/api/registry/centres/:id/resources',
    {
      config: { access: 'registry.supervise' },
      schema: {
        tags,
        description:
          'A supervisor declares the centre’s staff by role and its budget lines as of a day (not in the future). Earlier declarations are kept. Audited.',
        params: idParams,
        body: centreResourcesInputSchema,
        response: { 201: centreResourcesHistorySchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await declareCentreResources(request.ctx, request.params.id, request.body)),
  );
  app.get(
    '/api/registry/aggregates',
    {
      config: { access: 'registry.read' },
      schema: {
        tags,
        description:
          'People in centres now, by country, sex, age group and nationality, for every country of the network: aggregates only, small cells (fewer than 5 persons) withheld with the secondary suppression of the statistics.',
        response: { 200: registryAggregatesSchema },
      },
    },
    (request) => regionalAggregates(request.ctx),
  );
  app.post(
    '/api/registry/stays',
    {
      config: { access: 'registry.write' },
      schema: {
        tags,
        description: 'Admission to a centre.',
        body: admissionInputSchema,
        response: { 201: staySchema },
      },
    },
    async (request, reply) => reply.code(201).send(await admit(request.ctx, request.body)),
  );
  app.post(
    '/api/registry/stays/:id/transfer',
    {
      config: { access: 'registry.write' },
      schema: {
        tags,
        description: 'A transfer to another centre of the same country.',
        params: idParams,
        body: transferInputSchema,
        response: { 200: staySchema },
      },
    },
    (request) => transfer(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/registry/stays/:id/release',
    {
      config: { access: 'registry.write' },
      schema: {
        tags,
        description:
          'The release, after the identity check: what the person leaving says and shows is matched against the admission record. A mismatch answers 409 and leaves a check for a supervisor.',
        params: idParams,
        body: releaseInputSchema,
        response: { 200: staySchema },
      },
    },
    (request) => release(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/registry/stays/:id/release/resolve',
    {
      config: { access: 'registry.supervise' },
      schema: {
        tags,
        description:
          'A supervisor (not the officer who attempted it) resolves a release stopped by the identity check: the same person (the release is recorded) or not (the stay stays open). Audited.',
        params: idParams,
        body: releaseResolveInputSchema,
        response: { 200: staySchema },
      },
    },
    (request) => resolveRelease(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/api/registry/stays/:id',
    {
      config: { access: 'registry.read' },
      schema: {
        tags,
        description:
          'A stay of the reader’s country: admission, attention, transfers, release, the latest identity check (with the engine’s explanation) and what the reader may do with it. Audited.',
        params: idParams,
        response: { 200: staySchema },
      },
    },
    (request) => getStay(request.ctx, request.params.id),
  );
  app.get(
    '/api/registry/centres/:id/residents',
    {
      config: { access: 'registry.read' },
      schema: {
        tags,
        description:
          'Who is in a centre of the reader’s country now (its open stays), newest admission first, a page at a time. Audited with the persons shown.',
        params: idParams,
        querystring: residentsQuerySchema,
        response: { 200: residentPageSchema },
      },
    },
    (request) => residents(request.ctx, request.params.id, request.query),
  );
  app.get(
    '/api/registry/release-checks',
    {
      config: { access: 'registry.supervise' },
      schema: {
        tags,
        description:
          'The releases of the reader’s country stopped by the identity check, waiting for a supervisor, oldest first. Audited.',
        response: { 200: pendingReleaseCheckListSchema },
      },
    },
    (request) => pendingReleaseChecks(request.ctx),
  );
  app.post(
    '/api/registry/persons/:id/photo',
    {
      config: { access: 'registry.write' },
      schema: {
        tags,
        description:
          'Adds a photo (an image the officer uploaded to /api/files) to a person of the reader’s country; the latest is shown, at release too. Audited.',
        params: idParams,
        body: personPhotoInputSchema,
        response: { 200: personSchema },
      },
    },
    (request) => addPersonPhoto(request.ctx, request.params.id, request.body),
  );
};
