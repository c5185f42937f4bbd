import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  IdParams,
  Operator,
  OperatorCreate,
  OperatorListQuery,
  OperatorUpdate,
  Page,
} from '@storelink/contracts';
import { actorOf } from '../../http/actor';
import type { OperatorsService } from './operators.service';

const tags = ['operators'];

/** The response schemas are the admin `Operator` shape: `pin` and `pinHash` can never leak out. */
export const operatorsRoutes: FastifyPluginAsyncTypebox<{ operators: OperatorsService }> = async (
  app,
  { operators },
) => {
  app.get(
    '/operators',
    {
      config: { access: 'read' },
      schema: { tags, querystring: OperatorListQuery, response: { 200: Page(Operator) } },
    },
    (request) => operators.list(request.query),
  );
  app.get(
    '/operators/:id',
    { config: { access: 'read' }, schema: { tags, params: IdParams, response: { 200: Operator } } },
    (request) => operators.get(request.params.id),
  );
  app.post(
    '/operators',
    { config: { access: 'write' }, schema: { tags, body: OperatorCreate, response: { 201: Operator } } },
    async (request, reply) => reply.code(201).send(await operators.create(actorOf(request), request.body)),
  );
  app.patch(
    '/operators/:id',
    {
      config: { access: 'write' },
      schema: { tags, params: IdParams, body: OperatorUpdate, response: { 200: Operator } },
    },
    (request) => operators.update(actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/operators/:id',
    { config: { access: 'write' }, schema: { tags, params: IdParams, response: { 200: Operator } } },
    (request) => operators.deactivate(actorOf(request), request.params.id),
  );
};
