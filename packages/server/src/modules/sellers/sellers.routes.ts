import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ListQuery, Seller, SellerCreate, SellerUpdate } from '@storelink/contracts';
import { registerCrudRoutes } from '../../http/crud-routes';
import type { SellersService } from './sellers.service';

export const sellersRoutes: FastifyPluginAsyncTypebox<{ sellers: SellersService }> = async (
  app,
  { sellers },
) => {
  registerCrudRoutes(app, {
    path: '/sellers',
    tags: ['sellers'],
    schemas: { item: Seller, listQuery: ListQuery, create: SellerCreate, update: SellerUpdate },
    service: sellers,
  });
};
