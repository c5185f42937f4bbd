import type { WriteDeps } from './db/write';
import type { Metrics } from './ops/metrics';
import { createIntegrationErrorsService } from './modules/integration-errors/integration-errors.service';
import { createErpFeedService } from './modules/movements/erp-feed.service';
import { createIngestService, type IngestLog } from './modules/movements/ingest.service';
import { createStationMovementsService } from './modules/movements/station-movements.service';
import { createAuthService } from './modules/auth/auth.service';
import { createAuditService } from './modules/audit/audit.service';
import { createPromotionsService } from './modules/promotions/promotions.service';
import { createFinancialReasonsService } from './modules/financial-reasons/financial-reasons.service';
import { createOperatorsService } from './modules/operators/operators.service';
import { createPaymentConditionsService } from './modules/payment-conditions/payment-conditions.service';
import { createPaymentTypesService } from './modules/payment-types/payment-types.service';
import { createSellersService } from './modules/sellers/sellers.service';
import { createSettingsService } from './modules/settings/settings.service';
import { createStationGroupsService } from './modules/station-groups/station-groups.service';
import { createStationsService } from './modules/stations/stations.service';
import { createStationCommandsService } from './modules/station-commands/station-commands.service';
import { createStoresService } from './modules/stores/stores.service';
import { createProductsService } from './modules/products/products.service';
import { createPriceListsService } from './modules/price-lists/price-lists.service';

/** Every service of the back office, built once per server from the same write dependencies. */
export function createServices(deps: WriteDeps, ops: { metrics: Metrics; log: IngestLog }) {
  const ingest = createIngestService({ ...deps, ...ops });
  return {
    ingest,
    integrationErrors: createIntegrationErrorsService({ ...deps, afterBooking: ingest.sweepAfterCommit }),
    stationMovements: createStationMovementsService(deps),
    erpFeed: createErpFeedService(deps),
    auth: createAuthService(deps),
    audit: createAuditService(deps),
    promotions: createPromotionsService(deps),
    stores: createStoresService(deps),
    stationGroups: createStationGroupsService(deps),
    stations: createStationsService(deps),
    stationCommands: createStationCommandsService(deps),
    sellers: createSellersService(deps),
    operators: createOperatorsService(deps),
    paymentTypes: createPaymentTypesService(deps),
    paymentConditions: createPaymentConditionsService(deps),
    financialReasons: createFinancialReasonsService(deps),
    settings: createSettingsService(deps),
    products: createProductsService(deps),
    priceLists: createPriceListsService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
