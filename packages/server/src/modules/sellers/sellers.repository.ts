import type { ListQuery } from '@storelink/contracts';
import type { Executor, Row } from '../../db/schema';
import { mayListCodeOrAll } from '../../db/code-lists';
import { listActiveByCode, listByCode } from '../../db/listing';

export type SellerRow = Row<'sellers'>;

export async function findSellerById(db: Executor, id: string): Promise<SellerRow | undefined> {
  return db.selectFrom('sellers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findSellerByCode(db: Executor, code: string): Promise<SellerRow | undefined> {
  return db.selectFrom('sellers').selectAll().where('code', '=', code).executeTakeFirst();
}

/** One page plus one row, ordered by code, after the cursor's code. */
export async function listSellers(
  db: Executor,
  query: ListQuery & { limit: number },
  after: string | undefined,
): Promise<SellerRow[]> {
  return listByCode(db, 'sellers', query, after);
}

export async function insertSeller(db: Executor, row: SellerRow): Promise<void> {
  await db.insertInto('sellers').values(row).execute();
}

export async function updateSeller(db: Executor, id: string, patch: Partial<SellerRow>): Promise<void> {
  await db.updateTable('sellers').set(patch).where('id', '=', id).execute();
}

/** Active sellers that may work in the store (prefiltered; see `mayListCodeOrAll`), by code. */
export async function listActiveSellersMaybeInStore(
  db: Executor,
  storeCode: string,
  after: string | undefined,
  limit: number,
): Promise<SellerRow[]> {
  return listActiveByCode(db, 'sellers', after, limit, mayListCodeOrAll('storeCodes', storeCode));
}
