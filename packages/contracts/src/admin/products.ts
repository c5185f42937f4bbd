import { Type, type Static } from 'typebox';
import { Code, Id, ListQuery, Name, Strict, StrictPartial } from '../common';

/** A barcode: EAN-8/13, UPC, GTIN-14 or an internal code, 1–48 printable characters. */
export const Barcode = Type.String({ minLength: 1, maxLength: 48, pattern: '^[A-Za-z0-9._-]+$' });

export const Sku = Type.Object({
  id: Id,
  code: Code,
  color: Type.Optional(Type.String({ maxLength: 60 })),
  size: Type.Optional(Type.String({ maxLength: 20 })),
  barcodes: Type.Array(Barcode),
  active: Type.Boolean(),
});
export type Sku = Static<typeof Sku>;

export const Product = Type.Object({
  id: Id,
  code: Code,
  name: Name,
  brand: Type.Optional(Type.String({ maxLength: 100 })),
  category: Type.Optional(Type.String({ maxLength: 100 })),
  active: Type.Boolean(),
  skus: Type.Array(Sku),
});
export type Product = Static<typeof Product>;

/** A SKU as written: upserted by `code` inside its product. */
export const SkuInput = Strict({
  code: Code,
  color: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
  size: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
  barcodes: Type.Optional(Type.Array(Barcode, { maxItems: 20, uniqueItems: true })),
  active: Type.Optional(Type.Boolean()),
});
export type SkuInput = Static<typeof SkuInput>;

/** What a product's body sets, as on create. */
const productFields = {
  name: Name,
  brand: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  category: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  active: Type.Optional(Type.Boolean()),
  skus: Type.Optional(Type.Array(SkuInput, { maxItems: 500 })),
};

export const ProductCreate = Strict({ code: Code, ...productFields });
export type ProductCreate = Static<typeof ProductCreate>;

/**
 * PATCH. `skus` upserts the listed SKUs by code and leaves the others as they are;
 * send `active: false` on a SKU to deactivate it. A listed SKU's `barcodes` replace its old ones.
 */
export const ProductUpdate = StrictPartial(productFields);
export type ProductUpdate = Static<typeof ProductUpdate>;

/** CSV header of `POST /products/import` (§12.4). Barcodes are separated by `;`. */
export const PRODUCT_IMPORT_CSV_HEADER = [
  'productCode',
  'productName',
  'brand',
  'category',
  'skuCode',
  'color',
  'size',
  'barcodes',
  'active',
] as const;

export const ImportError = Type.Object({ line: Type.Integer(), code: Type.String(), detail: Type.String() });
export type ImportError = Static<typeof ImportError>;

/** Answer of every bulk import. `errors` lists at most the first 1000 failed rows. */
export const ImportResult = Type.Object({
  received: Type.Integer(),
  upserted: Type.Integer(),
  failed: Type.Integer(),
  errors: Type.Array(ImportError),
});
export type ImportResult = Static<typeof ImportResult>;

/** `GET /products`: the common list query, plus one category or one barcode. */
export const ProductListQuery = Strict({
  ...ListQuery.properties,
  category: Type.Optional(Type.String({ maxLength: 100 })),
  barcode: Type.Optional(Barcode),
});
export type ProductListQuery = Static<typeof ProductListQuery>;
