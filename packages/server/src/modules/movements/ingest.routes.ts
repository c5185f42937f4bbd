import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MovementBatch, MovementBatchReply } from '@storelink/contracts';
import { AppError } from '../../http/app-error';
import type { SyncService } from '../../sync/sync.service';
import type { IngestService } from './ingest.service';

/** SPEC §12.1: 16 MiB for `/sync/movements` (500 movements of a few KiB each fit many times over). */
export const MOVEMENTS_BODY_LIMIT = 16 * 1024 * 1024;

/**
 * `POST /api/v1/sync/movements` (SPEC §4.3). The station and its scope come from the token; a
 * station whose version is below the minimum (426) or whose group has the integration off (403)
 * keeps its movements until it may sync again.
 */
export const ingestRoutes: FastifyPluginAsyncTypebox<{ ingest: IngestService; sync: SyncService }> = async (
  app,
  { ingest, sync },
) => {
  app.post(
    '/sync/movements',
    {
      bodyLimit: MOVEMENTS_BODY_LIMIT,
      config: { access: 'station' },
      schema: { tags: ['sync'], body: MovementBatch, response: { 200: MovementBatchReply } },
    },
    async (request) => {
      if (!request.station) throw new AppError('unauthorized', 'Send the station token.');
      const context = await sync.loadContext(request.station);
      return ingest.receive(context, request.body);
    },
  );
};
