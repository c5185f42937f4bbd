import type { WriteDeps } from './db/write';
import { createAuthService } from './modules/auth/auth.service';
import { createAuditService } from './modules/audit/audit.service';
import { createPromotionsService } from './modules/promotions/promotions.service';
import { createStoresService } from './modules/stores/stores.service';

/** Every service of the back office, built once per server from the same write dependencies. */
export function createServices(deps: WriteDeps) {
  return {
    auth: createAuthService(deps),
    audit: createAuditService(deps),
    promotions: createPromotionsService(deps),
    stores: createStoresService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
