import type { Price, PriceList } from '@storelink/contracts';
import { fromFlag } from '../../db/rows';
import type { Visible } from '../changes/change-plan';
import type { PriceListRow } from './price-lists.repository';

/** The one row→wire mapping of a price list. */
export function toPriceList(row: PriceListRow): PriceList {
  return { id: row.id, code: row.code, name: row.name, active: fromFlag(row.active) };
}

/** The one row→wire mapping of a price: exactly `{skuCode, priceCents}`, in this order. */
export function toPrice(row: { skuCode: string; priceCents: number }): Price {
  return { skuCode: row.skuCode, priceCents: Number(row.priceCents) };
}

/**
 * A price reaches the stations whose group sells with its list (scope `priceList`). Prices do not
 * follow the SKU's active flag: stations keep every price of their list.
 */
export function visiblePrice(priceListCode: string, price: Price): Visible {
  return { data: price, scopes: [{ kind: 'priceList', key: priceListCode }], active: true };
}
