import {
  PriceListCreate,
  PriceListUpdate,
  ProductCreate,
  ProductUpdate,
  PromotionCreate,
  PromotionUpdate,
} from '@storelink/contracts';
import { validatePromotion, type PromotionDraft } from '@storelink/domain';
import { promotionKindOptions } from './options';
import { active, activeColumn, code, codeColumn, name, nameColumn, type ResourceDef } from './resource-def';

/* What is sold and at what price: products, price lists, promotions. */

/** The promotion the API would store: the record with the PATCH applied (`null` clears a field). */
function mergeDraft(
  record: Record<string, unknown> | undefined,
  body: Record<string, unknown>,
): PromotionDraft {
  const draft: Record<string, unknown> = { ...record };
  for (const [key, value] of Object.entries(body)) {
    if (value === null) delete draft[key];
    else draft[key] = value;
  }
  return draft as unknown as PromotionDraft;
}

const isPromotionKind = (kind: string) => (values: Record<string, unknown>) => values.kind === kind;

export const products: ResourceDef = {
  key: 'products',
  apiPath: '/products',
  title: 'resource.products',
  singular: 'resource.product',
  description: 'resource.products.description',
  createSchema: ProductCreate,
  updateSchema: ProductUpdate,
  columns: [
    codeColumn,
    nameColumn,
    { name: 'brand', label: 'field.brand', kind: 'text' },
    { name: 'category', label: 'field.category', kind: 'text' },
    { name: 'skus', label: 'field.skus', kind: 'count' },
    activeColumn,
  ],
  fields: [
    code,
    name,
    { name: 'brand', label: 'field.brand', kind: 'text' },
    { name: 'category', label: 'field.category', kind: 'text' },
    active,
    {
      name: 'skus',
      label: 'field.skus',
      kind: 'rows',
      addLabel: 'action.addSku',
      hint: 'hint.skus',
      columns: [
        { name: 'code', label: 'field.skuCode', kind: 'code', lockedWhenSaved: true },
        { name: 'color', label: 'field.color', kind: 'text' },
        { name: 'size', label: 'field.size', kind: 'text' },
        { name: 'barcodes', label: 'field.barcodes', kind: 'codes' },
        { name: 'active', label: 'field.active', kind: 'checkbox', defaultValue: true },
      ],
    },
  ],
};

export const priceLists: ResourceDef = {
  key: 'price-lists',
  apiPath: '/price-lists',
  title: 'resource.priceLists',
  singular: 'resource.priceList',
  description: 'resource.priceLists.description',
  createSchema: PriceListCreate,
  updateSchema: PriceListUpdate,
  columns: [codeColumn, nameColumn, activeColumn],
  fields: [code, name, active],
};

export const promotions: ResourceDef = {
  key: 'promotions',
  apiPath: '/promotions',
  title: 'resource.promotions',
  singular: 'resource.promotion',
  description: 'resource.promotions.description',
  createSchema: PromotionCreate,
  updateSchema: PromotionUpdate,
  check: (body, record) => validatePromotion(mergeDraft(record, body)),
  columns: [
    codeColumn,
    nameColumn,
    { name: 'kind', label: 'field.promotionKind', kind: 'option', options: promotionKindOptions },
    { name: 'startsAt', label: 'field.startsAt', kind: 'text' },
    { name: 'endsAt', label: 'field.endsAt', kind: 'text' },
    { name: 'priority', label: 'field.priority', kind: 'text' },
    activeColumn,
  ],
  fields: [
    code,
    name,
    {
      name: 'kind',
      label: 'field.promotionKind',
      kind: 'select',
      options: promotionKindOptions,
      defaultValue: 'percent_off',
    },
    {
      name: 'percentBp',
      label: 'field.percentBp',
      kind: 'bp',
      nullable: true,
      visibleWhen: isPromotionKind('percent_off'),
    },
    {
      name: 'priceCents',
      label: 'field.priceCents',
      kind: 'money',
      nullable: true,
      visibleWhen: isPromotionKind('fixed_price'),
    },
    {
      name: 'buyQuantity',
      label: 'field.buyQuantity',
      kind: 'integer',
      nullable: true,
      visibleWhen: isPromotionKind('buy_x_pay_y'),
    },
    {
      name: 'payQuantity',
      label: 'field.payQuantity',
      kind: 'integer',
      nullable: true,
      visibleWhen: isPromotionKind('buy_x_pay_y'),
    },
    {
      name: 'tiers',
      label: 'field.tiers',
      kind: 'rows',
      nullable: true,
      addLabel: 'action.addTier',
      visibleWhen: isPromotionKind('progressive'),
      columns: [
        { name: 'minQuantity', label: 'field.minQuantity', kind: 'integer' },
        { name: 'percentBp', label: 'field.percentBp', kind: 'bp' },
      ],
    },
    { name: 'target.skuCodes', label: 'field.targetSkuCodes', kind: 'codes', hint: 'hint.targetAll' },
    {
      name: 'target.productCodes',
      label: 'field.targetProductCodes',
      kind: 'codes',
      reference: 'products',
    },
    { name: 'target.categories', label: 'field.targetCategories', kind: 'codes' },
    {
      name: 'groupCodes',
      label: 'field.groupCodes',
      kind: 'codes',
      reference: 'station-groups',
      hint: 'hint.emptyMeansAll',
    },
    {
      name: 'paymentTypeCodes',
      label: 'field.promotionPaymentTypeCodes',
      kind: 'codes',
      reference: 'payment-types',
      hint: 'hint.emptyMeansAny',
    },
    { name: 'startsAt', label: 'field.startsAt', kind: 'text', nullable: true, hint: 'hint.instant' },
    { name: 'endsAt', label: 'field.endsAt', kind: 'text', nullable: true, hint: 'hint.instant' },
    { name: 'priority', label: 'field.priority', kind: 'integer', defaultValue: '0' },
    { name: 'exclusive', label: 'field.exclusive', kind: 'checkbox', hint: 'hint.exclusive' },
    active,
  ],
};
