import { Type, type Static } from 'typebox';
import { Cents, Strict } from '../common';
import { Barcode } from '../admin/products';

/** `GET /local/v1/skus?barcode=|q=`: exactly one of the two. */
export const SkuLookupQuery = Strict({
  barcode: Type.Optional(Barcode),
  /** Searches SKU and product codes (prefix) and product names (contains), case-insensitively. */
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export type SkuLookupQuery = Static<typeof SkuLookupQuery>;

/**
 * A sellable SKU as the station sees it (SPEC §12.4): active SKUs of active products only, priced
 * from the group's price list. `priceCents` is null when the price list has no price for it.
 */
export const SkuLookupItem = Type.Object({
  skuCode: Type.String(),
  productCode: Type.String(),
  name: Type.String(),
  color: Type.Optional(Type.String()),
  size: Type.Optional(Type.String()),
  barcodes: Type.Array(Type.String()),
  priceCents: Type.Union([Cents, Type.Null()]),
  active: Type.Boolean(),
});
export type SkuLookupItem = Static<typeof SkuLookupItem>;

/** Empty `items` when nothing matches. */
export const SkuLookupResult = Type.Object({ items: Type.Array(SkuLookupItem) });
export type SkuLookupResult = Static<typeof SkuLookupResult>;
