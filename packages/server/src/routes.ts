import type { FastifyInstance } from 'fastify';
import type { Services } from './services';
import { authRoutes } from './modules/auth/auth.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { promotionsRoutes } from './modules/promotions/promotions.routes';
import { storesRoutes } from './modules/stores/stores.routes';

/** Everything under `/api/v1`. */
export async function registerApiRoutes(api: FastifyInstance, services: Services): Promise<void> {
  await api.register(authRoutes, { auth: services.auth });
  await api.register(auditRoutes, { audit: services.audit });
  await api.register(promotionsRoutes, { promotions: services.promotions });
  await api.register(storesRoutes, { stores: services.stores });
}
