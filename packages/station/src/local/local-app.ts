import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { CatalogSummary, SkuLookupQuery, SkuLookupResult, StationStatus } from '@storelink/contracts';
import type { StationDb } from '../db/database';
import { findSkusByBarcode, searchSkus, summarizeCatalog } from '../catalog/catalog.repository';
import { readSyncState } from '../sync/sync-state';
import { LocalError, registerLocalErrors } from './problem';

export const LOCAL_PREFIX = '/local/v1';

export interface LocalAppOptions {
  db: StationDb;
  status: () => StationStatus;
  logger?: FastifyServerOptions['logger'];
}

/**
 * The station's local API (SPEC §6), served on 127.0.0.1 only. It reads the station's own
 * database, so it answers the same whether the server is reachable or not.
 */
export function buildLocalApp(options: LocalAppOptions): FastifyInstance {
  const { db } = options;
  const app = Fastify({ logger: options.logger ?? false }).withTypeProvider<TypeBoxTypeProvider>();
  registerLocalErrors(app);

  app.get(`${LOCAL_PREFIX}/status`, { schema: { response: { 200: StationStatus } } }, () => options.status());

  app.get(
    `${LOCAL_PREFIX}/skus`,
    { schema: { querystring: SkuLookupQuery, response: { 200: SkuLookupResult } } },
    (request) => {
      const { barcode, q, limit } = request.query;
      if ((barcode === undefined) === (q === undefined)) {
        throw new LocalError('validation_failed', 'Give either barcode or q (not both).', [
          { path: barcode === undefined ? 'barcode' : 'q', message: 'give either barcode or q' },
        ]);
      }
      if (barcode !== undefined) return { items: findSkusByBarcode(db, barcode) };
      return { items: searchSkus(db, q ?? '', limit ?? 50) };
    },
  );

  app.get(`${LOCAL_PREFIX}/catalog`, { schema: { response: { 200: CatalogSummary } } }, () =>
    summarizeCatalog(db, readSyncState(db).cursor),
  );

  return app;
}
