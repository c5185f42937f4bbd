import { Type, type Static } from 'typebox';
import { Cents, Code, Id, ListQuery, Name, Strict, StrictPartial } from '../common';

export const PriceList = Type.Object({ id: Id, code: Code, name: Name, active: Type.Boolean() });
export type PriceList = Static<typeof PriceList>;

/** What a price list's body sets, as on create. */
const priceListFields = { name: Name, active: Type.Optional(Type.Boolean()) };

export const PriceListCreate = Strict({ code: Code, ...priceListFields });
export type PriceListCreate = Static<typeof PriceListCreate>;

export const PriceListUpdate = StrictPartial(priceListFields);
export type PriceListUpdate = Static<typeof PriceListUpdate>;

export const Price = Strict({ skuCode: Code, priceCents: Cents });
export type Price = Static<typeof Price>;

export const PriceSet = Strict({ priceCents: Cents });
export type PriceSet = Static<typeof PriceSet>;

/** JSON form of `PUT /price-lists/:id/prices`; CSV (`skuCode,priceCents`) and NDJSON are streamed. */
export const PriceArray = Type.Array(Price, { maxItems: 10_000 });
export type PriceArray = Static<typeof PriceArray>;

export const PriceListQuery = Strict({
  limit: ListQuery.properties.limit,
  cursor: ListQuery.properties.cursor,
  q: Type.Optional(Type.String({ maxLength: 200, description: 'SKU code prefix' })),
});
export type PriceListQuery = Static<typeof PriceListQuery>;

export const PricePathParams = Strict({ id: Id, skuCode: Code });
export type PricePathParams = Static<typeof PricePathParams>;
