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
  async count(db, scope) {
    const row = await db
      .selectFrom('stores')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('code', '=', scope.storeCode)
      .where('active', '=', 1)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
