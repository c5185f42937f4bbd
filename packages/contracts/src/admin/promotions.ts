import { Type, type Static } from 'typebox';
import { Bp, Cents, Code, CodeList, Id, Name, Strict } from '../common';

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

const writable = {
  name: Name,
  kind: PromotionKind,
  percentBp: Bp,
  priceCents: Cents,
  buyQuantity: Type.Integer({ minimum: 1, maximum: 1000 }),
  payQuantity: Type.Integer({ minimum: 0, maximum: 1000 }),
  tiers: Type.Array(PromotionTier, { minItems: 1, maxItems: 20 }),
  target: PromotionTarget,
  groupCodes: CodeList,
  paymentTypeCodes: CodeList,
  startsAt: PromotionInstant,
  endsAt: PromotionInstant,
  priority: Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 }),
  exclusive: Type.Boolean(),
  active: Type.Boolean(),
};

/**
 * Fields must agree with `kind` (SPEC §5.1): percent_off needs percentBp, fixed_price priceCents,
 * buy_x_pay_y buyQuantity > payQuantity, progressive tiers in ascending minQuantity; endsAt after
 * startsAt. Contradictions are refused with `validation_failed` and field-level `errors[]`.
 */
export const PromotionCreate = Strict({
  code: Code,
  name: writable.name,
  kind: writable.kind,
  percentBp: Type.Optional(writable.percentBp),
  priceCents: Type.Optional(writable.priceCents),
  buyQuantity: Type.Optional(writable.buyQuantity),
  payQuantity: Type.Optional(writable.payQuantity),
  tiers: Type.Optional(writable.tiers),
  target: Type.Optional(writable.target),
  groupCodes: Type.Optional(writable.groupCodes),
  paymentTypeCodes: Type.Optional(writable.paymentTypeCodes),
  startsAt: Type.Optional(writable.startsAt),
  endsAt: Type.Optional(writable.endsAt),
  priority: Type.Optional(writable.priority),
  exclusive: Type.Optional(writable.exclusive),
  active: Type.Optional(writable.active),
});
export type PromotionCreate = Static<typeof PromotionCreate>;

/** PATCH. A field set to `null` is cleared (`startsAt`, `endsAt`, and the kind's parameters). */
export const PromotionUpdate = Strict({
  name: Type.Optional(writable.name),
  kind: Type.Optional(writable.kind),
  percentBp: Type.Optional(Type.Union([writable.percentBp, Type.Null()])),
  priceCents: Type.Optional(Type.Union([writable.priceCents, Type.Null()])),
  buyQuantity: Type.Optional(Type.Union([writable.buyQuantity, Type.Null()])),
  payQuantity: Type.Optional(Type.Union([writable.payQuantity, Type.Null()])),
  tiers: Type.Optional(Type.Union([writable.tiers, Type.Null()])),
  target: Type.Optional(writable.target),
  groupCodes: Type.Optional(writable.groupCodes),
  paymentTypeCodes: Type.Optional(writable.paymentTypeCodes),
  startsAt: Type.Optional(Type.Union([writable.startsAt, Type.Null()])),
  endsAt: Type.Optional(Type.Union([writable.endsAt, Type.Null()])),
  priority: Type.Optional(writable.priority),
  exclusive: Type.Optional(writable.exclusive),
  active: Type.Optional(writable.active),
});
export type PromotionUpdate = Static<typeof PromotionUpdate>;
