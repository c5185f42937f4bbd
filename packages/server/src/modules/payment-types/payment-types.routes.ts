import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  PaymentType,
  PaymentTypeCreate,
  PaymentTypeListQuery,
  PaymentTypeUpdate,
} from '@storelink/contracts';
import { registerCrudRoutes } from '../../http/crud-routes';
import type { PaymentTypesService } from './payment-types.service';

export const paymentTypesRoutes: FastifyPluginAsyncTypebox<{ paymentTypes: PaymentTypesService }> = async (
  app,
  { paymentTypes },
) => {
  registerCrudRoutes(app, {
    path: '/payment-types',
    tags: ['payment types'],
    schemas: {
      item: PaymentType,
      listQuery: PaymentTypeListQuery,
      create: PaymentTypeCreate,
      update: PaymentTypeUpdate,
    },
    service: paymentTypes,
  });
};
