import type { SnapshotSource } from '../../sync/snapshot-source';
import { readInBatches, SNAPSHOT_BATCH } from '../../sync/snapshot-source';
import { listActivePromotions } from './promotions.repository';
import { toPromotion } from './promotions.service';

/** A station sees the active promotions of its group and the chain-wide ones. */
export const promotionSnapshotSource: SnapshotSource = {
  entity: 'promotion',
  async *read(db, scope) {
    const batches = readInBatches(
      (after) => listActivePromotions(db, after, SNAPSHOT_BATCH),
      (row) => row.code,
      (row) => ({ key: row.code, data: toPromotion(row) }),
    );
    for await (const batch of batches) {
      yield batch.filter((record) => {
        const groups = (record.data as { groupCodes: string[] }).groupCodes;
        return groups.length === 0 || groups.includes(scope.groupCode);
      });
    }
  },
};
