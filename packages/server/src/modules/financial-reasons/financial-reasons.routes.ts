import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  FinancialReason,
  FinancialReasonCreate,
  FinancialReasonListQuery,
  FinancialReasonUpdate,
  IdParams,
  Page,
} from '@storelink/contracts';
import { actorOf } from '../../http/actor';
import type { FinancialReasonsService } from './financial-reasons.service';

const tags = ['financial reasons'];

export const financialReasonsRoutes: FastifyPluginAsyncTypebox<{
  financialReasons: FinancialReasonsService;
}> = async (app, { financialReasons }) => {
  app.get(
    '/financial-reasons',
    {
      config: { access: 'read' },
      schema: { tags, querystring: FinancialReasonListQuery, response: { 200: Page(FinancialReason) } },
    },
    (request) => financialReasons.list(request.query),
  );
  app.get(
    '/financial-reasons/:id',
    { config: { access: 'read' }, schema: { tags, params: IdParams, response: { 200: FinancialReason } } },
    (request) => financialReasons.get(request.params.id),
  );
  app.post(
    '/financial-reasons',
    {
      config: { access: 'write' },
      schema: { tags, body: FinancialReasonCreate, response: { 201: FinancialReason } },
    },
    async (request, reply) =>
      reply.code(201).send(await financialReasons.create(actorOf(request), request.body)),
  );
  app.patch(
    '/financial-reasons/:id',
    {
      config: { access: 'write' },
      schema: { tags, params: IdParams, body: FinancialReasonUpdate, response: { 200: FinancialReason } },
    },
    (request) => financialReasons.update(actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/financial-reasons/:id',
    { config: { access: 'write' }, schema: { tags, params: IdParams, response: { 200: FinancialReason } } },
    (request) => financialReasons.deactivate(actorOf(request), request.params.id),
  );
};
