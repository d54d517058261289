import {
  belongingItemInputSchema,
  belongingsCustodyInputSchema,
  belongingsDiscrepancyListSchema,
  belongingsSchema,
  receiptQuerySchema,
  returnInputSchema,
} from '@enlace/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readerTimeZone } from '../../platform/errors';
import {
  addItem,
  belongingsReceipt,
  correctItem,
  getBelongings,
  listDiscrepancies,
  recordCustody,
  returnBelongings,
  verifyBelongings,
} from './belongings.service';

const stayParams = z.object({ id: z.string().uuid() });
const itemParams = z.object({ id: z.string().uuid(), itemId: z.string().uuid() });
const tags = ['registry'];

/**
 * The belongings of a stay (Work Plan area 3, action 4, footnote 15): the inventory and its
 * verification by a second officer, the numbered receipt, the custody log and the return.
 */
export const belongingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/registry/stays/:id/belongings',
    {
      config: { access: 'registry.read' },
      schema: {
        tags,
        description:
          'The inventory of a stay (every item, corrected ones included), its custody log, the returns and what the reader may do. Audited.',
        params: stayParams,
        response: { 200: belongingsSchema },
      },
    },
    (request) => getBelongings(request.ctx, request.params.id),
  );
  app.post(
    '/api/registry/stays/:id/belongings/items',
    {
      config: { access: 'registry.write' },
      schema: {
        tags,
        description:
          'Records an item while the inventory is a draft: cash (ISO 4217 currency, the amount as a decimal string), a document (type and number), a phone (IMEI with its Luhn check), a valuable or another item, each with its description, seal or bag, and optionally a photo (a staged file). Audited.',
        params: stayParams,
        body: belongingItemInputSchema,
        response: { 201: belongingsSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addItem(request.ctx, request.params.id, request.body)),
  );
  app.post(
    '/api/registry/stays/:id/belongings/items/:itemId/correct',
    {
      config: { access: 'registry.write' },
      schema: {
        tags,
        description:
          'Corrects an item of a draft inventory: the item is marked superseded and the corrected one recorded; nothing is deleted. Audited.',
        params: itemParams,
        body: belongingItemInputSchema,
        response: { 201: belongingsSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await correctItem(request.ctx, request.params.id, request.params.itemId, request.body)),
  );
  app.post(
    '/api/registry/stays/:id/belongings/verify',
    {
      config: { access: 'registry.write' },
      schema: {
        tags,
        description:
          'A second officer (nobody who recorded an item of it) verifies the inventory; the receipt gets its number from the country’s sequence. 403 for an officer who recorded items, audited.',
        params: stayParams,
        body: z.object({}).strict(),
        response: { 200: belongingsSchema },
      },
    },
    (request) => verifyBelongings(request.ctx, request.params.id),
  );
  app.get(
    '/api/registry/stays/:id/belongings/receipt.pdf',
    {
      config: { access: 'registry.read' },
      schema: {
        tags,
        description:
          'The numbered receipt as PDF, in `lang` (es, en, fr, ht), else the person’s first language when it is one of these, else the reader’s: every item held, who recorded and verified, lines to sign. Only once verified. Audited (issued, then downloaded).',
        params: stayParams,
        querystring: receiptQuerySchema,
      },
    },
    async (request, reply) => {
      const file = await belongingsReceipt(request.ctx, request.params.id, {
        lang: request.query.lang,
        timeZone: readerTimeZone(request),
      });
      return reply
        .type('application/pdf')
        .header('content-language', file.language)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );
  app.post(
    '/api/registry/stays/:id/belongings/custody',
    {
      config: { access: 'registry.write' },
      schema: {
        tags,
        description:
          'Appends a movement of the belongings: stored (a place), moved (a place), handed to an authority (its name and reference, the items or all). A transfer of the stay writes its own entry. Audited.',
        params: stayParams,
        body: belongingsCustodyInputSchema,
        response: { 201: belongingsSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordCustody(request.ctx, request.params.id, request.body)),
  );
  app.post(
    '/api/registry/stays/:id/belongings/return',
    {
      config: { access: 'registry.write' },
      schema: {
        tags,
        description:
          'The return at or after release, item by item: returned, missing, damaged (with the reason) or retained by an authority (with the reason and the authority). Each item once. Anything but returned is a discrepancy, audited and notified to the country’s centre supervisors.',
        params: stayParams,
        body: returnInputSchema,
        response: { 201: belongingsSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await returnBelongings(request.ctx, request.params.id, request.body)),
  );
  app.get(
    '/api/registry/belongings/discrepancies',
    {
      config: { access: 'registry.supervise' },
      schema: {
        tags,
        description:
          'A supervisor’s list of the belongings discrepancies of their country (items missing, damaged or retained at release), the newest first. Audited.',
        response: { 200: belongingsDiscrepancyListSchema },
      },
    },
    (request) => listDiscrepancies(request.ctx),
  );
};
