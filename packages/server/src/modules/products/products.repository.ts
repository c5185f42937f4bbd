import { sql } from 'kysely';
import type { ProductListQuery } from '@storelink/contracts';
import type { Executor, Row } from '../../db/schema';
import { chunksOf } from '../../db/chunks';
import { containsText } from '../../db/paging';

export type ProductRow = Row<'products'>;
export type SkuRow = Row<'skus'>;
export type BarcodeRow = Row<'barcodes'>;

export interface BarcodeOwnerRow {
  barcode: string;
  skuCode: string;
  productCode: string;
}

export async function findProductById(db: Executor, id: string): Promise<ProductRow | undefined> {
  return db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
}

/** One page plus one row, ordered by code, after the cursor's code. */
export async function listProducts(
  db: Executor,
  query: ProductListQuery & { limit: number },
  after: string | undefined,
): Promise<ProductRow[]> {
  let q = db
    .selectFrom('products')
    .selectAll('products')
    .orderBy('products.code')
    .limit(query.limit + 1);
  if (after !== undefined) q = q.where('products.code', '>', after);
  if (query.active !== undefined) q = q.where('products.active', '=', query.active ? 1 : 0);
  if (query.category !== undefined) q = q.where('products.category', '=', query.category);
  if (query.q) {
    const text = query.q;
    q = q.where((eb) =>
      eb.or([
        containsText('products.code', text),
        containsText('products.name', text),
        eb.exists(
          eb
            .selectFrom('skus')
            .select(sql.lit(1).as('one'))
            .whereRef('skus.productCode', '=', 'products.code')
            .where(containsText('skus.code', text)),
        ),
      ]),
    );
  }
  if (query.barcode !== undefined) {
    const barcode = query.barcode;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('barcodes')
          .innerJoin('skus', 'skus.code', 'barcodes.skuCode')
          .select(sql.lit(1).as('one'))
          .whereRef('skus.productCode', '=', 'products.code')
          .where('barcodes.barcode', '=', barcode),
      ),
    );
  }
  return q.execute();
}

/** Active products after `after`, by code: the snapshot's batches. */
export async function listActiveProducts(
  db: Executor,
  after: string | undefined,
  limit: number,
): Promise<ProductRow[]> {
  let q = db.selectFrom('products').selectAll().where('active', '=', 1).orderBy('code').limit(limit);
  if (after !== undefined) q = q.where('code', '>', after);
  return q.execute();
}

export async function findProductsByCodes(db: Executor, codes: readonly string[]): Promise<ProductRow[]> {
  const rows: ProductRow[] = [];
  for (const chunk of chunksOf(codes)) {
    rows.push(...(await db.selectFrom('products').selectAll().where('code', 'in', chunk).execute()));
  }
  return rows;
}

export async function findSkusOfProducts(db: Executor, productCodes: readonly string[]): Promise<SkuRow[]> {
  const rows: SkuRow[] = [];
  for (const chunk of chunksOf(productCodes)) {
    rows.push(...(await db.selectFrom('skus').selectAll().where('productCode', 'in', chunk).execute()));
  }
  return rows;
}

export async function findSkusByCodes(db: Executor, codes: readonly string[]): Promise<SkuRow[]> {
  const rows: SkuRow[] = [];
  for (const chunk of chunksOf(codes)) {
    rows.push(...(await db.selectFrom('skus').selectAll().where('code', 'in', chunk).execute()));
  }
  return rows;
}

export async function findBarcodesOfSkus(db: Executor, skuCodes: readonly string[]): Promise<BarcodeRow[]> {
  const rows: BarcodeRow[] = [];
  for (const chunk of chunksOf(skuCodes)) {
    rows.push(...(await db.selectFrom('barcodes').selectAll().where('skuCode', 'in', chunk).execute()));
  }
  return rows;
}

/** Who holds each of these barcodes now: the SKU and its product. */
export async function findBarcodeOwners(
  db: Executor,
  barcodes: readonly string[],
): Promise<BarcodeOwnerRow[]> {
  const rows: BarcodeOwnerRow[] = [];
  for (const chunk of chunksOf(barcodes)) {
    rows.push(
      ...(await db
        .selectFrom('barcodes')
        .innerJoin('skus', 'skus.code', 'barcodes.skuCode')
        .select(['barcodes.barcode', 'barcodes.skuCode', 'skus.productCode'])
        .where('barcodes.barcode', 'in', chunk)
        .execute()),
    );
  }
  return rows;
}

/** Inserts new products and rewrites the fields of existing ones, matched by code; ids never change. */
export async function upsertProducts(db: Executor, rows: readonly ProductRow[]): Promise<void> {
  for (const chunk of chunksOf(rows, 500)) {
    await db
      .insertInto('products')
      .values(chunk)
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          brand: eb.ref('excluded.brand'),
          category: eb.ref('excluded.category'),
          active: eb.ref('excluded.active'),
          updatedAt: eb.ref('excluded.updatedAt'),
        })),
      )
      .execute();
  }
}

/** Same for SKUs; a SKU's product never changes, so `productCode` is not rewritten. */
export async function upsertSkus(db: Executor, rows: readonly SkuRow[]): Promise<void> {
  for (const chunk of chunksOf(rows, 500)) {
    await db
      .insertInto('skus')
      .values(chunk)
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          color: eb.ref('excluded.color'),
          size: eb.ref('excluded.size'),
          active: eb.ref('excluded.active'),
          updatedAt: eb.ref('excluded.updatedAt'),
        })),
      )
      .execute();
  }
}

/** Replaces the barcodes of these SKUs with `rows` (which hold only barcodes of these SKUs). */
export async function replaceBarcodes(
  db: Executor,
  skuCodes: readonly string[],
  rows: readonly BarcodeRow[],
): Promise<void> {
  for (const chunk of chunksOf(skuCodes)) {
    await db.deleteFrom('barcodes').where('skuCode', 'in', chunk).execute();
  }
  for (const chunk of chunksOf(rows, 1000)) {
    await db.insertInto('barcodes').values(chunk).execute();
  }
}
