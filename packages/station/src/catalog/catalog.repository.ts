import { syncEntities, type CatalogSummary, type SkuLookupItem, type SyncEntity } from '@storelink/contracts';
import { CatalogChecksum } from '@storelink/domain/catalog-checksum';
import type { StationDb } from '../db/database';

/** The parts of a product record the lookup tables need (SPEC §5.1 product). */
interface ProductData {
  code: string;
  name: string;
  active: boolean;
  skus: { code: string; color?: string; size?: string; barcodes: string[]; active: boolean }[];
}

interface PriceData {
  skuCode: string;
  priceCents: number;
}

/**
 * Writes catalog records and keeps the lookup tables (SKU, barcode → SKU, SKU → price) in step.
 * The same code loads a snapshot's shadow tables (`suffix` `_next`, plain inserts into tables
 * without indexes) and applies changes to the live ones (upserts). Statements are prepared once.
 * Only active SKUs of active products reach the lookup tables: those are what a cashier may sell.
 */
export class CatalogWriter {
  private readonly insertRecord;
  private readonly deleteRecord;
  private readonly insertSku;
  private readonly deleteSkus;
  private readonly insertBarcode;
  private readonly deleteBarcodes;
  private readonly insertPrice;
  private readonly deletePrice;

  constructor(
    db: StationDb,
    private readonly mode: 'load' | 'apply',
  ) {
    const s = mode === 'load' ? '_next' : '';
    const upsert = mode === 'load' ? 'insert' : 'insert or replace';
    this.insertRecord = db.prepare(
      mode === 'load'
        ? `insert into catalog_records${s} (entity, key, data) values (?, ?, ?)`
        : `insert into catalog_records (entity, key, data) values (?, ?, ?)
           on conflict (entity, key) do update set data = excluded.data`,
    );
    this.deleteRecord = db.prepare(`delete from catalog_records${s} where entity = ? and key = ?`);
    this.insertSku = db.prepare(
      `${upsert} into skus${s} (sku_code, product_code, name, color, size, barcodes) values (?, ?, ?, ?, ?, ?)`,
    );
    this.deleteSkus = db.prepare(`delete from skus${s} where product_code = ?`);
    this.insertBarcode = db.prepare(
      `${upsert} into barcodes${s} (barcode, sku_code, product_code) values (?, ?, ?)`,
    );
    this.deleteBarcodes = db.prepare(`delete from barcodes${s} where product_code = ?`);
    this.insertPrice = db.prepare(`${upsert} into prices${s} (sku_code, price_cents) values (?, ?)`);
    this.deletePrice = db.prepare(`delete from prices${s} where sku_code = ?`);
  }

  /** Stores a record as received (`dataJson` is its exact JSON text, for the checksum). */
  upsert(entity: SyncEntity, key: string, dataJson: string, data: unknown): void {
    this.insertRecord.run(entity, key, dataJson);
    if (entity === 'product') this.indexProduct(key, data as ProductData);
    else if (entity === 'price') this.insertPrice.run(key, (data as PriceData).priceCents);
  }

  /** Removes a record; a no-op when it is not there, so re-applying a page is harmless. */
  delete(entity: SyncEntity, key: string): void {
    this.deleteRecord.run(entity, key);
    if (entity === 'product') {
      this.deleteSkus.run(key);
      this.deleteBarcodes.run(key);
    } else if (entity === 'price') this.deletePrice.run(key);
  }

  private indexProduct(productCode: string, product: ProductData): void {
    if (this.mode === 'apply') {
      this.deleteSkus.run(productCode);
      this.deleteBarcodes.run(productCode);
    }
    if (!product.active) return;
    for (const sku of product.skus) {
      if (!sku.active) continue;
      this.insertSku.run(
        sku.code,
        productCode,
        product.name,
        sku.color ?? null,
        sku.size ?? null,
        JSON.stringify(sku.barcodes),
      );
      for (const barcode of sku.barcodes) this.insertBarcode.run(barcode, sku.code, productCode);
    }
  }
}

interface SkuRow {
  sku_code: string;
  product_code: string;
  name: string;
  color: string | null;
  size: string | null;
  barcodes: string;
  price_cents: number | null;
}

function toSkuItem(row: SkuRow): SkuLookupItem {
  return {
    skuCode: row.sku_code,
    productCode: row.product_code,
    name: row.name,
    ...(row.color !== null ? { color: row.color } : {}),
    ...(row.size !== null ? { size: row.size } : {}),
    barcodes: JSON.parse(row.barcodes) as string[],
    priceCents: row.price_cents,
    active: true,
  };
}

const SKU_COLUMNS = `s.sku_code, s.product_code, s.name, s.color, s.size, s.barcodes, p.price_cents`;

/** The SKU with this barcode, priced from the group's price list; empty when unknown. */
export function findSkusByBarcode(db: StationDb, barcode: string): SkuLookupItem[] {
  const rows = db
    .prepare(
      `select ${SKU_COLUMNS} from barcodes b
       join skus s on s.sku_code = b.sku_code
       left join prices p on p.sku_code = s.sku_code
       where b.barcode = ?`,
    )
    .all(barcode) as SkuRow[];
  return rows.map(toSkuItem);
}

/** SKUs whose SKU or product code starts with `text`, or whose name contains it (case-insensitive). */
export function searchSkus(db: StationDb, text: string, limit: number): SkuLookupItem[] {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = db
    .prepare(
      `select ${SKU_COLUMNS} from skus s
       left join prices p on p.sku_code = s.sku_code
       where s.sku_code like ? escape '\\' or s.product_code like ? escape '\\' or s.name like ? escape '\\'
       order by s.sku_code limit ?`,
    )
    .all(`${escaped}%`, `${escaped}%`, `%${escaped}%`, limit) as SkuRow[];
  return rows.map(toSkuItem);
}

/** Reads one record's data, or undefined. */
export function readRecord<T>(db: StationDb, entity: SyncEntity, key: string): T | undefined {
  const row = db.prepare('select data from catalog_records where entity = ? and key = ?').get(entity, key) as
    { data: string } | undefined;
  return row ? (JSON.parse(row.data) as T) : undefined;
}

/**
 * The catalog as a whole, from the station's own tables: the same checksum the server puts on a
 * snapshot of this station's scope at `cursor`, and the record count per entity.
 */
export function summarizeCatalog(db: StationDb, cursor: number | null): CatalogSummary {
  const checksum = new CatalogChecksum();
  const counts = Object.fromEntries(syncEntities.map((e) => [e, 0])) as Record<SyncEntity, number>;
  const rows = db.prepare('select entity, key, data from catalog_records').raw().iterate() as Iterable<
    [SyncEntity, string, string]
  >;
  for (const [entity, key, data] of rows) {
    checksum.add(entity, key, data);
    counts[entity] = (counts[entity] ?? 0) + 1;
  }
  return { cursor: cursor === null ? null : String(cursor), checksum: checksum.hex(), counts };
}
