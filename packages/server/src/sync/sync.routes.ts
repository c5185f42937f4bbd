import { PassThrough, type Writable } from 'node:stream';
import { createGzip } from 'node:zlib';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import {
  ChangesPage,
  ChangesQuery,
  HelloRequest,
  HelloResponse,
  NDJSON_MEDIA_TYPE,
  PairRequest,
  PairResponse,
  SnapshotQuery,
} from '@storelink/contracts';
import type { DatabaseHandle } from '../db/database';
import { AppError } from '../http/app-error';
import type { AuthenticatedStation } from '../http/access';
import type { EventStreams } from './event-streams';
import { writeSnapshot, SnapshotAborted } from './snapshot';
import type { SnapshotSource } from './snapshot-source';
import type { SyncService } from './sync.service';

const tags = ['sync'];

/** SPEC §12.1: pairing allows 10 attempts a minute per address. */
export const PAIR_ATTEMPTS_PER_MINUTE = 10;

export interface SyncRoutesOptions {
  sync: SyncService;
  database: DatabaseHandle;
  streams: EventStreams;
  sources: readonly SnapshotSource[];
}

function stationOf(request: FastifyRequest): AuthenticatedStation {
  if (!request.station) throw new AppError('unauthorized', 'Send the station token.');
  return request.station;
}

/** `/api/v1/sync/*`: the station side of the protocol (SPEC §4). Scope always comes from the token. */
export const syncRoutes: FastifyPluginAsyncTypebox<SyncRoutesOptions> = async (app, options) => {
  const { sync, database, streams, sources } = options;
  await app.register(rateLimit, { global: false });

  app.post(
    '/sync/pair',
    {
      config: {
        access: 'public',
        rateLimit: { max: PAIR_ATTEMPTS_PER_MINUTE, timeWindow: 60_000 },
      },
      schema: { tags, body: PairRequest, response: { 200: PairResponse } },
    },
    async (request) => {
      try {
        return await sync.pair(request.body);
      } catch (error) {
        if (error instanceof AppError)
          request.log.warn({ code: error.code, hostname: request.body.hostname }, 'pairing refused');
        throw error;
      }
    },
  );

  app.post(
    '/sync/hello',
    {
      config: { access: 'station' },
      schema: { tags, body: HelloRequest, response: { 200: HelloResponse } },
    },
    (request) => sync.hello(stationOf(request), request.body),
  );

  app.get(
    '/sync/snapshot',
    {
      config: { access: 'station' },
      schema: {
        tags,
        querystring: SnapshotQuery,
        description: `NDJSON (${NDJSON_MEDIA_TYPE}): a header line, one row line per record, an end line with the checksum. Gzip when asked.`,
      },
    },
    async (request, reply) => {
      const context = await sync.loadContext(stationOf(request));
      const body = new PassThrough({ highWaterMark: 256 * 1024 });
      let out: Writable = body;
      if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
        // Level 1: most of gzip's gain on JSON for a fraction of its CPU.
        const gzip = createGzip({ level: 1 });
        gzip.pipe(body);
        body.on('close', () => gzip.destroy());
        out = gzip;
        reply.header('content-encoding', 'gzip');
      }
      await new Promise<void>((resolve, reject) => {
        let started = false;
        writeSnapshot(database, sources, context.scope, out, () => {
          started = true;
          resolve();
        }).then(
          () => out.end(),
          (error: unknown) => {
            if (!started) return reject(error instanceof Error ? error : new Error(String(error)));
            if (!(error instanceof SnapshotAborted))
              request.log.error({ err: error }, 'snapshot failed mid-stream; cutting it short');
            // No end line: the station knows the snapshot is incomplete and keeps its catalog.
            body.destroy();
          },
        );
      });
      await sync.acknowledgeSnapshot(context);
      return reply.type(NDJSON_MEDIA_TYPE).header('cache-control', 'no-store').send(body);
    },
  );

  app.get(
    '/sync/changes',
    {
      config: { access: 'station' },
      schema: { tags, querystring: ChangesQuery, response: { 200: ChangesPage } },
    },
    async (request) => {
      const context = await sync.loadContext(stationOf(request));
      return sync.changes(context, Number(request.query.after), request.query.limit ?? 1000);
    },
  );

  app.get(
    '/sync/events',
    {
      config: { access: 'station' },
      schema: {
        tags,
        description:
          'Server-Sent Events: `changes` pokes with id = cursor, `command` events, a ping every 15 s. Send Last-Event-ID to resume.',
      },
    },
    async (request, reply) => {
      const station = stationOf(request);
      await sync.loadContext(station);
      const lastEventId = parseLastEventId(request.headers['last-event-id']);
      reply.hijack();
      await streams.open(reply.raw, station.id, lastEventId);
    },
  );
};

function parseLastEventId(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || !/^[0-9]{1,18}$/.test(value)) return undefined;
  return Number(value);
}
