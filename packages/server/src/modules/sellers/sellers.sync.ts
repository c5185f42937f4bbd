import { readStoreScopedInBatches } from '../../sync/read-store-scoped';
import { SNAPSHOT_BATCH, type SnapshotSource } from '../../sync/snapshot-source';
import { listActiveSellersMaybeInStore } from './sellers.repository';
import { toSeller } from './sellers.service';

/** A station sees the sellers of its store and those of every store (empty `storeCodes`). */
export const sellerSnapshotSource: SnapshotSource = {
  entity: 'seller',
  read: (db, scope) =>
    readStoreScopedInBatches(
      (after) => listActiveSellersMaybeInStore(db, scope.storeCode, after, SNAPSHOT_BATCH),
      scope.storeCode,
      toSeller,
    ),
};
