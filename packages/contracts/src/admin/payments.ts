import { Type, type Static } from 'typebox';
import { Bp, Cents, Code, CodeList, Id, ListQuery, Name, Strict, StrictPartial } from '../common';

export const paymentKinds = [
  'cash',
  'credit_card',
  'debit_card',
  'pix',
  'voucher',
  'store_credit',
  'check',
  'other',
] as const;
export const PaymentKind = Type.Enum(paymentKinds);
export type PaymentKind = (typeof paymentKinds)[number];

/** NFC-e `tPag`: a 2-digit string such as "01" (cash) or "17" (PIX). */
export const FiscalCode = Type.String({ pattern: '^[0-9]{2}$' });

export const PaymentType = Type.Object({
  id: Id,
  code: Code,
  name: Name,
  kind: PaymentKind,
  givesChange: Type.Boolean(),
  allowsInstallments: Type.Boolean(),
  requiresCustomer: Type.Boolean(),
  fiscalCode: FiscalCode,
  active: Type.Boolean(),
});
export type PaymentType = Static<typeof PaymentType>;

/** What a payment type's body sets, as on create. */
const paymentTypeFields = {
  name: Name,
  kind: PaymentKind,
  givesChange: Type.Optional(Type.Boolean()),
  allowsInstallments: Type.Optional(Type.Boolean()),
  requiresCustomer: Type.Optional(Type.Boolean()),
  fiscalCode: FiscalCode,
  active: Type.Optional(Type.Boolean()),
};

export const PaymentTypeCreate = Strict({ code: Code, ...paymentTypeFields });
export type PaymentTypeCreate = Static<typeof PaymentTypeCreate>;

export const PaymentTypeUpdate = StrictPartial(paymentTypeFields);
export type PaymentTypeUpdate = Static<typeof PaymentTypeUpdate>;

/** `GET /payment-types`: the common list query, plus one kind. */
export const PaymentTypeListQuery = Strict({
  ...ListQuery.properties,
  kind: Type.Optional(PaymentKind),
});
export type PaymentTypeListQuery = Static<typeof PaymentTypeListQuery>;

const Installments = Type.Integer({ minimum: 1, maximum: 48 });
const Days = Type.Integer({ minimum: 0, maximum: 365 });

export const PaymentCondition = Type.Object({
  id: Id,
  code: Code,
  name: Name,
  /** Types that may use this condition; with more than one installment each must allow installments. */
  paymentTypeCodes: CodeList,
  installments: Installments,
  firstDueDays: Days,
  intervalDays: Days,
  surchargeBp: Bp,
  minInstallmentCents: Cents,
  active: Type.Boolean(),
});
export type PaymentCondition = Static<typeof PaymentCondition>;

/** What a payment condition's body sets, as on create. */
const paymentConditionFields = {
  name: Name,
  paymentTypeCodes: Type.Array(Code, { minItems: 1, maxItems: 100, uniqueItems: true }),
  installments: Installments,
  firstDueDays: Type.Optional(Days),
  intervalDays: Type.Optional(Days),
  surchargeBp: Type.Optional(Bp),
  minInstallmentCents: Type.Optional(Cents),
  active: Type.Optional(Type.Boolean()),
};

export const PaymentConditionCreate = Strict({ code: Code, ...paymentConditionFields });
export type PaymentConditionCreate = Static<typeof PaymentConditionCreate>;

export const PaymentConditionUpdate = StrictPartial(paymentConditionFields);
export type PaymentConditionUpdate = Static<typeof PaymentConditionUpdate>;

export const financialReasonKinds = ['withdrawal', 'supply', 'expense'] as const;
export const FinancialReasonKind = Type.Enum(financialReasonKinds);
export type FinancialReasonKind = (typeof financialReasonKinds)[number];

export const FinancialReason = Type.Object({
  id: Id,
  code: Code,
  name: Name,
  kind: FinancialReasonKind,
  requiresNote: Type.Boolean(),
  active: Type.Boolean(),
});
export type FinancialReason = Static<typeof FinancialReason>;

/** What a financial reason's body sets, as on create. */
const financialReasonFields = {
  name: Name,
  kind: FinancialReasonKind,
  requiresNote: Type.Optional(Type.Boolean()),
  active: Type.Optional(Type.Boolean()),
};

export const FinancialReasonCreate = Strict({ code: Code, ...financialReasonFields });
export type FinancialReasonCreate = Static<typeof FinancialReasonCreate>;

export const FinancialReasonUpdate = StrictPartial(financialReasonFields);
export type FinancialReasonUpdate = Static<typeof FinancialReasonUpdate>;

/** `GET /financial-reasons`: the common list query, plus one kind. */
export const FinancialReasonListQuery = Strict({
  ...ListQuery.properties,
  kind: Type.Optional(FinancialReasonKind),
});
export type FinancialReasonListQuery = Static<typeof FinancialReasonListQuery>;
