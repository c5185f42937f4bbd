import type { FastifyInstance } from 'fastify';
import type { Services } from './services';
import { authRoutes } from './modules/auth/auth.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { storesRoutes } from './modules/stores/stores.routes';
import { productsRoutes } from './modules/products/products.routes';
import { priceListsRoutes } from './modules/price-lists/price-lists.routes';
import { IMPORT_BODY_LIMIT_BYTES } from './http/streamed-body';

export interface ApiRouteOptions {
  /** Cap of streamed bulk imports; SPEC §12.1 sets 1 GiB, tests pass less. */
  importLimitBytes?: number;
}

/** Everything under `/api/v1`. */
export async function registerApiRoutes(
  api: FastifyInstance,
  services: Services,
  options: ApiRouteOptions = {},
): Promise<void> {
  const importLimitBytes = options.importLimitBytes ?? IMPORT_BODY_LIMIT_BYTES;
  await api.register(authRoutes, { auth: services.auth });
  await api.register(auditRoutes, { audit: services.audit });
  await api.register(storesRoutes, { stores: services.stores });
  await api.register(productsRoutes, { products: services.products, importLimitBytes });
  await api.register(priceListsRoutes, { priceLists: services.priceLists, importLimitBytes });
}
