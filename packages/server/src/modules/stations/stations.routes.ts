import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  IdParams,
  Page,
  Station,
  StationCreate,
  StationListQuery,
  StationUpdate,
  StationWithPairingCode,
} from '@storelink/contracts';
import { actorOf } from '../../http/actor';
import type { StationsService } from './stations.service';

const tags = ['stations'];

export const stationsRoutes: FastifyPluginAsyncTypebox<{ stations: StationsService }> = async (
  app,
  { stations },
) => {
  app.get(
    '/stations',
    {
      config: { access: 'read' },
      schema: { tags, querystring: StationListQuery, response: { 200: Page(Station) } },
    },
    (request) => stations.list(request.query),
  );
  app.get(
    '/stations/:id',
    { config: { access: 'read' }, schema: { tags, params: IdParams, response: { 200: Station } } },
    (request) => stations.get(request.params.id),
  );
  app.post(
    '/stations',
    {
      config: { access: 'write' },
      schema: { tags, body: StationCreate, response: { 201: StationWithPairingCode } },
    },
    async (request, reply) => reply.code(201).send(await stations.create(actorOf(request), request.body)),
  );
  // 201: each call creates a new single-use credential (docs/decisions/0012).
  app.post(
    '/stations/:id/pairing-code',
    {
      config: { access: 'write' },
      schema: { tags, params: IdParams, response: { 201: StationWithPairingCode } },
    },
    async (request, reply) =>
      reply.code(201).send(await stations.issuePairingCode(actorOf(request), request.params.id)),
  );
  app.patch(
    '/stations/:id',
    {
      config: { access: 'write' },
      schema: { tags, params: IdParams, body: StationUpdate, response: { 200: Station } },
    },
    (request) => stations.update(actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/stations/:id',
    { config: { access: 'write' }, schema: { tags, params: IdParams, response: { 200: Station } } },
    (request) => stations.deactivate(actorOf(request), request.params.id),
  );
};
