import type { ListQuery } from '@storelink/contracts';
import type { Executor, Row } from '../../db/schema';
import { listActiveByCode, listByCode } from '../../db/listing';

export type PromotionRow = Row<'promotions'>;

export async function findPromotionById(db: Executor, id: string): Promise<PromotionRow | undefined> {
  return db.selectFrom('promotions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPromotionByCode(db: Executor, code: string): Promise<PromotionRow | undefined> {
  return db.selectFrom('promotions').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function listPromotions(
  db: Executor,
  query: ListQuery & { limit: number },
  after: string | undefined,
): Promise<PromotionRow[]> {
  return listByCode(db, 'promotions', query, after);
}

export async function insertPromotion(db: Executor, row: PromotionRow): Promise<void> {
  await db.insertInto('promotions').values(row).execute();
}

export async function updatePromotion(db: Executor, id: string, patch: Partial<PromotionRow>): Promise<void> {
  await db.updateTable('promotions').set(patch).where('id', '=', id).execute();
}

/** Active promotions that may apply to a group (its own or chain-wide), for snapshots. */
export async function listActivePromotions(
  db: Executor,
  after: string | undefined,
  limit: number,
): Promise<PromotionRow[]> {
  return listActiveByCode(db, 'promotions', after, limit);
}
