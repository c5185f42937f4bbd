import { readInBatches, SNAPSHOT_BATCH, type SnapshotSource } from '../../sync/snapshot-source';
import { listActivePaymentConditions } from './payment-conditions.repository';
import { toPaymentCondition } from './payment-conditions.service';

/** Every station sees every active payment condition (scope global). */
export const paymentConditionSnapshotSource: SnapshotSource = {
  entity: 'paymentCondition',
  read: (db) =>
    readInBatches(
      (after) => listActivePaymentConditions(db, after, SNAPSHOT_BATCH),
      (row) => row.code,
      (row) => ({ key: row.code, data: toPaymentCondition(row) }),
    ),
};
