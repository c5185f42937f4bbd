import { assertNonNegativeInteger } from '../money';
import { assignPromotions } from './assign';
import { isPromotionApplicable, type PricingContext } from './eligibility';
import { manualDiscountCents } from './manual-discount';
import type { CartLine, LinePromotion, PriceCartInput, PricedCart, PricedLine, PromotionRule } from './types';
import { resolveInstantMs } from './zoned-time';

/**
 * Prices a cart (SPEC §5.1), identically at the station and at the server. Pure: no clock, no
 * I/O; the same input gives the same output, whatever the order of `lines` or `promotions`.
 *
 *   gross (quantity × unit price)
 *     − promotion discount   one promotion per unit at most (see assign.ts)
 *     − manual discount      manualDiscountBp of what is left, half up
 *     = line total ≥ 0       Σ line totals = totalCents = subtotalCents − discountCents
 *
 * Every amount is an integer number of cents. Throws a RangeError on input that breaks the
 * contract (duplicate `lineNo` or promotion code, quantity not a whole number ≥ 1, negative or
 * fractional price, manual discount outside 0–10000, `at` without an offset, unknown timezone,
 * a cart worth more than 2^53 cents); a promotion with bad parameters is ignored, not fatal.
 */
export function priceCart(input: PriceCartInput): PricedCart {
  const lines = checkedLines(input.lines);
  checkUniqueCodes(input.promotions);
  const ctx: PricingContext = {
    groupCode: input.groupCode,
    paymentTypeCodes: input.paymentTypeCodes,
    atMs: instantMs(input.at, input.timezone),
    timezone: input.timezone,
  };
  const applicable = input.promotions.filter((p) => isPromotionApplicable(p, ctx));
  const allocations = assignPromotions(lines, applicable);

  const perLine = new Map<number, LinePromotion[]>();
  for (const allocation of allocations) {
    for (const l of allocation.lines) {
      if (l.discountCents === 0) continue;
      const entry = { code: allocation.code, name: allocation.name, discountCents: l.discountCents };
      perLine.set(l.lineNo, [...(perLine.get(l.lineNo) ?? []), entry]);
    }
  }

  const priced = lines.map((line) => priceLine(line, perLine.get(line.lineNo) ?? []));
  const subtotalCents = sum(priced.map((l) => l.grossCents));
  const promotionDiscountCents = sum(priced.map((l) => l.promotionDiscountCents));
  const manual = sum(priced.map((l) => l.manualDiscountCents));
  return {
    lines: priced,
    subtotalCents,
    promotionDiscountCents,
    manualDiscountCents: manual,
    discountCents: promotionDiscountCents + manual,
    totalCents: sum(priced.map((l) => l.totalCents)),
  };
}

function priceLine(line: CartLine, promotions: LinePromotion[]): PricedLine {
  const grossCents = line.quantity * line.unitPriceCents;
  // Allocations never exceed a line's value; the clamp keeps "never below zero" local and obvious.
  const promotionDiscountCents = Math.min(grossCents, sum(promotions.map((p) => p.discountCents)));
  const manual = manualDiscountCents(grossCents - promotionDiscountCents, line.manualDiscountBp ?? 0);
  const discountCents = promotionDiscountCents + manual;
  const sorted = [...promotions].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return {
    lineNo: line.lineNo,
    skuCode: line.skuCode,
    quantity: line.quantity,
    unitPriceCents: line.unitPriceCents,
    grossCents,
    promotionDiscountCents,
    manualDiscountCents: manual,
    discountCents,
    totalCents: grossCents - discountCents,
    promotions: sorted,
    promotionCodes: sorted.map((p) => p.code),
  };
}

function checkedLines(lines: readonly CartLine[]): CartLine[] {
  const seen = new Set<number>();
  let total = 0;
  for (const line of lines) {
    if (!Number.isSafeInteger(line.lineNo))
      throw new RangeError(`lineNo must be a whole number, got ${line.lineNo}`);
    if (seen.has(line.lineNo)) throw new RangeError(`lineNo ${line.lineNo} appears twice in the cart`);
    seen.add(line.lineNo);
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
      throw new RangeError(`line ${line.lineNo}: quantity must be a whole number ≥ 1, got ${line.quantity}`);
    }
    assertNonNegativeInteger(line.unitPriceCents, `line ${line.lineNo}: unitPriceCents`);
    total += line.quantity * line.unitPriceCents;
    if (!Number.isSafeInteger(total)) throw new RangeError('the cart is worth more than 2^53 cents');
  }
  return [...lines].sort((a, b) => a.lineNo - b.lineNo);
}

function checkUniqueCodes(promotions: readonly PromotionRule[]): void {
  const seen = new Set<string>();
  for (const p of promotions) {
    if (seen.has(p.code)) throw new RangeError(`promotion ${p.code} appears twice`);
    seen.add(p.code);
  }
}

/** Timezones already proven readable: the probe costs several Intl calls, a cart none. */
const knownTimezones = new Set<string>();

function instantMs(at: string, timezone: string): number {
  // Reading a time in the timezone also proves the timezone exists, before any promotion needs it.
  if (!knownTimezones.has(timezone)) {
    if (resolveInstantMs('2000-01-01T00:00', timezone) === null)
      throw new RangeError(`at must be an ISO 8601 instant with Z or an offset, got ${at}`);
    knownTimezones.add(timezone);
  }
  const ms = /(Z|[+-]\d{2}:\d{2})$/.test(at) ? resolveInstantMs(at, timezone) : null;
  if (ms === null) throw new RangeError(`at must be an ISO 8601 instant with Z or an offset, got ${at}`);
  return ms;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
