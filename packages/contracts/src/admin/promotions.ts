import { Type, type Static } from 'typebox';
import { Bp, Cents, Code, CodeList, Id, Name, Strict, StrictPartial } from '../common';

/**
 * When a promotion starts or ends. Without an offset (`2026-12-01T00:00`) it is a wall-clock time
 * in each store's own timezone, so a chain-wide promotion starts at local midnight everywhere;
 * with `Z` or an offset it is one instant for every store. `endsAt` is exclusive.
 */
export const PromotionInstant = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2})?$',
  description: 'ISO 8601 date-time; without an offset it is read in the store timezone',
});

export const promotionKinds = ['percent_off', 'fixed_price', 'buy_x_pay_y', 'progressive'] as const;
export const PromotionKind = Type.Enum(promotionKinds);
export type PromotionKind = (typeof promotionKinds)[number];

export const PromotionTier = Strict({
  minQuantity: Type.Integer({ minimum: 1, maximum: 100_000 }),
  percentBp: Bp,
});
export type PromotionTier = Static<typeof PromotionTier>;

/** All empty means every SKU. */
export const PromotionTarget = Strict({
  skuCodes: CodeList,
  productCodes: CodeList,
  categories: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
    maxItems: 1000,
    uniqueItems: true,
  }),
});
export type PromotionTarget = Static<typeof PromotionTarget>;

export const Promotion = Type.Object({
  id: Id,
  code: Code,
  name: Name,
  kind: PromotionKind,
  percentBp: Type.Optional(Bp),
  priceCents: Type.Optional(Cents),
  buyQuantity: Type.Optional(Type.Integer({ minimum: 1 })),
  payQuantity: Type.Optional(Type.Integer({ minimum: 0 })),
  tiers: Type.Optional(Type.Array(PromotionTier)),
  target: PromotionTarget,
  /** Empty means every group. */
  groupCodes: CodeList,
  /** Empty means any payment type. */
  paymentTypeCodes: CodeList,
  startsAt: Type.Optional(PromotionInstant),
  endsAt: Type.Optional(PromotionInstant),
  priority: Type.Integer(),
  exclusive: Type.Boolean(),
  active: Type.Boolean(),
});
export type Promotion = Static<typeof Promotion>;

const BuyQuantity = Type.Integer({ minimum: 1, maximum: 1000 });
const PayQuantity = Type.Integer({ minimum: 0, maximum: 1000 });
const Tiers = Type.Array(PromotionTier, { minItems: 1, maxItems: 20 });

/** What a promotion's body sets, as on create. */
const promotionFields = {
  name: Name,
  kind: PromotionKind,
  percentBp: Type.Optional(Bp),
  priceCents: Type.Optional(Cents),
  buyQuantity: Type.Optional(BuyQuantity),
  payQuantity: Type.Optional(PayQuantity),
  tiers: Type.Optional(Tiers),
  target: Type.Optional(PromotionTarget),
  groupCodes: Type.Optional(CodeList),
  paymentTypeCodes: Type.Optional(CodeList),
  startsAt: Type.Optional(PromotionInstant),
  endsAt: Type.Optional(PromotionInstant),
  priority: Type.Optional(Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 })),
  exclusive: Type.Optional(Type.Boolean()),
  active: Type.Optional(Type.Boolean()),
};

/**
 * Fields must agree with `kind` (SPEC §5.1): percent_off needs percentBp, fixed_price priceCents,
 * buy_x_pay_y buyQuantity > payQuantity, progressive tiers in ascending minQuantity; endsAt after
 * startsAt. Contradictions are refused with `validation_failed` and field-level `errors[]`.
 */
export const PromotionCreate = Strict({ code: Code, ...promotionFields });
export type PromotionCreate = Static<typeof PromotionCreate>;

/** PATCH. A field set to `null` is cleared (`startsAt`, `endsAt`, and the kind's parameters). */
export const PromotionUpdate = StrictPartial({
  ...promotionFields,
  percentBp: Type.Union([Bp, Type.Null()]),
  priceCents: Type.Union([Cents, Type.Null()]),
  buyQuantity: Type.Union([BuyQuantity, Type.Null()]),
  payQuantity: Type.Union([PayQuantity, Type.Null()]),
  tiers: Type.Union([Tiers, Type.Null()]),
  startsAt: Type.Union([PromotionInstant, Type.Null()]),
  endsAt: Type.Union([PromotionInstant, Type.Null()]),
});
export type PromotionUpdate = Static<typeof PromotionUpdate>;
