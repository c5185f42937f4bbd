import { sql } from 'kysely';
import type { ListQuery } from '@storelink/contracts';
import type { Executor, Row } from '../../db/schema';
import { chunksOf } from '../../db/chunks';
import { containsText } from '../../db/paging';

export type PriceListRow = Row<'priceLists'>;
export type PriceRow = Row<'prices'>;

export async function findPriceListById(db: Executor, id: string): Promise<PriceListRow | undefined> {
  return db.selectFrom('priceLists').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPriceListByCode(db: Executor, code: string): Promise<PriceListRow | undefined> {
  return db.selectFrom('priceLists').selectAll().where('code', '=', code).executeTakeFirst();
}

/** One page plus one row, ordered by code, after the cursor's code. */
export async function listPriceLists(
  db: Executor,
  query: ListQuery & { limit: number },
  after: string | undefined,
): Promise<PriceListRow[]> {
  let q = db
    .selectFrom('priceLists')
    .selectAll()
    .orderBy('code')
    .limit(query.limit + 1);
  if (after !== undefined) q = q.where('code', '>', after);
  if (query.active !== undefined) q = q.where('active', '=', query.active ? 1 : 0);
  if (query.q) {
    const text = query.q;
    q = q.where((eb) => eb.or([containsText('code', text), containsText('name', text)]));
  }
  return q.execute();
}

export async function insertPriceList(db: Executor, row: PriceListRow): Promise<void> {
  await db.insertInto('priceLists').values(row).execute();
}

export async function updatePriceList(db: Executor, id: string, patch: Partial<PriceListRow>): Promise<void> {
  await db.updateTable('priceLists').set(patch).where('id', '=', id).execute();
}

/** Codes of the active station groups that sell with this price list. */
export async function findActiveGroupsUsing(db: Executor, priceListCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom('stationGroups')
    .select('code')
    .where('priceListCode', '=', priceListCode)
    .where('active', '=', 1)
    .orderBy('code')
    .execute();
  return rows.map((r) => r.code);
}

/** One page plus one row of a list's prices, by SKU code, optionally only codes starting with `prefix`. */
export async function listPrices(
  db: Executor,
  priceListCode: string,
  options: { limit: number; prefix: string | undefined; after: string | undefined },
): Promise<PriceRow[]> {
  let q = db
    .selectFrom('prices')
    .selectAll()
    .where('priceListCode', '=', priceListCode)
    .orderBy('skuCode')
    .limit(options.limit + 1);
  if (options.after !== undefined) q = q.where('skuCode', '>', options.after);
  if (options.prefix) {
    const escaped = options.prefix.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
    q = q.where(sql<boolean>`lower(${sql.ref('skuCode')}) like ${`${escaped}%`} escape '\\'`);
  }
  return q.execute();
}

/** All prices of a list after `after`, by SKU code: the snapshot's batches. */
export async function listPricesAfter(
  db: Executor,
  priceListCode: string,
  after: string | undefined,
  limit: number,
): Promise<PriceRow[]> {
  let q = db
    .selectFrom('prices')
    .selectAll()
    .where('priceListCode', '=', priceListCode)
    .orderBy('skuCode')
    .limit(limit);
  if (after !== undefined) q = q.where('skuCode', '>', after);
  return q.execute();
}

export async function findPrices(
  db: Executor,
  priceListCode: string,
  skuCodes: readonly string[],
): Promise<PriceRow[]> {
  const rows: PriceRow[] = [];
  for (const chunk of chunksOf(skuCodes)) {
    rows.push(
      ...(await db
        .selectFrom('prices')
        .selectAll()
        .where('priceListCode', '=', priceListCode)
        .where('skuCode', 'in', chunk)
        .execute()),
    );
  }
  return rows;
}

/** Which of these SKU codes exist (active or not). */
export async function findExistingSkuCodes(db: Executor, skuCodes: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const chunk of chunksOf(skuCodes)) {
    const rows = await db.selectFrom('skus').select('code').where('code', 'in', chunk).execute();
    for (const row of rows) found.add(row.code);
  }
  return found;
}

export async function upsertPrices(db: Executor, rows: readonly PriceRow[]): Promise<void> {
  for (const chunk of chunksOf(rows, 1000)) {
    await db
      .insertInto('prices')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['priceListCode', 'skuCode']).doUpdateSet((eb) => ({
          priceCents: eb.ref('excluded.priceCents'),
          updatedAt: eb.ref('excluded.updatedAt'),
        })),
      )
      .execute();
  }
}
