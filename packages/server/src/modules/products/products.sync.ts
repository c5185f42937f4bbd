import { SNAPSHOT_BATCH, type SnapshotSource } from '../../sync/snapshot-source';
import { listActiveProducts } from './products.repository';
import { loadProductStates, toProduct } from './products.state';

/**
 * Every station sees every active product, with all its SKUs, active or not: the same `toProduct`
 * JSON its changes carry. Stations leave inactive SKUs out of their lookups themselves.
 */
export const productSnapshotSource: SnapshotSource = {
  entity: 'product',
  async *read(db) {
    let after: string | undefined;
    for (;;) {
      const rows = await listActiveProducts(db, after, SNAPSHOT_BATCH);
      if (rows.length === 0) return;
      const states = await loadProductStates(db, rows);
      yield states.map((state) => ({ key: state.row.code, data: toProduct(state) }));
      if (rows.length < SNAPSHOT_BATCH) return;
      after = rows[rows.length - 1]?.code;
    }
  },
  async count(db) {
    const row = await db
      .selectFrom('products')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('active', '=', 1)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
