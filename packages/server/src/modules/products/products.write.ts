import type { Product } from '@storelink/contracts';
import type { Executor } from '../../db/schema';
import type { WriteContext } from '../../db/write';
import type { PlannedWrite } from './products.plan';
import * as repo from './products.repository';
import { byCodePoint, toProduct, visible } from './products.state';

/**
 * The rows a batch of planned writes changes, gathered so they reach the database in a few
 * multi-row statements (products, then SKUs, then barcodes: the order their foreign keys need).
 * Later writes of the same record replace earlier ones: what is flushed is the batch's end state.
 */
export class ProductWriteSet {
  private readonly products = new Map<string, repo.ProductRow>();
  private readonly skus = new Map<string, repo.SkuRow>();
  private readonly barcodes = new Map<string, readonly string[]>();

  add(write: PlannedWrite): void {
    if (write.productChanged) this.products.set(write.code, write.after.row);
    for (const row of write.changedSkus) this.skus.set(row.code, row);
    for (const sku of write.rebarcodedSkus) this.barcodes.set(sku.row.code, sku.barcodes);
  }

  /**
   * Barcodes are rewritten SKU by SKU: every SKU that gave a barcode up in the batch is in the
   * set too (a barcode can only leave a SKU whose barcodes change), so deleting the old barcodes
   * of all of them before inserting the new ones never trips the barcode's uniqueness.
   */
  async flush(db: Executor): Promise<void> {
    // Rows go in code order, so two concurrent batches lock shared rows in the same order and
    // cannot deadlock each other on PostgreSQL.
    await repo.upsertProducts(db, sortedByCode(this.products));
    await repo.upsertSkus(db, sortedByCode(this.skus));
    const skuCodes = [...this.barcodes.keys()].sort(byCodePoint);
    const rows = skuCodes.flatMap((skuCode) =>
      (this.barcodes.get(skuCode) ?? []).map((barcode) => ({ barcode, skuCode })),
    );
    await repo.replaceBarcodes(db, skuCodes, rows);
  }
}

function sortedByCode<R>(rows: Map<string, R>): R[] {
  return [...rows.keys()].sort(byCodePoint).map((code) => rows.get(code) as R);
}

/** Puts a changed product in the change log (entity `product`, key = its code) and answers both shapes. */
export function recordProductChange(
  w: WriteContext,
  write: PlannedWrite,
): { before: Product | null; after: Product } {
  const before = write.before ? toProduct(write.before) : null;
  const after = toProduct(write.after);
  w.recordChange({
    entity: 'product',
    key: write.code,
    before: before ? visible(before) : null,
    after: visible(after),
  });
  return { before, after };
}
