import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ListQuery,
  PaymentCondition,
  PaymentConditionCreate,
  PaymentConditionUpdate,
} from '@storelink/contracts';
import { registerCrudRoutes } from '../../http/crud-routes';
import type { PaymentConditionsService } from './payment-conditions.service';

export const paymentConditionsRoutes: FastifyPluginAsyncTypebox<{
  paymentConditions: PaymentConditionsService;
}> = async (app, { paymentConditions }) => {
  registerCrudRoutes(app, {
    path: '/payment-conditions',
    tags: ['payment conditions'],
    schemas: {
      item: PaymentCondition,
      listQuery: ListQuery,
      create: PaymentConditionCreate,
      update: PaymentConditionUpdate,
    },
    service: paymentConditions,
  });
};
