import { addDays } from '../calendar';
import { assertNonNegativeInteger, formatCents, percentOfCents } from '../money';
import type { Installment, InstallmentTerms, PaymentRefusal } from './types';

/** What `scheduleInstallments` needs: the amount the payment covers, its condition, the sale day. */
export interface ScheduleInput {
  amountCents: number;
  condition: InstallmentTerms;
  /** The sale's calendar day in the store, `YYYY-MM-DD`. */
  saleDate: string;
}

/** An accepted schedule. Installments add up exactly to `totalCents = amountCents + surchargeCents`. */
export interface InstallmentSchedule {
  ok: true;
  surchargeCents: number;
  totalCents: number;
  installments: Installment[];
}

/**
 * Splits a payment into its condition's installments (SPEC §5.1):
 *
 *   surcharge   = amount × surchargeBp / 10000, half up        100.00 at 2.99 % → 2.99
 *   each        = floor((amount + surcharge) / installments)   102.99 / 3       → 34.33
 *   first       = each + what is left over                     34.33 + 0.00     → 34.33
 *   due date n  = saleDate + firstDueDays + (n − 1) × intervalDays
 *
 * The surcharge is financial income, not part of the sale total. Refuses with
 * `condition_not_allowed` (a value, not a throw) when an installment would be below the
 * condition's `minInstallmentCents`. Throws a RangeError on a negative or fractional amount, on
 * terms that are not whole numbers (or fewer than 1 installment), or on a `saleDate` that is not a
 * real `YYYY-MM-DD` day.
 */
export function scheduleInstallments(
  input: ScheduleInput,
): InstallmentSchedule | PaymentRefusal<'condition_not_allowed'> {
  const { amountCents, condition, saleDate } = input;
  assertNonNegativeInteger(amountCents, 'amountCents');
  assertNonNegativeInteger(condition.firstDueDays, 'firstDueDays');
  assertNonNegativeInteger(condition.intervalDays, 'intervalDays');
  assertNonNegativeInteger(condition.minInstallmentCents, 'minInstallmentCents');
  if (!Number.isSafeInteger(condition.installments) || condition.installments < 1) {
    throw new RangeError(`installments must be a whole number ≥ 1, got ${condition.installments}`);
  }
  if (addDays(saleDate, 0) === null)
    throw new RangeError(`saleDate must be a YYYY-MM-DD day, got ${saleDate}`);

  const surchargeCents = percentOfCents(amountCents, condition.surchargeBp);
  const totalCents = amountCents + surchargeCents;
  const count = condition.installments;
  const each = Math.floor(totalCents / count);
  const first = totalCents - each * (count - 1);
  if (each < condition.minInstallmentCents) {
    return {
      ok: false,
      code: 'condition_not_allowed',
      detail:
        `In ${count} installments each would be ${formatCents(each)}, below the minimum of ` +
        `${formatCents(condition.minInstallmentCents)} for condition ${condition.code}; ` +
        'choose fewer installments or another condition.',
    };
  }
  const installments: Installment[] = [];
  for (let n = 1; n <= count; n += 1) {
    installments.push({
      n,
      dueDate: addDays(saleDate, condition.firstDueDays + (n - 1) * condition.intervalDays) ?? saleDate,
      amountCents: n === 1 ? first : each,
    });
  }
  return { ok: true, surchargeCents, totalCents, installments };
}
