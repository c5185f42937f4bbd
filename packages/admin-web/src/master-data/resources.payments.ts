import {
  FinancialReasonCreate,
  FinancialReasonUpdate,
  OperatorCreate,
  OperatorUpdate,
  PaymentConditionCreate,
  PaymentConditionUpdate,
  PaymentTypeCreate,
  PaymentTypeUpdate,
  SellerCreate,
  SellerUpdate,
} from '@storelink/contracts';
import { financialReasonKindOptions, operatorRoleOptions, paymentKindOptions } from './options';
import { active, activeColumn, code, codeColumn, name, nameColumn, type ResourceDef } from './resource-def';

/* People and money: sellers, operators, payment types and conditions, financial reasons. */

export const sellers: ResourceDef = {
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
};

export const operators: ResourceDef = {
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
};

export const paymentTypes: ResourceDef = {
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
};

export const paymentConditions: ResourceDef = {
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
};

export const financialReasons: ResourceDef = {
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
};
