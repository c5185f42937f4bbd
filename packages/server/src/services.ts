import type { WriteDeps } from './db/write';
import { createAuthService } from './modules/auth/auth.service';
import { createAuditService } from './modules/audit/audit.service';
import { createStoresService } from './modules/stores/stores.service';
import { createProductsService } from './modules/products/products.service';
import { createPriceListsService } from './modules/price-lists/price-lists.service';

/** Every service of the back office, built once per server from the same write dependencies. */
export function createServices(deps: WriteDeps) {
  return {
    auth: createAuthService(deps),
    audit: createAuditService(deps),
    stores: createStoresService(deps),
    products: createProductsService(deps),
    priceLists: createPriceListsService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
