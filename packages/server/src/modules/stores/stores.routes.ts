import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ListQuery, Store, StoreCreate, StoreUpdate } from '@storelink/contracts';
import { registerCrudRoutes } from '../../http/crud-routes';
import type { StoresService } from './stores.service';

export const storesRoutes: FastifyPluginAsyncTypebox<{ stores: StoresService }> = async (app, { stores }) => {
  registerCrudRoutes(app, {
    path: '/stores',
    tags: ['stores'],
    schemas: { item: Store, listQuery: ListQuery, create: StoreCreate, update: StoreUpdate },
    service: stores,
  });
};
