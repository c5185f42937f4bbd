import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ListQuery, Promotion, PromotionCreate, PromotionUpdate } from '@storelink/contracts';
import { registerCrudRoutes } from '../../http/crud-routes';
import type { PromotionsService } from './promotions.service';

export const promotionsRoutes: FastifyPluginAsyncTypebox<{ promotions: PromotionsService }> = async (
  app,
  { promotions },
) => {
  registerCrudRoutes(app, {
    path: '/promotions',
    tags: ['promotions'],
    schemas: { item: Promotion, listQuery: ListQuery, create: PromotionCreate, update: PromotionUpdate },
    service: promotions,
  });
};
