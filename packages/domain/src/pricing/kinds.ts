import { percentOfCents } from '../money';
import { apportionCents } from './apportion';
import type { LineAllocation, PromotionAllocation, PromotionKind, PromotionRule } from './types';

/** Units of one line that a promotion may still price, all at the line's unit price. */
export interface PoolLine {
  lineNo: number;
  unitPriceCents: number;
  units: number;
}

/**
 * Cross-line kinds count units across the cart's lines, so what they give one line depends on
 * the others; `percent_off` and `fixed_price` price each unit on its own.
 */
export function isCrossLineKind(kind: PromotionKind): boolean {
  return kind === 'buy_x_pay_y' || kind === 'progressive';
}

/**
 * What a per-unit kind takes off one unit priced `unitPriceCents`: `percent_off` its percentage,
 * half up to the cent; `fixed_price` the difference down to its price, never below 0 (it never
 * raises a price). Always between 0 and the unit price. Cross-line kinds give 0 here.
 */
export function unitDiscountCents(p: PromotionRule, unitPriceCents: number): number {
  switch (p.kind) {
    case 'percent_off':
      return percentOfCents(unitPriceCents, Math.min(p.percentBp ?? 0, 10_000));
    case 'fixed_price':
      return Math.max(0, unitPriceCents - Math.max(0, p.priceCents ?? unitPriceCents));
    case 'buy_x_pay_y':
    case 'progressive':
      return 0;
  }
}

/**
 * Prices `pool` with one promotion alone, and says which units it holds (prices) and what each
 * held line gets off. The pool is what the promotion targets and may still take, one entry per
 * line (distinct `lineNo`s).
 *
 * - per-unit kinds hold the lines they discount, all their pool units;
 * - `progressive` holds every pool unit once a tier is reached (its percentage, per unit, half up);
 * - `buy_x_pay_y` holds whole groups: the floor(N / buy) × buy cheapest units, of which the
 *   floor(N / buy) × (buy − pay) cheapest are free. The free value is spread over the held lines
 *   in proportion to their held value (largest remainder, see `apportionCents`). The units left
 *   over, the dearest, stay in the pool for other promotions.
 *
 * Units of equal price are taken in ascending `lineNo`, so pool order never matters. The result's
 * lines ascend by `lineNo`; a line's discount never exceeds the value of its held units.
 */
export function evaluatePromotion(p: PromotionRule, pool: readonly PoolLine[]): PromotionAllocation {
  const sorted = sortPool(pool);
  const units = new Map(pool.map((l) => [l.lineNo, l.units]));
  const holding = holdUnits(p, sorted, (lineNo) => units.get(lineNo) ?? 0);
  const shares =
    holding.lineDiscounts ??
    apportionCents(
      holding.discountCents,
      holding.held.map((l) => ({ key: l.lineNo, weight: l.units * l.unitPriceCents })),
    );
  const lines: LineAllocation[] = holding.held
    .map((l, i) => ({ lineNo: l.lineNo, units: l.units, discountCents: shares[i] ?? 0 }))
    .sort((a, b) => a.lineNo - b.lineNo);
  return { code: p.code, name: p.name, units: holding.units, discountCents: holding.discountCents, lines };
}

/**
 * The units `evaluatePromotion` would hold and the discount it would give, without spreading the
 * discount over lines: cheap enough to ask again after every change to the pool. `sorted` must
 * ascend by price, then `lineNo` (see `sortPool`); `unitsOf` says how many units of a line are in
 * the pool (0 = none).
 */
export function measurePromotion(
  p: PromotionRule,
  sorted: readonly Omit<PoolLine, 'units'>[],
  unitsOf: (lineNo: number) => number,
): { units: number; discountCents: number } {
  const { units, discountCents } = holdUnits(p, sorted, unitsOf);
  return { units, discountCents };
}

/** Pool lines by ascending unit price, then ascending `lineNo`: the order units are taken in. */
export function sortPool<T extends Omit<PoolLine, 'units'>>(pool: readonly T[]): T[] {
  return [...pool].sort((a, b) => a.unitPriceCents - b.unitPriceCents || a.lineNo - b.lineNo);
}

interface Holding {
  held: PoolLine[];
  units: number;
  discountCents: number;
  /** Per held line; null when the discount is still to be spread (buy X pay Y). */
  lineDiscounts: number[] | null;
}

function holdUnits(
  p: PromotionRule,
  sorted: readonly Omit<PoolLine, 'units'>[],
  unitsOf: (lineNo: number) => number,
): Holding {
  const available: PoolLine[] = [];
  for (const l of sorted) {
    const units = unitsOf(l.lineNo);
    if (units > 0) available.push({ lineNo: l.lineNo, unitPriceCents: l.unitPriceCents, units });
  }
  switch (p.kind) {
    case 'percent_off':
    case 'fixed_price': {
      const held = available.filter((l) => unitDiscountCents(p, l.unitPriceCents) > 0);
      return perUnit(held, (price) => unitDiscountCents(p, price));
    }
    case 'progressive': {
      const tier = reachedTier(p.tiers ?? [], sum(available.map((l) => l.units)));
      if (tier === null) return perUnit([], () => 0);
      return perUnit(available, (price) => percentOfCents(price, Math.min(tier.percentBp, 10_000)));
    }
    case 'buy_x_pay_y':
      return holdBuyXPayY(p, available);
  }
}

function perUnit(held: PoolLine[], discountOf: (unitPriceCents: number) => number): Holding {
  const lineDiscounts = held.map((l) => discountOf(l.unitPriceCents) * l.units);
  return { held, units: sum(held.map((l) => l.units)), discountCents: sum(lineDiscounts), lineDiscounts };
}

/** The highest tier whose `minQuantity` `units` reach, or null; tiers may come in any order. */
export function reachedTier(
  tiers: readonly { minQuantity: number; percentBp: number }[],
  units: number,
): { minQuantity: number; percentBp: number } | null {
  let best: { minQuantity: number; percentBp: number } | null = null;
  for (const tier of tiers) {
    if (tier.minQuantity <= units && (best === null || tier.minQuantity > best.minQuantity)) best = tier;
  }
  return best;
}

function holdBuyXPayY(p: PromotionRule, available: readonly PoolLine[]): Holding {
  const buy = p.buyQuantity ?? 0;
  const pay = p.payQuantity ?? 0;
  const none: Holding = { held: [], units: 0, discountCents: 0, lineDiscounts: [] };
  if (buy < 1 || pay < 0 || pay >= buy) return none;
  const groups = Math.floor(sum(available.map((l) => l.units)) / buy);
  let heldLeft = groups * buy;
  let freeLeft = groups * (buy - pay);
  let freeCents = 0;
  const held: PoolLine[] = [];
  for (const line of available) {
    if (heldLeft === 0) break;
    const units = Math.min(line.units, heldLeft);
    const free = Math.min(units, freeLeft);
    held.push({ ...line, units });
    freeCents += free * line.unitPriceCents;
    heldLeft -= units;
    freeLeft -= free;
  }
  if (freeCents === 0) return none;
  return { held, units: groups * buy, discountCents: freeCents, lineDiscounts: null };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
