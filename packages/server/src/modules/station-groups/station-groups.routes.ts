import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  StationGroup,
  StationGroupCreate,
  StationGroupListQuery,
  StationGroupUpdate,
} from '@storelink/contracts';
import { registerCrudRoutes } from '../../http/crud-routes';
import type { StationGroupsService } from './station-groups.service';

export const stationGroupsRoutes: FastifyPluginAsyncTypebox<{ stationGroups: StationGroupsService }> = async (
  app,
  { stationGroups },
) => {
  registerCrudRoutes(app, {
    path: '/station-groups',
    tags: ['station groups'],
    schemas: {
      item: StationGroup,
      listQuery: StationGroupListQuery,
      create: StationGroupCreate,
      update: StationGroupUpdate,
    },
    service: stationGroups,
  });
};
