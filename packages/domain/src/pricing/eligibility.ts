import type { CartLine, PromotionRule, PromotionTargetRule } from './types';
import { validatePromotion } from './validate-promotion';
import { resolveInstantMs } from './zoned-time';

/** Where and when a quote or sale happens: what decides whether a promotion applies at all. */
export interface PricingContext {
  groupCode: string;
  /** Payment types the quote or sale names; may be empty. */
  paymentTypeCodes: readonly string[];
  /** The quote or sale instant, ms since the epoch. */
  atMs: number;
  /** The store's IANA timezone. */
  timezone: string;
}

/**
 * True when the promotion may price anything in this quote or sale: it is active, valid by
 * `validatePromotion`, in the group's scope, inside its validity at `ctx.atMs`, and its payment
 * restriction holds. Which lines it then prices is `targetsLine`'s and the assignment's business.
 */
export function isPromotionApplicable(p: PromotionRule, ctx: PricingContext): boolean {
  return (
    p.active &&
    isInGroupScope(p.groupCodes, ctx.groupCode) &&
    isPaymentRestrictionMet(p.paymentTypeCodes, ctx.paymentTypeCodes) &&
    validatePromotion(p).length === 0 &&
    isWithinValidity(p, ctx.atMs, ctx.timezone)
  );
}

/** An empty `groupCodes` means every group. */
export function isInGroupScope(groupCodes: readonly string[], groupCode: string): boolean {
  return groupCodes.length === 0 || groupCodes.includes(groupCode);
}

/**
 * SPEC §5.1: an empty restriction means any payment. Otherwise the quote or sale must name at
 * least one payment type, and every type it names must be in the promotion's list: naming none
 * leaves a restricted promotion out, and so does one payment of another type in a mixed payment.
 */
export function isPaymentRestrictionMet(allowed: readonly string[], named: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  return named.length > 0 && named.every((code) => allowed.includes(code));
}

/**
 * `startsAt ≤ at < endsAt`, each bound optional. Offset-less bounds are wall-clock times read in
 * `timezone`, so a chain-wide "from midnight" starts at each store's own midnight. A bound that
 * cannot be read makes the promotion not apply.
 */
export function isWithinValidity(
  p: Pick<PromotionRule, 'startsAt' | 'endsAt'>,
  atMs: number,
  timezone: string,
): boolean {
  if (p.startsAt !== undefined) {
    const startMs = resolveInstantMs(p.startsAt, timezone);
    if (startMs === null || atMs < startMs) return false;
  }
  if (p.endsAt !== undefined) {
    const endMs = resolveInstantMs(p.endsAt, timezone);
    if (endMs === null || atMs >= endMs) return false;
  }
  return true;
}

/**
 * A line's units match when its SKU, its product or its category is listed; with all three lists
 * empty every SKU matches. Codes and categories compare exactly (case included).
 */
export function targetsLine(
  target: PromotionTargetRule,
  line: Pick<CartLine, 'skuCode' | 'productCode' | 'category'>,
): boolean {
  const { skuCodes, productCodes, categories } = target;
  if (skuCodes.length === 0 && productCodes.length === 0 && categories.length === 0) return true;
  return (
    skuCodes.includes(line.skuCode) ||
    productCodes.includes(line.productCode) ||
    (line.category !== undefined && categories.includes(line.category))
  );
}
