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
import { storesRoutes } from './modules/stores/stores.routes';
import { integrationErrorsRoutes } from './modules/integration-errors/integration-errors.routes';
import { movementsRoutes } from './modules/movements/movements.routes';

/** Everything under `/api/v1`. */
export async function registerApiRoutes(api: FastifyInstance, services: Services): Promise<void> {
  await api.register(authRoutes, { auth: services.auth });
  await api.register(auditRoutes, { audit: services.audit });
  await api.register(promotionsRoutes, { promotions: services.promotions });
  await api.register(storesRoutes, { stores: services.stores });
  await api.register(stationGroupsRoutes, { stationGroups: services.stationGroups });
  await api.register(stationsRoutes, { stations: services.stations });
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
}
