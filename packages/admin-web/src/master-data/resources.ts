import type { TSchema } from 'typebox';
import {
  FinancialReasonCreate,
  FinancialReasonUpdate,
  OperatorCreate,
  OperatorUpdate,
  PaymentConditionCreate,
  PaymentConditionUpdate,
  PaymentTypeCreate,
  PaymentTypeUpdate,
  PriceListCreate,
  PriceListUpdate,
  ProductCreate,
  ProductUpdate,
  PromotionCreate,
  PromotionUpdate,
  SellerCreate,
  SellerUpdate,
  StationCreate,
  StationGroupCreate,
  StationGroupUpdate,
  StationUpdate,
  StoreCreate,
  StoreUpdate,
} from '@storelink/contracts';
import { validatePromotion, type PromotionDraft } from '@storelink/domain';
import type { MessageKey } from '../i18n/messages.pt-BR';
import type { FieldDef, SelectOption } from '../forms/form-model';
import {
  financialReasonKindOptions,
  operatorRoleOptions,
  paymentKindOptions,
  promotionKindOptions,
} from './options';

/** How a list column shows a record's value. */
export type ColumnKind = 'text' | 'yesNo' | 'codes' | 'cents' | 'bp' | 'dateTime' | 'option' | 'count';

export interface ColumnDef {
  name: string;
  label: MessageKey;
  kind: ColumnKind;
  options?: readonly SelectOption[];
}

export type ResourceKey =
  | 'stores'
  | 'station-groups'
  | 'stations'
  | 'products'
  | 'price-lists'
  | 'sellers'
  | 'operators'
  | 'payment-types'
  | 'payment-conditions'
  | 'financial-reasons'
  | 'promotions';

/**
 * One master-data resource of SPEC §5.1 as the console shows it: where its API lives, the
 * contract schemas its forms are checked against (the same constants the server registers),
 * its list columns and its form fields.
 */
export interface ResourceDef {
  key: ResourceKey;
  apiPath: string;
  title: MessageKey;
  singular: MessageKey;
  description: MessageKey;
  createSchema: TSchema;
  updateSchema: TSchema;
  columns: readonly ColumnDef[];
  fields: readonly FieldDef[];
  /** Rules beyond the schema that the API applies too, from the shared domain code. */
  check?: (body: Record<string, unknown>, record: Record<string, unknown> | undefined) => FieldProblem[];
}

export interface FieldProblem {
  path: string;
  message: string;
}

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

const code: FieldDef = { name: 'code', label: 'field.code', kind: 'code', hint: 'hint.code' };
const name: FieldDef = { name: 'name', label: 'field.name', kind: 'text' };
const active: FieldDef = { name: 'active', label: 'field.active', kind: 'checkbox', defaultValue: true };
const codeColumn: ColumnDef = { name: 'code', label: 'field.code', kind: 'text' };
const nameColumn: ColumnDef = { name: 'name', label: 'field.name', kind: 'text' };
const activeColumn: ColumnDef = { name: 'active', label: 'field.active', kind: 'yesNo' };

const isPromotionKind = (kind: string) => (values: Record<string, unknown>) => values.kind === kind;

