import { assertNonNegativeInteger, formatCents } from '../money';
import { scheduleInstallments } from './installments';
import type { Installment, PaymentConditionRule, PaymentRefusal, PaymentTypeRule } from './types';

/** One payment as the cashier entered it: `amountCents` is what was handed over (tendered). */
export interface PaymentTender {
  paymentTypeCode: string;
  conditionCode?: string | undefined;
  amountCents: number;
  voucherCode?: string | undefined;
}

/** A lookup by code: a plain object (JSON-friendly) or a Map. */
export type ByCode<T> = Readonly<Record<string, T>> | ReadonlyMap<string, T>;

/** Everything settlement needs; shared by the station's checkout and the server's re-check. */
export interface SettleInput {
  /** The sale total from `priceCart`. */
  totalCents: number;
  /** In the order the cashier entered them; the result keeps it. */
  payments: readonly PaymentTender[];
  paymentTypes: ByCode<PaymentTypeRule>;
  conditions: ByCode<PaymentConditionRule>;
  /** The station group's `paymentTypeCodes`; empty = every type. */
  allowedPaymentTypeCodes: readonly string[];
  /** The sale's calendar day in the store, `YYYY-MM-DD`. */
  saleDate: string;
}

/**
 * A settled payment, as the `sale.completed` payload carries it. `amountCents` is the part of the
 * sale total it covers (SPEC §5.1): what was tendered minus the change it gave.
 */
export interface SettledPayment {
  paymentTypeCode: string;
  conditionCode?: string;
  voucherCode?: string;
  amountCents: number;
  /** What was handed over; present only when it differs from `amountCents` (change was given). */
  tenderedCents?: number;
  /** The condition's surcharge on `amountCents`, on top of the sale total. */
  surchargeCents?: number;
  changeCents?: number;
  installments?: Installment[];
}

/**
 * Accepted payments: covered amounts add up exactly to the sale total, and
 * `paidCents = totalCents + changeCents`.
 */
export interface Settlement {
  ok: true;
  paidCents: number;
  changeCents: number;
  /** Σ of the payments' surcharges: financial income, not part of the sale total. */
  surchargeCents: number;
  payments: SettledPayment[];
}

/**
 * Checks a sale's payments and works out change, surcharges and installments (SPEC §5.1, §6,
 * §12.4). The first problem found is returned as a value, checking in this order:
 *
 *   1. each payment, in order: type registered (`unknown_payment_type`), allowed for the group
 *      (`payment_type_not_allowed`), condition registered, offered for that type, and with more
 *      than one installment only on a type that takes installments (`condition_not_allowed`);
 *   2. the tendered amounts cover the total (`payments_insufficient`);
 *   3. any excess is change, which only types that give change may return, up to what they were
 *      paid (`change_not_allowed`); change comes from the last such payment first;
 *   4. each condition's schedule on the amount the payment covers (`condition_not_allowed` below
 *      the minimum installment).
 *
 * The server re-checks an uploaded sale by passing each payload payment's
 * `amountCents + (changeCents ?? 0)` as the tendered amount. Throws a RangeError on a negative or
 * fractional amount, or a `saleDate` that is not a real day.
 */
