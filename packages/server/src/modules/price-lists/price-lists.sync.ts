import { SNAPSHOT_BATCH, readInBatches, type SnapshotSource } from '../../sync/snapshot-source';
import { listPricesAfter } from './price-lists.repository';
import { toPrice } from './price-lists.wire';

/**
 * A station sees every price of its group's price list, whatever the SKU's active flag, keyed by
 * SKU code: the same `{skuCode, priceCents}` its changes carry.
 */
export const priceSnapshotSource: SnapshotSource = {
  entity: 'price',
  read: (db, scope) =>
    readInBatches(
      (after) => listPricesAfter(db, scope.priceListCode, after, SNAPSHOT_BATCH),
      (row) => row.skuCode,
      (row) => ({ key: row.skuCode, data: toPrice(row) }),
    ),
  async count(db, scope) {
    const row = await db
      .selectFrom('prices')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('priceListCode', '=', scope.priceListCode)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
