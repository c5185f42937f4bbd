import { describe, expect, it } from 'vitest';
import { priceCart } from './price-cart';
import { context, everySku, line, promo } from './test-fixtures';
import type { PriceCartInput } from './types';

// Worked examples, checked to the cent. docs/pricing.md walks through the same carts in R$.

interface Example {
  name: string;
  input: Partial<PriceCartInput> & Pick<PriceCartInput, 'lines' | 'promotions'>;
  /** Per line, in lineNo order: [discountCents, totalCents, promotions as "CODE:cents"]. */
  lines: [number, number, string[]][];
  totalCents: number;
}

const examples: Example[] = [
  {
    name: 'several promotions in one cart, each line carrying its own',
    input: {
      lines: [
        line(1, 'TSHIRT-M', 2, 5990, { category: 'apparel' }),
        line(2, 'JEANS-42', 1, 19990, { category: 'apparel' }),
        line(3, 'SOCK-1', 3, 1290, { category: 'socks' }),
      ],
      promotions: [
        promo('TSHIRT20', {
          kind: 'percent_off',
          percentBp: 2000,
          target: { ...everySku, productCodes: ['TSHIRT'] },
        }),
        promo('JEANS149', {
          kind: 'fixed_price',
          priceCents: 14990,
          target: { ...everySku, skuCodes: ['JEANS-42'] },
        }),
        promo('SOCKS3X2', {
          kind: 'buy_x_pay_y',
          buyQuantity: 3,
          payQuantity: 2,
          target: { ...everySku, categories: ['socks'] },
        }),
      ],
    },
    lines: [
      [2396, 9584, ['TSHIRT20:2396']], // 20 % of 59.90 = 11.98 per unit
      [5000, 14990, ['JEANS149:5000']],
      [1290, 2580, ['SOCKS3X2:1290']],
    ],
    totalCents: 27154,
  },
  {
    name: 'two promotions on one line: the lower price wins, whatever the priority',
    input: {
      lines: [line(1, 'A', 1, 10000)],
      promotions: [
        promo('P10', { kind: 'percent_off', percentBp: 1000, priority: 5 }),
        promo('FIX85', { kind: 'fixed_price', priceCents: 8500 }),
      ],
    },
    lines: [[1500, 8500, ['FIX85:1500']]],
    totalCents: 8500,
  },
  {
    name: 'an exclusive promotion beats a better non-exclusive one, and the higher-priority exclusive wins',
    input: {
      lines: [line(1, 'A', 1, 10000), line(2, 'B', 1, 10000)],
      promotions: [
        promo('EXC5', {
          kind: 'percent_off',
          percentBp: 500,
          exclusive: true,
          priority: 1,
          target: { ...everySku, skuCodes: ['A'] },
        }),
        promo('EXC20', {
          kind: 'percent_off',
          percentBp: 2000,
          exclusive: true,
          target: { ...everySku, skuCodes: ['A'] },
        }),
        promo('P30', { kind: 'percent_off', percentBp: 3000, priority: 9 }),
      ],
    },
    lines: [
      [500, 9500, ['EXC5:500']],
      [3000, 7000, ['P30:3000']],
    ],
    totalCents: 16500,
  },
  {
    name: 'an equal discount goes to the higher priority',
    input: {
      lines: [line(1, 'A', 1, 10000)],
      promotions: [
        promo('A10', { kind: 'percent_off', percentBp: 1000, priority: 1 }),
        promo('Z10', { kind: 'fixed_price', priceCents: 9000, priority: 2 }),
      ],
    },
    lines: [[1000, 9000, ['Z10:1000']]],
    totalCents: 9000,
  },
  {
    name: 'an equal discount at equal priority goes to the lower code',
    input: {
      lines: [line(1, 'A', 1, 10000)],
      promotions: [
        promo('B10', { kind: 'percent_off', percentBp: 1000, priority: 1 }),
        promo('A10', { kind: 'fixed_price', priceCents: 9000, priority: 1 }),
        promo('C10', { kind: 'percent_off', percentBp: 1000, priority: 0 }),
      ],
    },
    lines: [[1000, 9000, ['A10:1000']]],
    totalCents: 9000,
  },
  {
    name: 'buy 3 pay 2 across lines: the cheapest unit is free, spread over the three held units',
    input: {
      lines: [line(1, 'A', 1, 5000), line(2, 'B', 1, 3000), line(3, 'C', 2, 2000)],
      promotions: [promo('LEVE3', { kind: 'buy_x_pay_y', buyQuantity: 3, payQuantity: 2 })],
    },
    // Held: C, C, B (the three cheapest); free: one C = 20.00, split 30.00 : 40.00.
    lines: [
      [0, 5000, []],
      [857, 2143, ['LEVE3:857']],
      [1143, 2857, ['LEVE3:1143']],
    ],
    totalCents: 10000,
  },
  {
    name: 'buy 3 pay 2 on four units of one line: the fourth unit takes another promotion',
    input: {
      lines: [line(1, 'A', 4, 1000)],
      promotions: [
        promo('LEVE3', { kind: 'buy_x_pay_y', buyQuantity: 3, payQuantity: 2 }),
        promo('P10', { kind: 'percent_off', percentBp: 1000 }),
      ],
    },
    lines: [[1100, 2900, ['LEVE3:1000', 'P10:100']]],
    totalCents: 2900,
  },
  {
    name: 'progressive: five targeted units reach the 4-unit tier, 10 % per unit rounded half up',
    input: {
      lines: [
        line(1, 'A', 3, 3995, { category: 'apparel' }),
        line(2, 'B', 2, 5990, { category: 'apparel' }),
        line(3, 'C', 1, 1000, { category: 'home' }),
      ],
      promotions: [
        promo('PROG', {
          kind: 'progressive',
          tiers: [
            { minQuantity: 2, percentBp: 500 },
            { minQuantity: 4, percentBp: 1000 },
            { minQuantity: 6, percentBp: 1500 },
          ],
          target: { ...everySku, categories: ['apparel'] },
        }),
      ],
    },
    lines: [
      [1200, 10785, ['PROG:1200']], // 10 % of 39.95 = 3.995 → 4.00, × 3
      [1198, 10782, ['PROG:1198']],
      [0, 1000, []],
    ],
    totalCents: 22567,
  },
  {
    name: 'a cross-line promotion loses the units a better per-unit promotion takes',
    input: {
      lines: [line(1, 'A', 1, 10000), line(2, 'B', 1, 10000), line(3, 'C', 1, 3000)],
      promotions: [
        promo('LEVE3', { kind: 'buy_x_pay_y', buyQuantity: 3, payQuantity: 2 }),
        promo('A20', { kind: 'percent_off', percentBp: 2000, target: { ...everySku, skuCodes: ['A'] } }),
      ],
    },
    // LEVE3 would give 30.00 over 3 units (10.00 each); A20 gives 20.00 on A's unit, so A20 takes A
    // and LEVE3, left with two units, gives nothing.
    lines: [
      [2000, 8000, ['A20:2000']],
      [0, 10000, []],
      [0, 3000, []],
    ],
    totalCents: 21000,
  },
  {
    name: 'a cross-line promotion keeps its units against a weaker per-unit one (cents spread by largest remainder)',
    input: {
      lines: [line(1, 'A', 1, 10000), line(2, 'B', 1, 10000), line(3, 'C', 1, 3000)],
      promotions: [
        promo('LEVE3', { kind: 'buy_x_pay_y', buyQuantity: 3, payQuantity: 2 }),
        promo('A5', { kind: 'percent_off', percentBp: 500, target: { ...everySku, skuCodes: ['A'] } }),
      ],
    },
    // 30.00 × 100/230 = 13.0434… twice, 30.00 × 30/230 = 3.9130…; the left-over cent goes to the
    // largest remainder, a tie between lines 1 and 2 won by line 1.
    lines: [
      [1305, 8695, ['LEVE3:1305']],
      [1304, 8696, ['LEVE3:1304']],
      [391, 2609, ['LEVE3:391']],
    ],
    totalCents: 20000,
  },
  {
    name: 'an exclusive promotion takes its lines even when it gives nothing there',
    input: {
      lines: [line(1, 'SOCK-1', 1, 1290, { category: 'socks' }), line(2, 'SHOE-1', 1, 19990)],
      promotions: [
        promo('SOCKS3X2', {
          kind: 'buy_x_pay_y',
          buyQuantity: 3,
          payQuantity: 2,
          exclusive: true,
          target: { ...everySku, categories: ['socks'] },
        }),
        promo('ALL50', { kind: 'percent_off', percentBp: 5000 }),
      ],
    },
    lines: [
      [0, 1290, []],
      [9995, 9995, ['ALL50:9995']],
    ],
    totalCents: 11285,
  },
  {
    name: 'fixed_price never raises a price',
    input: {
      lines: [line(1, 'A', 1, 5000), line(2, 'B', 1, 8000)],
      promotions: [promo('FIX60', { kind: 'fixed_price', priceCents: 6000 })],
    },
    lines: [
      [0, 5000, []],
      [2000, 6000, ['FIX60:2000']],
    ],
    totalCents: 11000,
  },
  {
    name: 'a discount never takes a line below zero, even with a manual discount on top',
    input: {
      lines: [line(1, 'A', 2, 1999, { manualDiscountBp: 5000 })],
      promotions: [promo('FREE', { kind: 'percent_off', percentBp: 10000 })],
    },
    lines: [[3998, 0, ['FREE:3998']]],
    totalCents: 0,
  },
  {
    name: 'manual discount applies after the promotion, on what is left, half up',
    input: {
      lines: [line(1, 'A', 3, 3333, { manualDiscountBp: 1255 })],
      promotions: [promo('P10', { kind: 'percent_off', percentBp: 1000 })],
    },
    // 10 % of 33.33 = 3.333 → 3.33 per unit, 9.99; 12.55 % of 90.00 = 11.295 → 11.30.
    lines: [[2129, 7870, ['P10:999']]],
    totalCents: 7870,
  },
  {
    name: 'inactive, other-group and expired promotions do not apply',
    input: {
      lines: [line(1, 'A', 1, 10000)],
      promotions: [
        promo('OFF', { kind: 'percent_off', percentBp: 5000, active: false }),
        promo('G2ONLY', { kind: 'percent_off', percentBp: 4000, groupCodes: ['G2'] }),
        // Ends at 12:00 São Paulo time, the very moment of the sale: endsAt is exclusive.
        promo('ENDED', { kind: 'percent_off', percentBp: 3000, endsAt: '2026-12-10T12:00' }),
        promo('LATER', { kind: 'percent_off', percentBp: 2000, startsAt: '2026-12-10T12:00:01' }),
        promo('G1', {
          kind: 'percent_off',
          percentBp: 100,
          groupCodes: ['G1', 'G3'],
          endsAt: '2026-12-10T12:00:01',
        }),
      ],
    },
    lines: [[100, 9900, ['G1:100']]],
    totalCents: 9900,
  },
];

describe('priceCart worked examples', () => {
  it.each(examples)('$name', ({ input, lines, totalCents }) => {
    const cart = priceCart({ ...context, ...input });
    expect(
      cart.lines.map((l) => [
        l.discountCents,
        l.totalCents,
        l.promotions.map((p) => `${p.code}:${p.discountCents}`),
      ]),
    ).toEqual(lines);
    expect(cart.totalCents).toBe(totalCents);
    expect(cart.subtotalCents - cart.discountCents).toBe(totalCents);
  });
});
