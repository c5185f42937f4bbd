import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Operator, OperatorCreate, OperatorListQuery, OperatorUpdate } from '@storelink/contracts';
import { registerCrudRoutes } from '../../http/crud-routes';
import type { OperatorsService } from './operators.service';

/** The response schemas are the admin `Operator` shape: `pin` and `pinHash` can never leak out. */
export const operatorsRoutes: FastifyPluginAsyncTypebox<{ operators: OperatorsService }> = async (
  app,
  { operators },
) => {
  registerCrudRoutes(app, {
    path: '/operators',
    tags: ['operators'],
    schemas: { item: Operator, listQuery: OperatorListQuery, create: OperatorCreate, update: OperatorUpdate },
    service: operators,
  });
};
