import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  IdParams,
  Page,
  PaymentType,
  PaymentTypeCreate,
  PaymentTypeListQuery,
  PaymentTypeUpdate,
} from '@storelink/contracts';
import { actorOf } from '../../http/actor';
import type { PaymentTypesService } from './payment-types.service';

const tags = ['payment types'];

export const paymentTypesRoutes: FastifyPluginAsyncTypebox<{ paymentTypes: PaymentTypesService }> = async (
  app,
  { paymentTypes },
) => {
  app.get(
    '/payment-types',
    {
      config: { access: 'read' },
      schema: { tags, querystring: PaymentTypeListQuery, response: { 200: Page(PaymentType) } },
    },
    (request) => paymentTypes.list(request.query),
  );
  app.get(
    '/payment-types/:id',
    { config: { access: 'read' }, schema: { tags, params: IdParams, response: { 200: PaymentType } } },
    (request) => paymentTypes.get(request.params.id),
  );
  app.post(
    '/payment-types',
    {
      config: { access: 'write' },
      schema: { tags, body: PaymentTypeCreate, response: { 201: PaymentType } },
    },
    async (request, reply) => reply.code(201).send(await paymentTypes.create(actorOf(request), request.body)),
  );
  app.patch(
    '/payment-types/:id',
    {
      config: { access: 'write' },
      schema: { tags, params: IdParams, body: PaymentTypeUpdate, response: { 200: PaymentType } },
    },
    (request) => paymentTypes.update(actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/payment-types/:id',
    { config: { access: 'write' }, schema: { tags, params: IdParams, response: { 200: PaymentType } } },
    (request) => paymentTypes.deactivate(actorOf(request), request.params.id),
  );
};
