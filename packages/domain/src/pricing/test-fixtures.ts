// Builders shared by the pricing example tests. Test-only: nothing exports this.
import type { CartLine, PromotionRule } from './types';

/** A target that matches every SKU. */
export const everySku = { skuCodes: [], productCodes: [], categories: [] };

/** A non-exclusive, active, unrestricted promotion of priority 0, named after its code. */
export function promo(
  code: string,
  fields: Partial<PromotionRule> & Pick<PromotionRule, 'kind'>,
): PromotionRule {
  return {
    code,
    name: code,
    target: everySku,
    groupCodes: [],
    paymentTypeCodes: [],
    priority: 0,
    exclusive: false,
    active: true,
    ...fields,
  };
}

/** A cart line whose product code is the SKU code up to its first dash. */
export function line(
  lineNo: number,
  skuCode: string,
  quantity: number,
  unitPriceCents: number,
  extra: Partial<CartLine> = {},
) {
  return {
    lineNo,
    skuCode,
    productCode: skuCode.split('-')[0] ?? skuCode,
    quantity,
    unitPriceCents,
    ...extra,
  };
}

/** Group G1, no payment named, 10 Dec 2026 at noon in São Paulo. */
export const context = {
  groupCode: 'G1',
  paymentTypeCodes: [] as string[],
  at: '2026-12-10T15:00:00Z', // 12:00 in São Paulo
  timezone: 'America/Sao_Paulo',
};
