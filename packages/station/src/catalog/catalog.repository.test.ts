import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStationDatabase, type StationDb } from '../db/database';
import { CatalogWriter, findSkusByBarcode, searchSkus, summarizeCatalog } from './catalog.repository';

let dir: string;
let db: StationDb;
let writer: CatalogWriter;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storelink-catalog-'));
  db = openStationDatabase(dir);
  writer = new CatalogWriter(db, 'apply');
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function product(
  code: string,
  skus: { code: string; barcodes: string[]; active?: boolean; color?: string }[],
  active = true,
) {
  return {
    id: '01900000-0000-7000-8000-000000000001',
    code,
    name: `Camiseta ${code}`,
    active,
    skus: skus.map((s) => ({ id: '01900000-0000-7000-8000-000000000002', active: true, ...s })),
  };
}

function upsert(entity: 'product' | 'price', key: string, data: unknown) {
  writer.upsert(entity, key, JSON.stringify(data), data);
}

describe('catalog lookup tables', () => {
  it('finds an active SKU by barcode, priced from the price list', () => {
    upsert('product', 'P1', product('P1', [{ code: 'P1-M', barcodes: ['789000000001'], color: 'azul' }]));
    upsert('price', 'P1-M', { skuCode: 'P1-M', priceCents: 4990 });
    expect(findSkusByBarcode(db, '789000000001')).toEqual([
      {
        skuCode: 'P1-M',
        productCode: 'P1',
        name: 'Camiseta P1',
        color: 'azul',
        barcodes: ['789000000001'],
        priceCents: 4990,
        active: true,
      },
    ]);
    expect(findSkusByBarcode(db, '000')).toEqual([]);
  });

  it('lists a SKU without a price with priceCents null', () => {
    upsert('product', 'P2', product('P2', [{ code: 'P2-U', barcodes: ['B2'] }]));
    expect(findSkusByBarcode(db, 'B2')[0]?.priceCents).toBeNull();
    upsert('price', 'P2-U', { skuCode: 'P2-U', priceCents: 100 });
    writer.delete('price', 'P2-U');
    expect(findSkusByBarcode(db, 'B2')[0]?.priceCents).toBeNull();
  });

  it('drops a deactivated SKU and the barcodes a product update removed', () => {
    upsert(
      'product',
      'P3',
      product('P3', [
        { code: 'P3-P', barcodes: ['B3A', 'B3B'] },
        { code: 'P3-G', barcodes: ['B3C'] },
      ]),
    );
    upsert(
      'product',
      'P3',
      product('P3', [
        { code: 'P3-P', barcodes: ['B3A'] },
        { code: 'P3-G', barcodes: ['B3C'], active: false },
      ]),
    );
    expect(findSkusByBarcode(db, 'B3A')).toHaveLength(1);
    expect(findSkusByBarcode(db, 'B3B')).toEqual([]);
    expect(findSkusByBarcode(db, 'B3C')).toEqual([]);
  });

  it('removes everything of a deleted product, and deleting twice is harmless', () => {
    upsert('product', 'P4', product('P4', [{ code: 'P4-U', barcodes: ['B4'] }]));
    writer.delete('product', 'P4');
    writer.delete('product', 'P4');
    expect(findSkusByBarcode(db, 'B4')).toEqual([]);
    expect(searchSkus(db, 'P4', 10)).toEqual([]);
  });

  it('follows a barcode moved from one product to another, whichever arrives first', () => {
    upsert('product', 'P5', product('P5', [{ code: 'P5-U', barcodes: ['MOVE'] }]));
    upsert('product', 'P6', product('P6', [{ code: 'P6-U', barcodes: ['MOVE'] }]));
    upsert('product', 'P5', product('P5', [{ code: 'P5-U', barcodes: [] }]));
    expect(findSkusByBarcode(db, 'MOVE').map((s) => s.skuCode)).toEqual(['P6-U']);
  });

  it('searches by SKU or product code prefix and by name, case-insensitively', () => {
    upsert('product', 'JEANS1', {
      ...product('JEANS1', [{ code: 'J1-38', barcodes: ['J38'] }]),
      name: 'Calça Jeans Slim',
    });
    upsert('product', 'TEE9', product('TEE9', [{ code: 'T9-P', barcodes: ['T9'] }]));
    expect(searchSkus(db, 'jeans', 10).map((s) => s.skuCode)).toEqual(['J1-38']);
    expect(searchSkus(db, 'T9', 10).map((s) => s.skuCode)).toEqual(['T9-P']);
    expect(searchSkus(db, 'TEE', 10).map((s) => s.skuCode)).toEqual(['T9-P']);
    expect(searchSkus(db, '%', 10)).toEqual([]);
  });

  it('summarises the catalog: counts per entity and a checksum that follows every change', () => {
    const empty = summarizeCatalog(db, null);
    upsert('price', 'X', { skuCode: 'X', priceCents: 1 });
    const one = summarizeCatalog(db, 5);
    expect(one.counts.price).toBe(1);
    expect(one.cursor).toBe('5');
    expect(one.checksum).not.toBe(empty.checksum);
    writer.delete('price', 'X');
    expect(summarizeCatalog(db, 6).checksum).toBe(empty.checksum);
  });
});
