import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  IdParams,
  ListQuery,
  Page,
  PaymentCondition,
  PaymentConditionCreate,
  PaymentConditionUpdate,
} from '@storelink/contracts';
import { actorOf } from '../../http/actor';
import type { PaymentConditionsService } from './payment-conditions.service';

const tags = ['payment conditions'];

export const paymentConditionsRoutes: FastifyPluginAsyncTypebox<{
  paymentConditions: PaymentConditionsService;
}> = async (app, { paymentConditions }) => {
  app.get(
    '/payment-conditions',
    {
      config: { access: 'read' },
      schema: { tags, querystring: ListQuery, response: { 200: Page(PaymentCondition) } },
    },
    (request) => paymentConditions.list(request.query),
  );
  app.get(
    '/payment-conditions/:id',
    { config: { access: 'read' }, schema: { tags, params: IdParams, response: { 200: PaymentCondition } } },
    (request) => paymentConditions.get(request.params.id),
  );
  app.post(
    '/payment-conditions',
    {
      config: { access: 'write' },
      schema: { tags, body: PaymentConditionCreate, response: { 201: PaymentCondition } },
    },
    async (request, reply) =>
      reply.code(201).send(await paymentConditions.create(actorOf(request), request.body)),
  );
  app.patch(
    '/payment-conditions/:id',
    {
      config: { access: 'write' },
      schema: { tags, params: IdParams, body: PaymentConditionUpdate, response: { 200: PaymentCondition } },
    },
    (request) => paymentConditions.update(actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/payment-conditions/:id',
    { config: { access: 'write' }, schema: { tags, params: IdParams, response: { 200: PaymentCondition } } },
    (request) => paymentConditions.deactivate(actorOf(request), request.params.id),
  );
};
