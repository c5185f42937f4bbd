/**
 * The pricing engine's own input and output shapes. `domain` imports nothing of ours, so these
 * restate the parts of the contracts it reads, with the same field names: a contract `Promotion`
 * is assignable to `PromotionRule`, and a `PricedLine` carries every field of a quote item except
 * the product name (SPEC §12.4).
 */

export const promotionKinds = ['percent_off', 'fixed_price', 'buy_x_pay_y', 'progressive'] as const;
/** SPEC §5.1 promotion kinds. */
export type PromotionKind = (typeof promotionKinds)[number];

/** One step of a progressive promotion: from `minQuantity` targeted units on, `percentBp` off. */
export interface PromotionTierRule {
  minQuantity: number;
  percentBp: number;
}

/** What a promotion targets; a unit matches if it matches any list. All empty = every SKU. */
export interface PromotionTargetRule {
  skuCodes: readonly string[];
  productCodes: readonly string[];
  categories: readonly string[];
}

/**
 * A promotion as the engine reads it (the contract `Promotion` minus `id`). `startsAt`/`endsAt`
 * without an offset are wall-clock times in the store's timezone; with `Z` or an offset they are
 * instants. `endsAt` is exclusive. Only the parameter of its own `kind` may be set.
 */
export interface PromotionRule {
  code: string;
  name: string;
  kind: PromotionKind;
  percentBp?: number | undefined;
  priceCents?: number | undefined;
  buyQuantity?: number | undefined;
  payQuantity?: number | undefined;
  tiers?: readonly PromotionTierRule[] | undefined;
  target: PromotionTargetRule;
  groupCodes: readonly string[];
  paymentTypeCodes: readonly string[];
  startsAt?: string | undefined;
  endsAt?: string | undefined;
  priority: number;
  exclusive: boolean;
  active: boolean;
}

/** A cart line before pricing. `lineNo` is unique in the cart; quantity is a whole number ≥ 1. */
export interface CartLine {
  lineNo: number;
  skuCode: string;
  productCode: string;
  category?: string | undefined;
  quantity: number;
  unitPriceCents: number;
  /** Cashier's discount on what is left of the line after its promotion; 0–10000. */
  manualDiscountBp?: number | undefined;
}

/** Everything `priceCart` needs. Time is an input: the engine never reads a clock. */
export interface PriceCartInput {
  lines: readonly CartLine[];
  promotions: readonly PromotionRule[];
  /** The station group the quote or sale happens in. */
  groupCode: string;
  /** Payment types the quote or sale names; may be empty. */
  paymentTypeCodes: readonly string[];
  /** The instant of the quote or sale, ISO 8601 with `Z` or an offset. */
  at: string;
  /** The store's IANA timezone, used to read offset-less promotion times. */
  timezone: string;
}

/** The part of a line's discount that one promotion produced. */
export interface LinePromotion {
  code: string;
  name: string;
  discountCents: number;
}

/**
 * A priced line. `discountCents = promotionDiscountCents + manualDiscountCents`,
 * `totalCents = grossCents − discountCents ≥ 0`, and `promotions[].discountCents` add up to
 * `promotionDiscountCents`.
 */
export interface PricedLine {
  lineNo: number;
  skuCode: string;
  quantity: number;
  unitPriceCents: number;
  /** quantity × unitPriceCents. */
  grossCents: number;
  promotionDiscountCents: number;
  manualDiscountCents: number;
  discountCents: number;
  totalCents: number;
  /** Promotions that discounted this line, by code; only those with a discount above zero. */
  promotions: LinePromotion[];
  /** `promotions[].code`, as the `sale.completed` item's `promotionCodes[]`. */
  promotionCodes: string[];
}

/** A priced cart. Line totals add up exactly to `totalCents`; nothing is negative. */
export interface PricedCart {
  /** Ascending `lineNo`, whatever the input order. */
  lines: PricedLine[];
  subtotalCents: number;
  promotionDiscountCents: number;
  manualDiscountCents: number;
  discountCents: number;
  totalCents: number;
}

/** How many of a line's units one promotion prices, and the discount it gives them. */
export interface LineAllocation {
  lineNo: number;
  units: number;
  discountCents: number;
}

/** One promotion's share of the cart after assignment. Lines ascend by `lineNo`. */
export interface PromotionAllocation {
  code: string;
  name: string;
  units: number;
  discountCents: number;
  lines: LineAllocation[];
}
