import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, ListQuery, Page, Seller, SellerCreate, SellerUpdate } from '@storelink/contracts';
import { actorOf } from '../../http/actor';
import type { SellersService } from './sellers.service';

const tags = ['sellers'];

export const sellersRoutes: FastifyPluginAsyncTypebox<{ sellers: SellersService }> = async (
  app,
  { sellers },
) => {
  app.get(
    '/sellers',
    { config: { access: 'read' }, schema: { tags, querystring: ListQuery, response: { 200: Page(Seller) } } },
    (request) => sellers.list(request.query),
  );
  app.get(
    '/sellers/:id',
    { config: { access: 'read' }, schema: { tags, params: IdParams, response: { 200: Seller } } },
    (request) => sellers.get(request.params.id),
  );
  app.post(
    '/sellers',
    { config: { access: 'write' }, schema: { tags, body: SellerCreate, response: { 201: Seller } } },
    async (request, reply) => reply.code(201).send(await sellers.create(actorOf(request), request.body)),
  );
  app.patch(
    '/sellers/:id',
    {
      config: { access: 'write' },
      schema: { tags, params: IdParams, body: SellerUpdate, response: { 200: Seller } },
    },
    (request) => sellers.update(actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/sellers/:id',
    { config: { access: 'write' }, schema: { tags, params: IdParams, response: { 200: Seller } } },
    (request) => sellers.deactivate(actorOf(request), request.params.id),
  );
};
