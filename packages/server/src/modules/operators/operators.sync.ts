import { readStoreScopedInBatches } from '../../sync/read-store-scoped';
import { SNAPSHOT_BATCH, type SnapshotSource } from '../../sync/snapshot-source';
import { listActiveOperatorsMaybeInStore } from './operators.repository';
import { toSyncOperator } from './operators.service';

/** A station sees the operators of its store and of every store, with PIN hashes (SPEC §4.2). */
export const operatorSnapshotSource: SnapshotSource = {
  entity: 'operator',
  read: (db, scope) =>
    readStoreScopedInBatches(
      (after) => listActiveOperatorsMaybeInStore(db, scope.storeCode, after, SNAPSHOT_BATCH),
      scope.storeCode,
      toSyncOperator,
    ),
};
