// fast-check generators shared by the pricing property tests. Test-only: nothing exports this.
import fc from 'fast-check';
import type { CartLine, PriceCartInput, PromotionRule } from './types';

const catalog = [
  { skuCode: 'S1', productCode: 'P1', category: 'shoes' },
  { skuCode: 'S2', productCode: 'P1', category: 'shoes' },
  { skuCode: 'S3', productCode: 'P2', category: 'socks' },
  { skuCode: 'S4', productCode: 'P3', category: undefined },
  { skuCode: 'S5', productCode: 'P4', category: 'shirts' },
] as const;

export const groupCodes = ['G1', 'G2'] as const;
export const paymentTypeCodes = ['cash', 'credit', 'pix'] as const;
export const timezones = ['America/Sao_Paulo', 'America/Manaus', 'UTC', 'Asia/Kolkata'] as const;

/** Instants around which the generated validity bounds sit. */
export const instants = [
  '2026-12-01T02:30:00Z',
  '2026-12-01T03:30:00.000Z',
  '2026-12-01T04:30:00-03:00',
] as const;
const bounds = [
  '2026-12-01T00:00',
  '2026-12-01T01:00',
  '2026-11-30T23:00',
  '2026-12-01T00:00-03:00',
  '2026-12-01T03:00:00Z',
  '2026-12-01T04:00Z',
] as const;

/** Prices 0–100000 cents, with round prices often enough that ties between units happen. */
export const priceArb = fc.oneof(
  fc.integer({ min: 0, max: 100_000 }),
  fc.constantFrom(0, 990, 1000, 1990, 5000, 100_000),
);

const lineArb = fc.record({
  item: fc.constantFrom(...catalog),
  quantity: fc.integer({ min: 1, max: 10 }),
  unitPriceCents: priceArb,
  manualDiscountBp: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
});

/** 1–20 lines with unique `lineNo`s (not necessarily consecutive). */
export const linesArb: fc.Arbitrary<CartLine[]> = fc
  .array(lineArb, { minLength: 1, maxLength: 20 })
  .map((raw) =>
    raw.map((l, i) => {
      const line: CartLine = {
        lineNo: i * 3 + 1,
        skuCode: l.item.skuCode,
        productCode: l.item.productCode,
        quantity: l.quantity,
        unitPriceCents: l.unitPriceCents,
      };
      if (l.item.category !== undefined) line.category = l.item.category;
      if (l.manualDiscountBp !== undefined) line.manualDiscountBp = l.manualDiscountBp;
      return line;
    }),
  );

const parametersArb = fc.oneof(
  fc.record({ kind: fc.constant('percent_off' as const), percentBp: fc.integer({ min: 0, max: 10_000 }) }),
  fc.record({ kind: fc.constant('fixed_price' as const), priceCents: priceArb }),
  // payQuantity may reach buyQuantity: such a promotion is invalid and must simply be ignored.
  fc.record({
    kind: fc.constant('buy_x_pay_y' as const),
    buyQuantity: fc.integer({ min: 1, max: 5 }),
    payQuantity: fc.integer({ min: 0, max: 5 }),
  }),
  fc.record({
    kind: fc.constant('progressive' as const),
    tiers: fc
      .uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 4 })
      .chain((mins) =>
        fc.tuple(
          ...mins
            .sort((a, b) => a - b)
            .map((minQuantity) =>
              fc.integer({ min: 0, max: 10_000 }).map((percentBp) => ({ minQuantity, percentBp })),
            ),
        ),
      ),
  }),
);

const subset = <T>(values: readonly T[]) => fc.subarray([...values]);

/** `arb` one time in four, `otherwise` the rest: most promotions apply, some are out of scope. */
function sometimes<T>(arb: fc.Arbitrary<T>, otherwise: T): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: fc.constant(otherwise), weight: 3 }, { arbitrary: arb, weight: 1 });
}

const promotionArb = fc.record({
  parameters: parametersArb,
  target: fc.oneof(
    {
      arbitrary: fc.constant({
        skuCodes: [] as string[],
        productCodes: [] as string[],
        categories: [] as string[],
      }),
      weight: 1,
    },
    {
      arbitrary: fc.record({
        skuCodes: subset(catalog.map((c) => c.skuCode)),
        productCodes: subset(['P1', 'P2', 'P3', 'P4']),
        categories: subset(['shoes', 'socks', 'shirts']),
      }),
      weight: 2,
    },
  ),
  groupCodes: sometimes(subset(groupCodes), []),
  paymentTypeCodes: sometimes(subset(paymentTypeCodes), []),
  startsAt: sometimes(fc.constantFrom<string | undefined>(...bounds), undefined),
  endsAt: sometimes(fc.constantFrom<string | undefined>(...bounds), undefined),
  priority: fc.integer({ min: -2, max: 2 }),
  exclusive: fc.oneof(
    { arbitrary: fc.constant(false), weight: 5 },
    { arbitrary: fc.constant(true), weight: 1 },
  ),
  active: fc.oneof({ arbitrary: fc.constant(true), weight: 5 }, { arbitrary: fc.constant(false), weight: 1 }),
});

/** 0–15 promotions of every kind, target, scope, validity, restriction, priority and exclusivity. */
export const promotionsArb: fc.Arbitrary<PromotionRule[]> = fc
  .array(promotionArb, { maxLength: 15 })
  .map((raw) =>
    raw.map((r, i) => {
      const p: PromotionRule = {
        code: `PR${String(i).padStart(2, '0')}`,
        name: `Promotion ${i}`,
        ...r.parameters,
        target: r.target,
        groupCodes: r.groupCodes,
        paymentTypeCodes: r.paymentTypeCodes,
        priority: r.priority,
        exclusive: r.exclusive,
        active: r.active,
      };
      if (r.startsAt !== undefined) p.startsAt = r.startsAt;
      if (r.endsAt !== undefined) p.endsAt = r.endsAt;
      return p;
    }),
  );

/** A whole `priceCart` input. */
export const cartInputArb: fc.Arbitrary<PriceCartInput> = fc.record({
  lines: linesArb,
  promotions: promotionsArb,
  groupCode: fc.constantFrom(...groupCodes),
  paymentTypeCodes: subset(paymentTypeCodes),
  at: fc.constantFrom(...instants),
  timezone: fc.constantFrom(...timezones),
});

/** A permutation of `values`, driven by generated sort keys. */
export function permute<T>(values: readonly T[], keys: readonly number[]): T[] {
  return values
    .map((value, i) => ({ value, key: keys[i % Math.max(keys.length, 1)] ?? 0, i }))
    .sort((a, b) => a.key - b.key || b.i - a.i)
    .map((e) => e.value);
}
