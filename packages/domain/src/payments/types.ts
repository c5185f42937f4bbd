/**
 * Payment shapes the domain reads. `domain` imports nothing of ours, so these restate the parts of
 * the contracts' PaymentType and PaymentCondition it needs, with the same field names.
 */

/** SPEC §3 payment type kinds. */
export type PaymentKindName =
  'cash' | 'credit_card' | 'debit_card' | 'pix' | 'voucher' | 'store_credit' | 'check' | 'other';

/** What settlement needs to know about a payment type. */
export interface PaymentTypeRule {
  kind: PaymentKindName;
  givesChange: boolean;
  allowsInstallments: boolean;
}

/** A payment condition's terms (SPEC §5.1). `installments` ≥ 1; the rest are whole numbers ≥ 0. */
export interface InstallmentTerms {
  code: string;
  installments: number;
  firstDueDays: number;
  intervalDays: number;
  surchargeBp: number;
  minInstallmentCents: number;
}

/** A payment condition as settlement reads it: its terms and the payment types that may use it. */
export interface PaymentConditionRule extends InstallmentTerms {
  paymentTypeCodes: readonly string[];
}

/** One installment: `n` from 1, its due date, its amount. */
export interface Installment {
  n: number;
  /** `YYYY-MM-DD`. */
  dueDate: string;
  amountCents: number;
}

/**
 * Business refusal codes of payment settlement. The first four are the station's local refusals
 * (SPEC §12.4); `payment_type_not_allowed` and `unknown_payment_type` are also quarantine codes
 * (§12.2) and are refused at the station with the same words.
 */
export const paymentRefusalCodes = [
  'payments_insufficient',
  'change_not_allowed',
  'condition_not_allowed',
  'payment_type_not_allowed',
  'unknown_payment_type',
] as const;
/** One of `paymentRefusalCodes`. */
export type PaymentRefusalCode = (typeof paymentRefusalCodes)[number];

/** A refusal as a value: a stable `code` for the UI to translate, and a `detail` in plain English. */
export interface PaymentRefusal<C extends PaymentRefusalCode = PaymentRefusalCode> {
  ok: false;
  code: C;
  detail: string;
}
