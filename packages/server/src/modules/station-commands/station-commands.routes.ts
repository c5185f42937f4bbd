import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, StationCommand, StationCommandRequest } from '@storelink/contracts';
import { actorOf } from '../../http/actor';
import type { StationCommandsService } from './station-commands.service';

const tags = ['stations'];

export const stationCommandsRoutes: FastifyPluginAsyncTypebox<{
  stationCommands: StationCommandsService;
}> = async (app, { stationCommands }) => {
  app.post(
    '/stations/:id/commands',
    {
      config: { access: 'write' },
      schema: { tags, params: IdParams, body: StationCommandRequest, response: { 201: StationCommand } },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await stationCommands.issue(actorOf(request), request.params.id, request.body.type)),
  );
};
