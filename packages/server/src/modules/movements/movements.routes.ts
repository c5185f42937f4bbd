import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ErpFeedPage,
  ErpFeedQuery,
  IdParams,
  Page,
  StationMovementDetail,
  StationMovementItem,
  StationMovementParams,
  StationMovementQuery,
} from '@storelink/contracts';
import type { ErpFeedService } from './erp-feed.service';
import type { StationMovementsService } from './station-movements.service';

/** The back office's reads of movements: the station query and the ERP feed. */
export const movementsRoutes: FastifyPluginAsyncTypebox<{
  stationMovements: StationMovementsService;
  erpFeed: ErpFeedService;
}> = async (app, { stationMovements, erpFeed }) => {
  app.get(
    '/stations/:id/movements',
    {
      config: { access: 'read' },
      schema: {
        tags: ['station query'],
        params: IdParams,
        querystring: StationMovementQuery,
        response: { 200: Page(StationMovementItem) },
      },
    },
    (request) => stationMovements.list(request.params.id, request.query),
  );
  app.get(
    '/stations/:id/movements/:movementId',
    {
      config: { access: 'read' },
      schema: {
        tags: ['station query'],
        params: StationMovementParams,
        response: { 200: StationMovementDetail },
      },
    },
    (request) => stationMovements.get(request.params.id, request.params.movementId),
  );
  app.get(
    '/erp/movements',
    {
      config: { access: 'read' },
      schema: { tags: ['erp'], querystring: ErpFeedQuery, response: { 200: ErpFeedPage } },
    },
    (request) => erpFeed.read(request.query),
  );
};
