import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  IdParams,
  Page,
  StationGroup,
  StationGroupCreate,
  StationGroupListQuery,
  StationGroupUpdate,
} from '@storelink/contracts';
import { actorOf } from '../../http/actor';
import type { StationGroupsService } from './station-groups.service';

const tags = ['station groups'];

export const stationGroupsRoutes: FastifyPluginAsyncTypebox<{ stationGroups: StationGroupsService }> = async (
  app,
  { stationGroups },
) => {
  app.get(
    '/station-groups',
    {
      config: { access: 'read' },
      schema: { tags, querystring: StationGroupListQuery, response: { 200: Page(StationGroup) } },
    },
    (request) => stationGroups.list(request.query),
  );
  app.get(
    '/station-groups/:id',
    { config: { access: 'read' }, schema: { tags, params: IdParams, response: { 200: StationGroup } } },
    (request) => stationGroups.get(request.params.id),
  );
  app.post(
    '/station-groups',
    {
      config: { access: 'write' },
      schema: { tags, body: StationGroupCreate, response: { 201: StationGroup } },
    },
    async (request, reply) =>
      reply.code(201).send(await stationGroups.create(actorOf(request), request.body)),
  );
  app.patch(
    '/station-groups/:id',
    {
      config: { access: 'write' },
      schema: { tags, params: IdParams, body: StationGroupUpdate, response: { 200: StationGroup } },
    },
    (request) => stationGroups.update(actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/station-groups/:id',
    { config: { access: 'write' }, schema: { tags, params: IdParams, response: { 200: StationGroup } } },
    (request) => stationGroups.deactivate(actorOf(request), request.params.id),
  );
};
