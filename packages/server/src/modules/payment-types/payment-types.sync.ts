import { readInBatches, SNAPSHOT_BATCH, type SnapshotSource } from '../../sync/snapshot-source';
import { listActivePaymentTypes } from './payment-types.repository';
import { toPaymentType } from './payment-types.service';

/** Every station sees every active payment type (scope global). */
export const paymentTypeSnapshotSource: SnapshotSource = {
  entity: 'paymentType',
  read: (db) =>
    readInBatches(
      (after) => listActivePaymentTypes(db, after, SNAPSHOT_BATCH),
      (row) => row.code,
      (row) => ({ key: row.code, data: toPaymentType(row) }),
    ),
};
