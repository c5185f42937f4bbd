import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  IdParams,
  Station,
  StationCreate,
  StationListQuery,
  StationUpdate,
  StationWithPairingCode,
} from '@storelink/contracts';
import { actorOf } from '../../http/actor';
import { registerCrudRoutes } from '../../http/crud-routes';
import type { StationsService } from './stations.service';

const tags = ['stations'];

export const stationsRoutes: FastifyPluginAsyncTypebox<{ stations: StationsService }> = async (
  app,
  { stations },
) => {
  registerCrudRoutes(app, {
    path: '/stations',
    tags,
    schemas: {
      item: Station,
      listQuery: StationListQuery,
      create: StationCreate,
      update: StationUpdate,
      created: StationWithPairingCode,
    },
    service: stations,
  });
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
};
