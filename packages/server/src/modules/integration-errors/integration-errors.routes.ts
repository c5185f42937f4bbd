import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  IdParams,
  IntegrationError,
  IntegrationErrorPayloadUpdate,
  IntegrationErrorQuery,
  IntegrationErrorReprocessResult,
  IntegrationErrorResolve,
  Page,
} from '@storelink/contracts';
import { actorOf } from '../../http/actor';
import type { IntegrationErrorsService } from './integration-errors.service';

const tags = ['integration errors'];

export const integrationErrorsRoutes: FastifyPluginAsyncTypebox<{
  integrationErrors: IntegrationErrorsService;
}> = async (app, { integrationErrors }) => {
  app.get(
    '/integration-errors',
    {
      config: { access: 'read' },
      schema: { tags, querystring: IntegrationErrorQuery, response: { 200: Page(IntegrationError) } },
    },
    (request) => integrationErrors.list(request.query),
  );
  app.get(
    '/integration-errors/:id',
    { config: { access: 'read' }, schema: { tags, params: IdParams, response: { 200: IntegrationError } } },
    (request) => integrationErrors.get(request.params.id),
  );
  app.put(
    '/integration-errors/:id/payload',
    {
      config: { access: 'write' },
      schema: {
        tags,
        params: IdParams,
        body: IntegrationErrorPayloadUpdate,
        response: { 200: IntegrationError },
      },
    },
    (request) => integrationErrors.editPayload(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/integration-errors/:id/reprocess',
    {
      config: { access: 'write' },
      schema: { tags, params: IdParams, response: { 200: IntegrationErrorReprocessResult } },
    },
    (request) => integrationErrors.reprocess(actorOf(request), request.params.id),
  );
  app.post(
    '/integration-errors/:id/resolve',
    {
      config: { access: 'write' },
      schema: { tags, params: IdParams, body: IntegrationErrorResolve, response: { 200: IntegrationError } },
    },
    (request) => integrationErrors.resolve(actorOf(request), request.params.id, request.body),
  );
};