export const resources: readonly ResourceDef[] = [
  {
    key: 'stores',
    apiPath: '/stores',
    title: 'resource.stores',
    singular: 'resource.store',
    description: 'resource.stores.description',
    createSchema: StoreCreate,
    updateSchema: StoreUpdate,
    columns: [
      codeColumn,
      nameColumn,
      { name: 'taxId', label: 'field.taxId', kind: 'text' },
      { name: 'timezone', label: 'field.timezone', kind: 'text' },
      activeColumn,
    ],
    fields: [
      code,
      name,
      { name: 'taxId', label: 'field.taxId', kind: 'text', hint: 'hint.taxId' },
      {
        name: 'timezone',
        label: 'field.timezone',
        kind: 'text',
        defaultValue: 'America/Sao_Paulo',
        hint: 'hint.timezone',
      },
      active,
    ],
  },
  {
    key: 'station-groups',
    apiPath: '/station-groups',
    title: 'resource.stationGroups',
    singular: 'resource.stationGroup',
    description: 'resource.stationGroups.description',
    createSchema: StationGroupCreate,
    updateSchema: StationGroupUpdate,
    columns: [
      codeColumn,
      nameColumn,
      { name: 'storeCode', label: 'field.storeCode', kind: 'text' },
      { name: 'priceListCode', label: 'field.priceListCode', kind: 'text' },
      { name: 'integrationEnabled', label: 'field.integrationEnabled', kind: 'yesNo' },
      activeColumn,
    ],
    fields: [
      code,
      name,
      { name: 'storeCode', label: 'field.storeCode', kind: 'text', reference: 'stores' },
      { name: 'priceListCode', label: 'field.priceListCode', kind: 'text', reference: 'price-lists' },
      {
        name: 'integrationEnabled',
        label: 'field.integrationEnabled',
        kind: 'checkbox',
        defaultValue: true,
        hint: 'hint.integrationEnabled',
      },
      {
        name: 'syncIntervalSeconds',
        label: 'field.syncIntervalSeconds',
        kind: 'integer',
        defaultValue: '60',
      },
      { name: 'heartbeatSeconds', label: 'field.heartbeatSeconds', kind: 'integer', defaultValue: '30' },
      {
        name: 'offlineAlertMinutes',
        label: 'field.offlineAlertMinutes',
        kind: 'integer',
        defaultValue: '15',
      },
      { name: 'maxCashierDiscountBp', label: 'field.maxCashierDiscountBp', kind: 'bp', defaultValue: '0,00' },
      {
        name: 'paymentTypeCodes',
        label: 'field.paymentTypeCodes',
        kind: 'codes',
        reference: 'payment-types',
        hint: 'hint.emptyMeansAll',
      },
      {
        name: 'financialReasonCodes',
        label: 'field.financialReasonCodes',
        kind: 'codes',
        reference: 'financial-reasons',
        hint: 'hint.emptyMeansAll',
      },
      { name: 'cancelRequiresSupervisor', label: 'field.cancelRequiresSupervisor', kind: 'checkbox' },
      active,
    ],
  },
  {
    key: 'stations',
    apiPath: '/stations',
    title: 'resource.stations',
    singular: 'resource.station',
    description: 'resource.stations.description',
    createSchema: StationCreate,
    updateSchema: StationUpdate,
    columns: [
      codeColumn,
      nameColumn,
      { name: 'groupCode', label: 'field.groupCode', kind: 'text' },
      { name: 'appVersion', label: 'field.appVersion', kind: 'text' },
      { name: 'lastSeenAt', label: 'field.lastSeenAt', kind: 'dateTime' },
      activeColumn,
    ],
    fields: [
      code,
      name,
      {
        name: 'groupCode',
        label: 'field.groupCode',
        kind: 'text',
        reference: 'station-groups',
        hint: 'hint.groupCode',
      },
      active,
    ],
  },
  {
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
  },
  {
    key: 'price-lists',
    apiPath: '/price-lists',
    title: 'resource.priceLists',
    singular: 'resource.priceList',
    description: 'resource.priceLists.description',
    createSchema: PriceListCreate,
    updateSchema: PriceListUpdate,
    columns: [codeColumn, nameColumn, activeColumn],
    fields: [code, name, active],
  },
  {
    key: 'sellers',
    apiPath: '/sellers',
    title: 'resource.sellers',
    singular: 'resource.seller',
    description: 'resource.sellers.description',
    createSchema: SellerCreate,
    updateSchema: SellerUpdate,
    columns: [
      codeColumn,
      nameColumn,
      { name: 'storeCodes', label: 'field.storeCodes', kind: 'codes' },
      activeColumn,
    ],
    fields: [
      code,
      name,
      {
        name: 'storeCodes',
        label: 'field.storeCodes',
        kind: 'codes',
        reference: 'stores',
        hint: 'hint.emptyMeansAll',
      },
      active,
    ],
  },
  {
    key: 'operators',
    apiPath: '/operators',
    title: 'resource.operators',
    singular: 'resource.operator',
    description: 'resource.operators.description',
    createSchema: OperatorCreate,
    updateSchema: OperatorUpdate,
    columns: [
      codeColumn,
      nameColumn,
      { name: 'role', label: 'field.operatorRole', kind: 'option', options: operatorRoleOptions },
      { name: 'storeCodes', label: 'field.storeCodes', kind: 'codes' },
      activeColumn,
    ],
    fields: [
      code,
      name,
      {
        name: 'role',
        label: 'field.operatorRole',
        kind: 'select',
        options: operatorRoleOptions,
        defaultValue: 'cashier',
      },
      { name: 'pin', label: 'field.pin', kind: 'secret', hint: 'hint.pin' },
      {
        name: 'storeCodes',
        label: 'field.storeCodes',
        kind: 'codes',
        reference: 'stores',
        hint: 'hint.emptyMeansAll',
      },
      active,
    ],
  },
  {
    key: 'payment-types',
    apiPath: '/payment-types',
    title: 'resource.paymentTypes',
    singular: 'resource.paymentType',
    description: 'resource.paymentTypes.description',
    createSchema: PaymentTypeCreate,
    updateSchema: PaymentTypeUpdate,
    columns: [
      codeColumn,
      nameColumn,
      { name: 'kind', label: 'field.paymentKind', kind: 'option', options: paymentKindOptions },
      { name: 'givesChange', label: 'field.givesChange', kind: 'yesNo' },
      { name: 'allowsInstallments', label: 'field.allowsInstallments', kind: 'yesNo' },
      { name: 'fiscalCode', label: 'field.fiscalCode', kind: 'text' },
      activeColumn,
    ],
    fields: [
      code,
      name,
      {
        name: 'kind',
        label: 'field.paymentKind',
        kind: 'select',
        options: paymentKindOptions,
        defaultValue: 'cash',
      },
      { name: 'givesChange', label: 'field.givesChange', kind: 'checkbox' },
      { name: 'allowsInstallments', label: 'field.allowsInstallments', kind: 'checkbox' },
      { name: 'requiresCustomer', label: 'field.requiresCustomer', kind: 'checkbox' },
      {
        name: 'fiscalCode',
        label: 'field.fiscalCode',
        kind: 'text',
        hint: 'hint.fiscalCode',
        placeholder: '01',
      },
      active,
    ],
  },
  {
    key: 'payment-conditions',
    apiPath: '/payment-conditions',
    title: 'resource.paymentConditions',
    singular: 'resource.paymentCondition',
    description: 'resource.paymentConditions.description',
    createSchema: PaymentConditionCreate,
    updateSchema: PaymentConditionUpdate,
    columns: [
      codeColumn,
      nameColumn,
      { name: 'installments', label: 'field.installments', kind: 'text' },
      { name: 'surchargeBp', label: 'field.surchargeBp', kind: 'bp' },
      { name: 'minInstallmentCents', label: 'field.minInstallmentCents', kind: 'cents' },
      { name: 'paymentTypeCodes', label: 'field.paymentTypeCodes', kind: 'codes' },
      activeColumn,
    ],
    fields: [
      code,
      name,
      {
        name: 'paymentTypeCodes',
        label: 'field.paymentTypeCodes',
        kind: 'codes',
        reference: 'payment-types',
      },
      { name: 'installments', label: 'field.installments', kind: 'integer', defaultValue: '1' },
      { name: 'firstDueDays', label: 'field.firstDueDays', kind: 'integer', defaultValue: '30' },
      { name: 'intervalDays', label: 'field.intervalDays', kind: 'integer', defaultValue: '30' },
      { name: 'surchargeBp', label: 'field.surchargeBp', kind: 'bp', defaultValue: '0,00' },
      {
        name: 'minInstallmentCents',
        label: 'field.minInstallmentCents',
        kind: 'money',
        defaultValue: '0,00',
      },
      active,
    ],
  },
  {
    key: 'financial-reasons',
    apiPath: '/financial-reasons',
    title: 'resource.financialReasons',
    singular: 'resource.financialReason',
    description: 'resource.financialReasons.description',
    createSchema: FinancialReasonCreate,
    updateSchema: FinancialReasonUpdate,
    columns: [
      codeColumn,
      nameColumn,
      { name: 'kind', label: 'field.reasonKind', kind: 'option', options: financialReasonKindOptions },
      { name: 'requiresNote', label: 'field.requiresNote', kind: 'yesNo' },
      activeColumn,
    ],
    fields: [
      code,
      name,
      {
        name: 'kind',
        label: 'field.reasonKind',
        kind: 'select',
        options: financialReasonKindOptions,
        defaultValue: 'withdrawal',
      },
      { name: 'requiresNote', label: 'field.requiresNote', kind: 'checkbox' },
      active,
    ],
  },
  {
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
  },
];

export function findResource(key: string | undefined): ResourceDef | undefined {
  return resources.find((resource) => resource.key === key);
}
