import type { ListQuery } from '@storelink/contracts';
import type { Executor, Row } from '../../db/schema';
import { listByCode } from '../../db/listing';

export type StoreRow = Row<'stores'>;

export async function findStoreById(db: Executor, id: string): Promise<StoreRow | undefined> {
  return db.selectFrom('stores').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findStoreByCode(db: Executor, code: string): Promise<StoreRow | undefined> {
  return db.selectFrom('stores').selectAll().where('code', '=', code).executeTakeFirst();
}

/** One page plus one row, ordered by code, after the cursor's code. */
export async function listStores(
  db: Executor,
  query: ListQuery & { limit: number },
  after: string | undefined,
): Promise<StoreRow[]> {
  return listByCode(db, 'stores', query, after);
}

export async function insertStore(db: Executor, row: StoreRow): Promise<void> {
  await db.insertInto('stores').values(row).execute();
}

export async function updateStore(db: Executor, id: string, patch: Partial<StoreRow>): Promise<void> {
  await db.updateTable('stores').set(patch).where('id', '=', id).execute();
}

export async function countActiveGroupsOfStore(db: Executor, storeCode: string): Promise<number> {
  const row = await db
    .selectFrom('stationGroups')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('storeCode', '=', storeCode)
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
