import type { SnapshotSource } from './snapshot-source';
import { storeSnapshotSource } from '../modules/stores/stores.sync';
import { productSnapshotSource } from '../modules/products/products.sync';
import { priceSnapshotSource } from '../modules/price-lists/price-lists.sync';

/** Every entity a snapshot carries, in the order it streams them. */
export const snapshotSources: SnapshotSource[] = [
  storeSnapshotSource,
  productSnapshotSource,
  priceSnapshotSource,
];
