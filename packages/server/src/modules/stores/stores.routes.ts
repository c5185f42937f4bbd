import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, ListQuery, Page, Store, StoreCreate, StoreUpdate } from '@storelink/contracts';
import { actorOf } from '../../http/actor';
import type { StoresService } from './stores.service';

const tags = ['stores'];

export const storesRoutes: FastifyPluginAsyncTypebox<{ stores: StoresService }> = async (app, { stores }) => {
  app.get(
    '/stores',
    { config: { access: 'read' }, schema: { tags, querystring: ListQuery, response: { 200: Page(Store) } } },
    (request) => stores.list(request.query),
  );
  app.get(
    '/stores/:id',
    { config: { access: 'read' }, schema: { tags, params: IdParams, response: { 200: Store } } },
    (request) => stores.get(request.params.id),
  );
  app.post(
    '/stores',
    { config: { access: 'write' }, schema: { tags, body: StoreCreate, response: { 201: Store } } },
    async (request, reply) => reply.code(201).send(await stores.create(actorOf(request), request.body)),
  );
  app.patch(
    '/stores/:id',
    {
      config: { access: 'write' },
      schema: { tags, params: IdParams, body: StoreUpdate, response: { 200: Store } },
    },
    (request) => stores.update(actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/stores/:id',
    { config: { access: 'write' }, schema: { tags, params: IdParams, response: { 200: Store } } },
    (request) => stores.deactivate(actorOf(request), request.params.id),
  );
};