export function settlePayments(input: SettleInput): Settlement | PaymentRefusal {
  assertNonNegativeInteger(input.totalCents, 'totalCents');
  for (const p of input.payments) assertNonNegativeInteger(p.amountCents, `${p.paymentTypeCode} amountCents`);

  const checks: CheckedPayment[] = [];
  for (const payment of input.payments) {
    const checked = checkPayment(payment, input);
    if (!checked.ok) return checked;
    checks.push(checked);
  }

  const paidCents = input.payments.reduce((a, p) => a + p.amountCents, 0);
  if (paidCents < input.totalCents) {
    return {
      ok: false,
      code: 'payments_insufficient',
      detail:
        `The payments add up to ${formatCents(paidCents)}, ${formatCents(input.totalCents - paidCents)} ` +
        `short of the total of ${formatCents(input.totalCents)}; add a payment or raise an amount.`,
    };
  }

  const changeCents = paidCents - input.totalCents;
  const changeGiving = input.payments.reduce(
    (a, p, i) => a + (checks[i]?.type.givesChange ? p.amountCents : 0),
    0,
  );
  if (changeCents > changeGiving) {
    return {
      ok: false,
      code: 'change_not_allowed',
      detail:
        `The payments exceed the total by ${formatCents(changeCents)}, but ` +
        (changeGiving === 0
          ? 'none of them is of a type that gives change; lower the amounts to the total.'
          : `only ${formatCents(changeGiving)} was paid in types that give change (such as cash); ` +
            'lower the other payments.'),
    };
  }

  const changeFrom = new Array<number>(input.payments.length).fill(0);
  let changeLeft = changeCents;
  for (let i = input.payments.length - 1; i >= 0 && changeLeft > 0; i -= 1) {
    if (!checks[i]?.type.givesChange) continue;
    const taken = Math.min(changeLeft, input.payments[i]?.amountCents ?? 0);
    changeFrom[i] = taken;
    changeLeft -= taken;
  }

  const settled: SettledPayment[] = [];
  let surchargeCents = 0;
  for (const [i, payment] of input.payments.entries()) {
    const change = changeFrom[i] ?? 0;
    const out: SettledPayment = {
      paymentTypeCode: payment.paymentTypeCode,
      amountCents: payment.amountCents - change,
    };
    if (payment.conditionCode !== undefined) out.conditionCode = payment.conditionCode;
    if (payment.voucherCode !== undefined) out.voucherCode = payment.voucherCode;
    if (change > 0) {
      out.tenderedCents = payment.amountCents;
      out.changeCents = change;
    }
    const condition = checks[i]?.condition;
    if (condition !== undefined) {
      const schedule = scheduleInstallments({
        amountCents: out.amountCents,
        condition,
        saleDate: input.saleDate,
      });
      if (!schedule.ok) return schedule;
      out.surchargeCents = schedule.surchargeCents;
      out.installments = schedule.installments;
      surchargeCents += schedule.surchargeCents;
    }
    settled.push(out);
  }
  return { ok: true, paidCents, changeCents, surchargeCents, payments: settled };
}

interface CheckedPayment {
  ok: true;
  type: PaymentTypeRule;
  condition?: PaymentConditionRule;
}

function checkPayment(payment: PaymentTender, input: SettleInput): CheckedPayment | PaymentRefusal {
  const code = payment.paymentTypeCode;
  const type = lookup(input.paymentTypes, code);
  if (type === undefined) {
    return {
      ok: false,
      code: 'unknown_payment_type',
      detail: `Payment type ${code} is not registered; choose another payment type.`,
    };
  }
  if (input.allowedPaymentTypeCodes.length > 0 && !input.allowedPaymentTypeCodes.includes(code)) {
    return {
      ok: false,
      code: 'payment_type_not_allowed',
      detail: `Payment type ${code} is not accepted at this register; choose another payment type.`,
    };
  }
  if (payment.conditionCode === undefined) return { ok: true, type };
  const conditionCode = payment.conditionCode;
  const condition = lookup(input.conditions, conditionCode);
  if (condition === undefined) {
    return {
      ok: false,
      code: 'condition_not_allowed',
      detail: `Payment condition ${conditionCode} is not registered; choose another condition.`,
    };
  }
  if (!condition.paymentTypeCodes.includes(code)) {
    return {
      ok: false,
      code: 'condition_not_allowed',
      detail: `Condition ${conditionCode} cannot be used with payment type ${code}; choose a condition offered for it.`,
    };
  }
  if (condition.installments > 1 && !type.allowsInstallments) {
    return {
      ok: false,
      code: 'condition_not_allowed',
      detail:
        `Payment type ${code} does not take installments, and condition ${conditionCode} has ` +
        `${condition.installments}; choose a single-payment condition.`,
    };
  }
  return { ok: true, type, condition };
}

function lookup<T>(table: ByCode<T>, code: string): T | undefined {
  if (table instanceof Map) return (table as ReadonlyMap<string, T>).get(code);
  const record = table as Readonly<Record<string, T>>;
  return Object.hasOwn(record, code) ? record[code] : undefined;
}
