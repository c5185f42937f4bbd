import type { SelectOption } from '../forms/form-model';

/** Choices of the contracts' enumerations, each with its label in the dictionary. */
export const paymentKindOptions: readonly SelectOption[] = [
  { value: 'cash', label: 'option.paymentKind.cash' },
  { value: 'credit_card', label: 'option.paymentKind.credit_card' },
  { value: 'debit_card', label: 'option.paymentKind.debit_card' },
  { value: 'pix', label: 'option.paymentKind.pix' },
  { value: 'voucher', label: 'option.paymentKind.voucher' },
  { value: 'store_credit', label: 'option.paymentKind.store_credit' },
  { value: 'check', label: 'option.paymentKind.check' },
  { value: 'other', label: 'option.paymentKind.other' },
];

export const financialReasonKindOptions: readonly SelectOption[] = [
  { value: 'withdrawal', label: 'option.reasonKind.withdrawal' },
  { value: 'supply', label: 'option.reasonKind.supply' },
  { value: 'expense', label: 'option.reasonKind.expense' },
];

export const operatorRoleOptions: readonly SelectOption[] = [
  { value: 'cashier', label: 'option.operatorRole.cashier' },
  { value: 'supervisor', label: 'option.operatorRole.supervisor' },
];

export const promotionKindOptions: readonly SelectOption[] = [
  { value: 'percent_off', label: 'option.promotionKind.percent_off' },
  { value: 'fixed_price', label: 'option.promotionKind.fixed_price' },
  { value: 'buy_x_pay_y', label: 'option.promotionKind.buy_x_pay_y' },
  { value: 'progressive', label: 'option.promotionKind.progressive' },
];

export const userRoleOptions: readonly SelectOption[] = [
  { value: 'admin', label: 'option.userRole.admin' },
  { value: 'operator', label: 'option.userRole.operator' },
  { value: 'auditor', label: 'option.userRole.auditor' },
];

export const logLevelOptions: readonly SelectOption[] = [
  { value: 'errors', label: 'option.logLevel.errors' },
  { value: 'all', label: 'option.logLevel.all' },
];
