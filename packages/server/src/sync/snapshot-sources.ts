import type { SnapshotSource } from './snapshot-source';
import { promotionSnapshotSource } from '../modules/promotions/promotions.sync';
import { financialReasonSnapshotSource } from '../modules/financial-reasons/financial-reasons.sync';
import { operatorSnapshotSource } from '../modules/operators/operators.sync';
import { paymentConditionSnapshotSource } from '../modules/payment-conditions/payment-conditions.sync';
import { paymentTypeSnapshotSource } from '../modules/payment-types/payment-types.sync';
import { sellerSnapshotSource } from '../modules/sellers/sellers.sync';
import { settingsSnapshotSource } from '../modules/settings/settings.sync';
import { stationGroupSnapshotSource } from '../modules/station-groups/station-groups.sync';
import { stationSnapshotSource } from '../modules/stations/stations.sync';
import { storeSnapshotSource } from '../modules/stores/stores.sync';
import { voucherSnapshotSource } from '../modules/movements/vouchers.sync';
import { productSnapshotSource } from '../modules/products/products.sync';
import { priceSnapshotSource } from '../modules/price-lists/price-lists.sync';

/** Every entity a snapshot carries, in the order it streams them. */
export const snapshotSources: SnapshotSource[] = [
  storeSnapshotSource,
  stationGroupSnapshotSource,
  stationSnapshotSource,
  settingsSnapshotSource,
  productSnapshotSource,
  priceSnapshotSource,
  sellerSnapshotSource,
  operatorSnapshotSource,
  paymentTypeSnapshotSource,
  paymentConditionSnapshotSource,
  financialReasonSnapshotSource,
  promotionSnapshotSource,
  voucherSnapshotSource,
];
