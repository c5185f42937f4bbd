import type { SnapshotSource } from '../../sync/snapshot-source';
import { toStore } from './stores.service';

/** A station sees its own store only. */
export const storeSnapshotSource: SnapshotSource = {
  entity: 'store',
  async *read(db, scope) {
    const row = await db
      .selectFrom('stores')
      .selectAll()
      .where('code', '=', scope.storeCode)
      .where('active', '=', 1)
      .executeTakeFirst();
    if (row) yield [{ key: row.code, data: toStore(row) }];
  },
};
