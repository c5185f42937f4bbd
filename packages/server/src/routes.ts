import type { FastifyInstance } from 'fastify';
import type { Services } from './services';
import { authRoutes } from './modules/auth/auth.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { promotionsRoutes } from './modules/promotions/promotions.routes';
import { financialReasonsRoutes } from './modules/financial-reasons/financial-reasons.routes';
import { operatorsRoutes } from './modules/operators/operators.routes';
import { paymentConditionsRoutes } from './modules/payment-conditions/payment-conditions.routes';
import { paymentTypesRoutes } from './modules/payment-types/payment-types.routes';
import { sellersRoutes } from './modules/sellers/sellers.routes';
import { settingsRoutes } from './modules/settings/settings.routes';
import { stationGroupsRoutes } from './modules/station-groups/station-groups.routes';
import { stationsRoutes } from './modules/stations/stations.routes';
import { stationCommandsRoutes } from './modules/station-commands/station-commands.routes';
import { storesRoutes } from './modules/stores/stores.routes';
import { integrationErrorsRoutes } from './modules/integration-errors/integration-errors.routes';
import { movementsRoutes } from './modules/movements/movements.routes';
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
  await api.register(promotionsRoutes, { promotions: services.promotions });
  await api.register(storesRoutes, { stores: services.stores });
  await api.register(stationGroupsRoutes, { stationGroups: services.stationGroups });
  await api.register(stationsRoutes, { stations: services.stations });
  await api.register(stationCommandsRoutes, { stationCommands: services.stationCommands });
  await api.register(sellersRoutes, { sellers: services.sellers });
  await api.register(operatorsRoutes, { operators: services.operators });
  await api.register(paymentTypesRoutes, { paymentTypes: services.paymentTypes });
  await api.register(paymentConditionsRoutes, { paymentConditions: services.paymentConditions });
  await api.register(financialReasonsRoutes, { financialReasons: services.financialReasons });
  await api.register(settingsRoutes, { settings: services.settings });
  await api.register(integrationErrorsRoutes, { integrationErrors: services.integrationErrors });
  await api.register(movementsRoutes, {
    stationMovements: services.stationMovements,
    erpFeed: services.erpFeed,
  });
  await api.register(productsRoutes, { products: services.products, importLimitBytes });
  await api.register(priceListsRoutes, { priceLists: services.priceLists, importLimitBytes });
}
