import { readInBatches, SNAPSHOT_BATCH, type SnapshotSource } from '../../sync/snapshot-source';
import { listActiveFinancialReasons } from './financial-reasons.repository';
import { toFinancialReason } from './financial-reasons.service';

/** Every station sees every active financial reason (scope global). */
export const financialReasonSnapshotSource: SnapshotSource = {
  entity: 'financialReason',
  read: (db) =>
    readInBatches(
      (after) => listActiveFinancialReasons(db, after, SNAPSHOT_BATCH),
      (row) => row.code,
      (row) => ({ key: row.code, data: toFinancialReason(row) }),
    ),
};
