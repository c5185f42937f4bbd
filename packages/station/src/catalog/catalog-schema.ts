import type { StationDb } from '../db/database';

interface CatalogIndex {
  name: string;
  unique: boolean;
  columns: string;
}

interface CatalogTable {
  name: string;
  columns: string;
  indexes: CatalogIndex[];
}

/**
 * The catalog tables as the snapshot loader recreates them. They must match what the migrations
 * leave behind (catalog-schema.test.ts compares a swapped-in catalog with a migrated one): a
 * migration that changes a catalog table changes this list in the same commit.
 */
export const CATALOG_TABLES: readonly CatalogTable[] = [
  {
    name: 'catalog_records',
    columns: 'entity text not null, key text not null, data text not null',
    indexes: [{ name: 'key', unique: true, columns: 'entity, key' }],
  },
  {
    name: 'skus',
    columns:
      'sku_code text not null, product_code text not null, name text not null, color text, size text, barcodes text not null',
    indexes: [
      { name: 'code', unique: true, columns: 'sku_code' },
      { name: 'product', unique: false, columns: 'product_code' },
    ],
  },
  {
    name: 'barcodes',
    columns: 'barcode text not null, sku_code text not null, product_code text not null',
    indexes: [
      { name: 'code', unique: true, columns: 'barcode' },
      { name: 'product', unique: false, columns: 'product_code' },
    ],
  },
  {
    name: 'prices',
    columns: 'sku_code text not null, price_cents integer not null',
    indexes: [{ name: 'sku', unique: true, columns: 'sku_code' }],
  },
];

export const SHADOW_SUFFIX = '_next';

/** Drops any shadow tables left by an interrupted snapshot and creates empty ones, without indexes. */
export function createShadowTables(db: StationDb): void {
  for (const table of CATALOG_TABLES) {
    db.exec(`drop table if exists ${table.name}${SHADOW_SUFFIX}`);
    db.exec(`create table ${table.name}${SHADOW_SUFFIX} (${table.columns})`);
  }
}

export function dropShadowTables(db: StationDb): void {
  for (const table of CATALOG_TABLES) db.exec(`drop table if exists ${table.name}${SHADOW_SUFFIX}`);
}

/**
 * Builds the shadow tables' indexes, named for `generation`. Building them once over loaded rows
 * is several times faster than maintaining them row by row. A duplicate key (two SKUs with one
 * barcode) fails here, before anything is swapped.
 */
export function indexShadowTables(db: StationDb, generation: number): void {
  for (const table of CATALOG_TABLES) {
    for (const index of table.indexes) {
      db.exec(
        `create ${index.unique ? 'unique ' : ''}index ${table.name}_${index.name}_g${generation} on ${table.name}${SHADOW_SUFFIX} (${index.columns})`,
      );
    }
  }
}

/** Replaces the live catalog tables with the shadow ones. Run inside the swap transaction. */
export function swapInShadowTables(db: StationDb): void {
  for (const table of CATALOG_TABLES) {
    db.exec(`drop table ${table.name}`);
    db.exec(`alter table ${table.name}${SHADOW_SUFFIX} rename to ${table.name}`);
  }
}
