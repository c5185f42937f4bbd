import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { Problem } from '@storelink/contracts';
import type { DatabaseHandle } from './db/database';
import { readHeadCursor } from './modules/changes/change-log.repository';
import { registerAccessControl } from './http/access';
import { DEFAULT_CONSOLE_DIR, registerConsole, type ConsoleFallback } from './http/console';
import { registerProblemHandler } from './http/problem';
import { registerValidation } from './http/validation';
import { createMetrics, instrumentRequests, registerOpenErrorsGauge, type Metrics } from './ops/metrics';
import type { IngestService } from './modules/movements/ingest.service';
import { ingestRoutes } from './modules/movements/ingest.routes';
import { opsRoutes } from './ops/ops.routes';
import { registerApiRoutes } from './routes';
import { createServices, type Services } from './services';
import { ChangeNotifier, listenForChanges, type PgListener } from './sync/change-notifier';
import { EventStreams } from './sync/event-streams';
import { startRetentionJob } from './sync/retention';
import { snapshotSources } from './sync/snapshot-sources';
import { createSyncService, type SyncService, type TakePendingCommands } from './sync/sync.service';
import { syncRoutes } from './sync/sync.routes';
import { deliverPendingCommands } from './modules/station-commands/station-commands.repository';

export const API_PREFIX = '/api/v1';
/** 1 MiB by default (SPEC §12.1); streamed routes set their own limits. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export interface ServerOptions {
  database: DatabaseHandle;
  /** pino options, or false to stay silent (tests). */
  logger?: FastifyServerOptions['logger'];
  now?: () => Date;
  /** Trust X-Forwarded-* from a reverse proxy in front of the server. */
  trustProxy?: boolean;
  /** How often live streams get a comment ping (default 15 s). */
  pingIntervalMs?: number;
  /** How often the change log is pruned (default hourly). */
  retentionIntervalMs?: number;
  /** Cap of streamed bulk imports (default 1 GiB, SPEC §12.1). */
  importLimitBytes?: number;
  /** The built web console served at `/` (default packages/admin-web/dist); `false` for none. */
  consoleDir?: string | false;
}

export interface StorelinkServer {
  app: FastifyInstance;
  database: DatabaseHandle;
  services: Services;
  notifier: ChangeNotifier;
  sync: SyncService;
  ingest: IngestService;
  streams: EventStreams;
  metrics: Metrics;
  close(): Promise<void>;
}

/**
 * Builds the back office HTTP server on an open, migrated database. The caller owns the
 * database handle's lifetime only until this returns: `close()` closes both.
 */
export async function buildServer(options: ServerOptions): Promise<StorelinkServer> {
  const { database } = options;
  const now = options.now ?? (() => new Date());
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: DEFAULT_BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
  }).withTypeProvider<TypeBoxTypeProvider>();

  const notifier = new ChangeNotifier();
  const metrics = createMetrics();
  const writeDeps = {
    db: database.db,
    dialect: database.dialect,
    now,
    onChanges: (cursor: number) => notifier.notify(cursor),
    onCommands: (stationId: string) => notifier.notifyCommand(stationId),
  };
  const services = createServices(writeDeps, { metrics, log: app.log });
  const takePendingCommands: TakePendingCommands = async (stationId) =>
    (await deliverPendingCommands(database.db, stationId, now())).map((c) => ({
      type: c.type,
      issuedAt: c.issuedAt,
    }));
  const sync = createSyncService({ ...writeDeps, takePendingCommands });
  const ingest = services.ingest;
  registerOpenErrorsGauge(metrics, () => services.integrationErrors.countOpen());
  const streams = new EventStreams({
    notifier,
    readHead: () => readHeadCursor(database.db),
    takePendingCommands,
    log: app.log,
    ...(options.pingIntervalMs ? { pingIntervalMs: options.pingIntervalMs } : {}),
  });
  const retention = startRetentionJob(() => sync.pruneChanges(), app.log, options.retentionIntervalMs);

  let listener: PgListener | undefined;
  if (database.dialect === 'postgres' && database.connectionString) {
    listener = listenForChanges(
      database.connectionString,
      notifier,
      () => readHeadCursor(database.db),
      app.log,
    );
  }

  registerValidation(app);
  // The console registers after the API; the 404 handler asks it first through this indirection.
  let consoleFallback: ConsoleFallback = () => undefined;
  registerProblemHandler(app, { fallback: (request, reply) => consoleFallback(request, reply) });
  registerAccessControl(app, {
    authenticateUser: (token) => services.auth.authenticate(token),
    authenticateStation: (token) => sync.authenticate(token),
  });
  instrumentRequests(app, metrics);
  app.addSchema(Problem);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'storelink API',
        version: '1',
        description:
          'Back office (/api/v1) and station sync (/api/v1/sync) API. Errors are application/problem+json.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  // The documentation UI is public, like /openapi.json.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/docs')) route.config = { ...route.config, access: 'public' };
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list' } });

  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger());
  await app.register(opsRoutes, { db: database.db, registry: metrics.registry });
  await app.register(
    async (api) =>
      registerApiRoutes(api, services, {
        ...(options.importLimitBytes !== undefined ? { importLimitBytes: options.importLimitBytes } : {}),
      }),
    { prefix: API_PREFIX },
  );
  await app.register(syncRoutes, {
    prefix: API_PREFIX,
    sync,
    database,
    streams,
    sources: snapshotSources,
  });
  await app.register(ingestRoutes, { prefix: API_PREFIX, ingest, sync });
  // Live streams are hijacked responses: end them, or closing the server would wait on them.
  app.addHook('preClose', async () => {
    retention.stop();
    streams.close();
  });
  consoleFallback = await registerConsole(app, { dir: options.consoleDir ?? DEFAULT_CONSOLE_DIR });

  return {
    app,
    database,
    services,
    notifier,
    sync,
    ingest,
    streams,
    metrics,
    async close() {
      await app.close();
      await listener?.close();
      await database.close();
    },
  };
}
