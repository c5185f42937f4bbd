import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, ListQuery, Page, Promotion, PromotionCreate, PromotionUpdate } from '@storelink/contracts';
import { actorOf } from '../../http/actor';
import type { PromotionsService } from './promotions.service';

const tags = ['promotions'];

export const promotionsRoutes: FastifyPluginAsyncTypebox<{ promotions: PromotionsService }> = async (
  app,
  { promotions },
) => {
  app.get(
    '/promotions',
    {
      config: { access: 'read' },
      schema: { tags, querystring: ListQuery, response: { 200: Page(Promotion) } },
    },
    (request) => promotions.list(request.query),
  );
  app.get(
    '/promotions/:id',
    { config: { access: 'read' }, schema: { tags, params: IdParams, response: { 200: Promotion } } },
    (request) => promotions.get(request.params.id),
  );
  app.post(
    '/promotions',
    { config: { access: 'write' }, schema: { tags, body: PromotionCreate, response: { 201: Promotion } } },
    async (request, reply) => reply.code(201).send(await promotions.create(actorOf(request), request.body)),
  );
  app.patch(
    '/promotions/:id',
    {
      config: { access: 'write' },
      schema: { tags, params: IdParams, body: PromotionUpdate, response: { 200: Promotion } },
    },
    (request) => promotions.update(actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/promotions/:id',
    { config: { access: 'write' }, schema: { tags, params: IdParams, response: { 200: Promotion } } },
    (request) => promotions.deactivate(actorOf(request), request.params.id),
  );
};
