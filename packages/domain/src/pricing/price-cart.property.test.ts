import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentOfCents } from '../money';
import { assignPromotions } from './assign';
import { isPromotionApplicable, targetsLine, type PricingContext } from './eligibility';
import { unitDiscountCents } from './kinds';
import { priceCart } from './price-cart';
import { cartInputArb, permute } from './test-arbitraries';
import type { PriceCartInput, PromotionRule } from './types';
import { resolveInstantMs } from './zoned-time';

const runs = { numRuns: 1000 };

function contextOf(input: PriceCartInput): PricingContext {
  return {
    groupCode: input.groupCode,
    paymentTypeCodes: input.paymentTypeCodes,
    atMs: resolveInstantMs(input.at, input.timezone) ?? Number.NaN,
    timezone: input.timezone,
  };
}

function applicable(input: PriceCartInput): PromotionRule[] {
  const ctx = contextOf(input);
  return input.promotions.filter((p) => isPromotionApplicable(p, ctx));
}

describe('priceCart properties', () => {
  it('never gives a negative total, line total or discount', () => {
    fc.assert(
      fc.property(cartInputArb, (input) => {
        const cart = priceCart(input);
        expect(cart.totalCents).toBeGreaterThanOrEqual(0);
        for (const line of cart.lines) {
          expect(line.totalCents).toBeGreaterThanOrEqual(0);
          expect(line.promotionDiscountCents).toBeGreaterThanOrEqual(0);
          expect(line.manualDiscountCents).toBeGreaterThanOrEqual(0);
        }
      }),
      runs,
    );
  });

  it('adds line totals up exactly to the sale total, and subtotal − discount to it too', () => {
    fc.assert(
      fc.property(cartInputArb, (input) => {
        const cart = priceCart(input);
        const sum = (f: (l: (typeof cart.lines)[number]) => number) =>
          cart.lines.reduce((a, l) => a + f(l), 0);
        expect(sum((l) => l.totalCents)).toBe(cart.totalCents);
        expect(sum((l) => l.discountCents)).toBe(cart.discountCents);
        expect(sum((l) => l.grossCents)).toBe(cart.subtotalCents);
        expect(cart.subtotalCents - cart.discountCents).toBe(cart.totalCents);
        expect(cart.promotionDiscountCents + cart.manualDiscountCents).toBe(cart.discountCents);
        expect(cart.subtotalCents).toBe(input.lines.reduce((a, l) => a + l.quantity * l.unitPriceCents, 0));
      }),
      runs,
    );
  });

  it('keeps every line discount within the line gross, split into promotion and manual parts', () => {
    fc.assert(
      fc.property(cartInputArb, (input) => {
        for (const line of priceCart(input).lines) {
          expect(line.grossCents).toBe(line.quantity * line.unitPriceCents);
          expect(line.discountCents).toBeLessThanOrEqual(line.grossCents);
          expect(line.promotionDiscountCents + line.manualDiscountCents).toBe(line.discountCents);
          expect(line.grossCents - line.discountCents).toBe(line.totalCents);
        }
      }),
      runs,
    );
  });

  it('prices each unit with at most one promotion, and line promotions add up to its promotion discount', () => {
    fc.assert(
      fc.property(cartInputArb, (input) => {
        const units = new Map<number, number>();
        for (const allocation of assignPromotions(input.lines, applicable(input))) {
          for (const l of allocation.lines) units.set(l.lineNo, (units.get(l.lineNo) ?? 0) + l.units);
        }
        for (const line of input.lines)
          expect(units.get(line.lineNo) ?? 0).toBeLessThanOrEqual(line.quantity);

        for (const line of priceCart(input).lines) {
          const codes = line.promotions.map((p) => p.code);
          expect(new Set(codes).size).toBe(codes.length);
          expect(line.promotionCodes).toEqual(codes);
          for (const p of line.promotions) expect(p.discountCents).toBeGreaterThan(0);
          expect(line.promotions.reduce((a, p) => a + p.discountCents, 0)).toBe(line.promotionDiscountCents);
        }
      }),
      runs,
    );
  });

  it('does not depend on the order of cart lines or of promotions', () => {
    fc.assert(
      fc.property(
        cartInputArb,
        fc.array(fc.integer(), { minLength: 1, maxLength: 20 }),
        fc.array(fc.integer(), { minLength: 1, maxLength: 15 }),
        (input, lineKeys, promotionKeys) => {
          const shuffled = {
            ...input,
            lines: permute(input.lines, lineKeys),
            promotions: permute(input.promotions, promotionKeys),
          };
          expect(priceCart(shuffled)).toEqual(priceCart(input));
        },
      ),
      runs,
    );
  });

  it('is deterministic and leaves its input untouched', () => {
    fc.assert(
      fc.property(cartInputArb, (input) => {
        const before = structuredClone(input);
        const first = priceCart(input);
        expect(input).toEqual(before);
        expect(priceCart(input)).toEqual(first);
      }),
      runs,
    );
  });

  it('lets only the winning exclusive promotion price a line it matches', () => {
    fc.assert(
      fc.property(cartInputArb, (input) => {
        const exclusives = applicable(input).filter((p) => p.exclusive);
        for (const line of priceCart(input).lines) {
          const source = input.lines.find((l) => l.lineNo === line.lineNo);
          if (source === undefined) throw new Error('line lost');
          const matching = exclusives
            .filter((p) => targetsLine(p.target, source))
            .sort((a, b) => b.priority - a.priority || (a.code < b.code ? -1 : 1));
          const winner = matching[0];
          if (winner === undefined) continue;
          for (const p of line.promotions) expect(p.code).toBe(winner.code);
        }
      }),
      runs,
    );
  });

  it('gives each line the lowest unit price among per-unit promotions when no exclusive or cross-line one applies', () => {
    fc.assert(
      fc.property(cartInputArb, (input) => {
        const simple = {
          ...input,
          promotions: input.promotions.filter(
            (p) => !p.exclusive && (p.kind === 'percent_off' || p.kind === 'fixed_price'),
          ),
        };
        const eligible = applicable(simple);
        for (const line of priceCart(simple).lines) {
          const source = input.lines.find((l) => l.lineNo === line.lineNo);
          if (source === undefined) throw new Error('line lost');
          const best = Math.max(
            0,
            ...eligible
              .filter((p) => targetsLine(p.target, source))
              .map((p) => unitDiscountCents(p, source.unitPriceCents)),
          );
          expect(line.promotionDiscountCents).toBe(best * source.quantity);
          const remaining = line.grossCents - line.promotionDiscountCents;
          expect(line.manualDiscountCents).toBe(percentOfCents(remaining, source.manualDiscountBp ?? 0));
        }
      }),
      runs,
    );
  });

  it('frees exactly the cheapest units under a lone "buy X, pay Y" promotion', () => {
    fc.assert(
      fc.property(
        cartInputArb,
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 4 }),
        (input, buy, payCandidate) => {
          const pay = Math.min(payCandidate, buy - 1);
          const promotion: PromotionRule = {
            code: 'BXPY',
            name: 'Buy X pay Y',
            kind: 'buy_x_pay_y',
            buyQuantity: buy,
            payQuantity: pay,
            target: { skuCodes: [], productCodes: [], categories: [] },
            groupCodes: [],
            paymentTypeCodes: [],
            priority: 0,
            exclusive: false,
            active: true,
          };
          const cart = priceCart({ ...input, promotions: [promotion] });
          const prices = input.lines
            .flatMap((l) => new Array<number>(l.quantity).fill(l.unitPriceCents))
            .sort((a, b) => a - b);
          const free = Math.floor(prices.length / buy) * (buy - pay);
          const expected = prices.slice(0, free).reduce((a, b) => a + b, 0);
          expect(cart.promotionDiscountCents).toBe(expected);
        },
      ),
      runs,
    );
  });
});
