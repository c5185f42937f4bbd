import type { MovementNote, Promotion, SaleCompletedPayload } from '@storelink/contracts';
import { formatCents, priceCart, type CartLine } from '@storelink/domain';
import type { IngestCatalog } from './ingest.catalog';

/** Where and when a sale was priced, for re-pricing it at the server. */
export interface RepriceInput {
  payload: SaleCompletedPayload;
  groupCode: string;
  timezone: string;
  /** The sale's instant, with `Z` or an offset. */
  occurredAt: string;
  catalog: IngestCatalog;
}

/** The station's `catalogCursor` as a number, or null when it sent none (then: promotions now). */
export function catalogCursorOf(payload: SaleCompletedPayload): number | null {
  return payload.catalogCursor === undefined ? null : Number(payload.catalogCursor);
}

/**
 * Re-prices a sale with `priceCart` (the station's own engine) from the sale's unit prices and the
 * promotions the station held at its `catalogCursor`, at `occurredAt` in the store's timezone,
 * with the sale's payment types (SPEC §5.1, issue 5). Compares each line's promotion discount
 * (the line discount minus the cashier's manual part) and promotion codes with the station's.
 * Returns a `price_divergence` note when they differ, or null. Information only: the sale
 * happened and stays booked. A cart the engine refuses (it never should, after validation) gives
 * no note.
 */
export function findPriceDivergence(input: RepriceInput): MovementNote | null {
  const { payload, catalog } = input;
  const lines: CartLine[] = [];
  for (const item of payload.items) {
    const sku = catalog.sku(item.skuCode);
    if (!sku) return null;
    lines.push({
      lineNo: item.lineNo,
      skuCode: item.skuCode,
      productCode: sku.productCode,
      category: sku.category,
      quantity: item.quantity,
      unitPriceCents: item.unitPriceCents,
    });
  }
  const cursor = catalogCursorOf(payload);
  const promotions: readonly Promotion[] = catalog.promotionsAt(input.groupCode, cursor);
  if (promotions.length === 0) return divergenceWithout(payload, cursor);
  let priced;
  try {
    priced = priceCart({
      lines,
      promotions,
      groupCode: input.groupCode,
      paymentTypeCodes: [...new Set(payload.payments.map((p) => p.paymentTypeCode))],
      at: input.occurredAt,
      timezone: input.timezone,
    });
  } catch {
    return null;
  }
  const byLine = new Map(priced.lines.map((l) => [l.lineNo, l]));
  const diverging: NonNullable<MovementNote['lines']> = [];
  for (const item of payload.items) {
    const server = byLine.get(item.lineNo);
    if (!server) continue;
    const stationDiscount = item.discountCents - (item.manualDiscountCents ?? 0);
    const stationCodes = [...item.promotionCodes].sort();
    if (
      stationDiscount !== server.promotionDiscountCents ||
      stationCodes.join('\u0000') !== server.promotionCodes.join('\u0000')
    ) {
      diverging.push({
        lineNo: item.lineNo,
        stationDiscountCents: stationDiscount,
        serverDiscountCents: server.promotionDiscountCents,
        stationPromotionCodes: stationCodes,
        serverPromotionCodes: server.promotionCodes,
      });
    }
  }
  return toNote(diverging, cursor);
}

/** Without promotions the server prices every line at no promotion discount. */
function divergenceWithout(payload: SaleCompletedPayload, cursor: number | null): MovementNote | null {
  const diverging: NonNullable<MovementNote['lines']> = [];
  for (const item of payload.items) {
    const stationDiscount = item.discountCents - (item.manualDiscountCents ?? 0);
    if (stationDiscount === 0 && item.promotionCodes.length === 0) continue;
    diverging.push({
      lineNo: item.lineNo,
      stationDiscountCents: stationDiscount,
      serverDiscountCents: 0,
      stationPromotionCodes: [...item.promotionCodes].sort(),
      serverPromotionCodes: [],
    });
  }
  return toNote(diverging, cursor);
}

function toNote(diverging: NonNullable<MovementNote['lines']>, cursor: number | null): MovementNote | null {
  if (diverging.length === 0) return null;
  const where =
    cursor === null ? 'the promotions in force now' : `the promotions at catalog cursor ${cursor}`;
  const first = diverging[0] as (typeof diverging)[number];
  return {
    code: 'price_divergence',
    detail:
      `Re-priced with ${where}, ${diverging.length} line(s) differ: line ${first.lineNo} has a promotion ` +
      `discount of ${formatCents(first.stationDiscountCents)} (${codes(first.stationPromotionCodes)}) at the ` +
      `station and ${formatCents(first.serverDiscountCents)} (${codes(first.serverPromotionCodes)}) at the server.`,
    lines: diverging,
  };
}

function codes(list: readonly string[]): string {
  return list.length === 0 ? 'no promotion' : list.join(', ');
}
