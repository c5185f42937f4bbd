import type { SnapshotSource } from './snapshot-source';
import { promotionSnapshotSource } from '../modules/promotions/promotions.sync';
import { storeSnapshotSource } from '../modules/stores/stores.sync';

/** Every entity a snapshot carries, in the order it streams them. */
export const snapshotSources: SnapshotSource[] = [storeSnapshotSource, promotionSnapshotSource];
