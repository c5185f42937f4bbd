import type { MovementNote, Promotion, SaleCompletedPayload } from '@storelink/contracts';
import {
  formatCents,
  isInGroupScope,
  priceCart,
  resolveInstantMs,
  targetsLine,
  validatePromotion,
  type CartLine,
} from '@storelink/domain';
import type { IngestCatalog } from './ingest.catalog';
import { normalizeInstant } from './ingest.projection';

/** Where and when a sale was priced, for re-pricing it at the server. */
export interface RepriceInput {
  payload: SaleCompletedPayload;
  groupCode: string;
  timezone: string;
  /** The sale's instant, with `Z` or an offset. */
  occurredAt: string;
  catalog: IngestCatalog;
}

type DivergingLines = NonNullable<MovementNote['lines']>;

/** The station's `catalogCursor` as a number, or null when it sent none (then: promotions now). */
export function catalogCursorOf(payload: SaleCompletedPayload): number | null {
  return payload.catalogCursor === undefined ? null : Number(payload.catalogCursor);
}

/**
 * Re-prices a sale with `priceCart`, the station's own engine (SPEC §5.1, issue 5), from the
 * sale's unit prices, at `occurredAt` in the store's timezone, with the sale's payment types, and
 * compares each line's promotion discount (its discount minus the cashier's manual part) and
 * promotion codes with the station's. Two questions, in order:
 *
 *   1. with the promotions the station held at its `catalogCursor` (the ones in force now when it
 *      sent none): does the sale follow the station's own catalog?
 *   2. with the promotions the back office had in force when the sale happened (the station's,
 *      plus the promotion changes written after its cursor and before `occurredAt`): was the
 *      station's catalog behind, e.g. selling offline under a promotion that had since ended?
 *
 * The first difference found becomes a `price_divergence` note, saying which. Information only:
 * the sale happened and stays booked. A cart the engine refuses gives no note.
 */
export function findPriceDivergence(input: RepriceInput): MovementNote | null {
  const { payload, catalog, groupCode } = input;
  const cursor = catalogCursorOf(payload);
  const held = catalog.promotionsAt(groupCode, cursor);
  const own = compare(input, held);
  if (own === undefined) return null;
  if (own.length > 0) {
    const where =
      cursor === null ? 'the promotions in force now' : `the promotions it held at catalog cursor ${cursor}`;
    return toNote(own, `The sale does not follow ${where}`);
  }
  if (cursor === null) return null;
  const saleAt = normalizeInstant(input.occurredAt);
  const later = catalog.promotionChangesAfter(groupCode, cursor).filter((c) => c.createdAt <= saleAt);
  if (later.length === 0) return null;
  const inForce = new Map(held.map((p) => [p.code, p]));
  for (const change of later) {
    if (change.promotion === null) inForce.delete(change.code);
    else inForce.set(change.code, change.promotion);
  }
  const behind = compare(input, [...inForce.values()]);
  if (!behind || behind.length === 0) return null;
  const changed = [...new Set(later.map((c) => c.code))].join(', ');
  return toNote(
    behind,
    `The station's catalog was behind (cursor ${cursor}): promotion(s) ${changed} had changed in the back office ` +
      'before the sale, which the station had not received',
  );
}

/** A promotion that may apply in a group, with its validity bounds read once. */
interface PooledPromotion {
  promotion: Promotion;
  startMs: number | null;
  endMs: number | null;
}

const pools = new WeakMap<readonly Promotion[], Map<string, PooledPromotion[]>>();

/**
 * The promotions that can apply to some sale of the group, with their bounds resolved in the
 * store's timezone: what `priceCart` would drop for every cart (inactive, other groups, invalid
 * parameters, unreadable bounds) is dropped once per batch instead of once per sale. Cached for
 * the catalog's arrays, which live as long as one ingest transaction.
 */
function poolOf(promotions: readonly Promotion[], groupCode: string, timezone: string): PooledPromotion[] {
  const key = `${groupCode}\u0000${timezone}`;
  let byZone = pools.get(promotions);
  if (!byZone) {
    byZone = new Map<string, PooledPromotion[]>();
    pools.set(promotions, byZone);
  }
  let pool = byZone.get(key);
  if (pool) return pool;
  pool = [];
  for (const promotion of promotions) {
    if (!promotion.active || !isInGroupScope(promotion.groupCodes, groupCode)) continue;
    if (validatePromotion(promotion).length > 0) continue;
    const startMs = promotion.startsAt === undefined ? null : resolveInstantMs(promotion.startsAt, timezone);
    const endMs = promotion.endsAt === undefined ? null : resolveInstantMs(promotion.endsAt, timezone);
    if (
      (promotion.startsAt !== undefined && startMs === null) ||
      (promotion.endsAt !== undefined && endMs === null)
    )
      continue;
    pool.push({ promotion, startMs, endMs });
  }
  byZone.set(key, pool);
  return pool;
}

/** The pooled promotions in force at `atMs` that target a line of the cart. */
function candidatesFor(
  pool: readonly PooledPromotion[],
  lines: readonly CartLine[],
  atMs: number,
): Promotion[] {
  return pool
    .filter(
      (p) =>
        (p.startMs === null || atMs >= p.startMs) &&
        (p.endMs === null || atMs < p.endMs) &&
        lines.some((line) => targetsLine(p.promotion.target, line)),
    )
    .map((p) => p.promotion);
}

/** Lines where the station's promotion discount differs from `promotions`'; undefined if unpriceable. */
function compare(input: RepriceInput, all: readonly Promotion[]): DivergingLines | undefined {
  const { payload, catalog } = input;
  if (all.length === 0) return divergingWithout(payload);
  const lines: CartLine[] = [];
  for (const item of payload.items) {
    const sku = catalog.sku(item.skuCode);
    if (!sku) return undefined;
    lines.push({
      lineNo: item.lineNo,
      skuCode: item.skuCode,
      productCode: sku.productCode,
      category: sku.category,
      quantity: item.quantity,
      unitPriceCents: item.unitPriceCents,
    });
  }
  const promotions = candidatesFor(
    poolOf(all, input.groupCode, input.timezone),
    lines,
    Date.parse(input.occurredAt),
  );
  if (promotions.length === 0) return divergingWithout(payload);
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
    return undefined;
  }
  const byLine = new Map(priced.lines.map((l) => [l.lineNo, l]));
  const diverging: DivergingLines = [];
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
  return diverging;
}

/** Without promotions every line is priced at no promotion discount (no engine run needed). */
function divergingWithout(payload: SaleCompletedPayload): DivergingLines {
  const diverging: DivergingLines = [];
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
  return diverging;
}

function toNote(diverging: DivergingLines, why: string): MovementNote {
  const first = diverging[0] as DivergingLines[number];
  return {
    code: 'price_divergence',
    detail:
      `${why}: ${diverging.length} line(s) differ. Line ${first.lineNo} has a promotion discount of ` +
      `${formatCents(first.stationDiscountCents)} (${codes(first.stationPromotionCodes)}) at the station and ` +
      `${formatCents(first.serverDiscountCents)} (${codes(first.serverPromotionCodes)}) at the server.`,
    lines: diverging,
  };
}

function codes(list: readonly string[]): string {
  return list.length === 0 ? 'no promotion' : list.join(', ');
}
