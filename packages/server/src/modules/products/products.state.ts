import type { Product } from '@storelink/contracts';
import type { Executor } from '../../db/schema';
import { fromFlag, withoutNulls } from '../../db/rows';
import { GLOBAL, type Visible } from '../changes/change-plan';
import * as repo from './products.repository';

/** A SKU as stored: its row and its barcodes, sorted. */
export interface SkuState {
  row: repo.SkuRow;
  barcodes: string[];
}

/** A product as stored: its row and every SKU it has, active or not. */
export interface ProductState {
  row: repo.ProductRow;
  skus: Map<string, SkuState>;
}

/** Plain code-point order: the same on every database, whatever its collation. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The one row→wire mapping of a product. SKUs are ordered by code and barcodes sorted, so a
 * product's JSON is the same in a change, a snapshot and a GET (the catalog checksum relies on it).
 */
export function toProduct(state: ProductState): Product {
  const row = state.row;
  const skus = [...state.skus.values()].sort((a, b) => byCodePoint(a.row.code, b.row.code));
  return withoutNulls({
    id: row.id,
    code: row.code,
    name: row.name,
    brand: row.brand,
    category: row.category,
    active: fromFlag(row.active),
    skus: skus.map((sku) =>
      withoutNulls({
        id: sku.row.id,
        code: sku.row.code,
        color: sku.row.color,
        size: sku.row.size,
        barcodes: sku.barcodes,
        active: fromFlag(sku.row.active),
      }),
    ),
  });
}

/**
 * Products reach every station (global scope), with all their SKUs; an inactive product is a
 * delete downstream, and stations leave inactive SKUs out of their lookups themselves.
 */
export function visible(product: Product): Visible {
  return { data: product, scopes: [GLOBAL], active: product.active };
}

/** Completes product rows with their SKUs and barcodes: three queries for any number of products. */
export async function loadProductStates(
  db: Executor,
  rows: readonly repo.ProductRow[],
): Promise<ProductState[]> {
  const skus = await repo.findSkusOfProducts(
    db,
    rows.map((r) => r.code),
  );
  const barcodes = await repo.findBarcodesOfSkus(
    db,
    skus.map((s) => s.code),
  );
  const barcodesBySku = new Map<string, string[]>();
  for (const b of barcodes) {
    const list = barcodesBySku.get(b.skuCode) ?? [];
    list.push(b.barcode);
    barcodesBySku.set(b.skuCode, list);
  }
  const states = new Map<string, ProductState>(rows.map((row) => [row.code, { row, skus: new Map() }]));
  for (const sku of skus) {
    states.get(sku.productCode)?.skus.set(sku.code, {
      row: sku,
      barcodes: (barcodesBySku.get(sku.code) ?? []).sort(byCodePoint),
    });
  }
  return rows.map((row) => states.get(row.code) as ProductState);
}

/** What one batch of writes will look at: product codes, SKU codes and barcodes it names. */
export interface CatalogKeys {
  productCodes: Iterable<string>;
  skuCodes: Iterable<string>;
  barcodes: Iterable<string>;
}

export interface BarcodeOwner {
  skuCode: string;
  productCode: string;
}

/**
 * The part of the catalog a batch of product writes touches, read once inside the write
 * transaction and then kept up to date in memory as each write of the batch is planned and
 * applied. Planning write N sees writes 1..N-1, so a batch behaves exactly as the same writes sent
 * one by one, with a handful of queries instead of several per product.
 *
 * Invariant: every key a write names was loaded (`load` with the batch's keys), so a key missing
 * from a map really is absent from the database.
 */
export class CatalogState {
  /** Loaded products; `null` when no product has that code. */
  readonly products = new Map<string, ProductState | null>();
  /** The product of each known SKU code. */
  readonly skuOwners = new Map<string, string>();
  /** The holder of each known barcode. */
  readonly barcodeOwners = new Map<string, BarcodeOwner>();

  static async load(db: Executor, keys: CatalogKeys): Promise<CatalogState> {
    const state = new CatalogState();
    const productCodes = [...new Set(keys.productCodes)];
    const productRows = await repo.findProductsByCodes(db, productCodes);
    for (const code of productCodes) state.products.set(code, null);
    for (const product of await loadProductStates(db, productRows)) {
      state.products.set(product.row.code, product);
      for (const sku of product.skus.values()) {
        state.skuOwners.set(sku.row.code, product.row.code);
        for (const barcode of sku.barcodes) {
          state.barcodeOwners.set(barcode, { skuCode: sku.row.code, productCode: product.row.code });
        }
      }
    }
    const otherSkus = [...new Set(keys.skuCodes)].filter((code) => !state.skuOwners.has(code));
    for (const sku of await repo.findSkusByCodes(db, otherSkus))
      state.skuOwners.set(sku.code, sku.productCode);
    const otherBarcodes = [...new Set(keys.barcodes)].filter((b) => !state.barcodeOwners.has(b));
    for (const owner of await repo.findBarcodeOwners(db, otherBarcodes)) {
      state.barcodeOwners.set(owner.barcode, { skuCode: owner.skuCode, productCode: owner.productCode });
    }
    return state;
  }

  /** Records a planned write as done: later writes of the batch see it. */
  apply(before: ProductState | null, after: ProductState): void {
    const code = after.row.code;
    this.products.set(code, after);
    for (const sku of after.skus.values()) {
      this.skuOwners.set(sku.row.code, code);
      for (const barcode of before?.skus.get(sku.row.code)?.barcodes ?? []) {
        if (this.barcodeOwners.get(barcode)?.skuCode === sku.row.code) this.barcodeOwners.delete(barcode);
      }
    }
    for (const sku of after.skus.values()) {
      for (const barcode of sku.barcodes) {
        this.barcodeOwners.set(barcode, { skuCode: sku.row.code, productCode: code });
      }
    }
  }
}
