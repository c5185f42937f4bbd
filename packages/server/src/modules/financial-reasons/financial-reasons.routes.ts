import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  FinancialReason,
  FinancialReasonCreate,
  FinancialReasonListQuery,
  FinancialReasonUpdate,
} from '@storelink/contracts';
import { registerCrudRoutes } from '../../http/crud-routes';
import type { FinancialReasonsService } from './financial-reasons.service';

export const financialReasonsRoutes: FastifyPluginAsyncTypebox<{
  financialReasons: FinancialReasonsService;
}> = async (app, { financialReasons }) => {
  registerCrudRoutes(app, {
    path: '/financial-reasons',
    tags: ['financial reasons'],
    schemas: {
      item: FinancialReason,
      listQuery: FinancialReasonListQuery,
      create: FinancialReasonCreate,
      update: FinancialReasonUpdate,
    },
    service: financialReasons,
  });
};
