import { percentOfCents } from '../money';

/**
 * The cashier's manual discount on a line: `manualDiscountBp` of what is left of the line after
 * its promotions, half up to the cent. Never more than `remainingCents`, never negative.
 * Throws a RangeError when `manualDiscountBp` is not a whole number from 0 to 10000.
 */
export function manualDiscountCents(remainingCents: number, manualDiscountBp: number): number {
  if (!Number.isSafeInteger(manualDiscountBp) || manualDiscountBp < 0 || manualDiscountBp > 10_000) {
    throw new RangeError(
      `manualDiscountBp must be a whole number from 0 to 10000, got ${String(manualDiscountBp)}`,
    );
  }
  return percentOfCents(remainingCents, manualDiscountBp);
}

/**
 * True when a manual discount of `manualDiscountBp` needs a supervisor's code and PIN: it is above
 * the station group's `maxCashierDiscountBp`. A discount exactly at the maximum does not; a
 * discount of 0 never does.
 */
export function requiresSupervisor(manualDiscountBp: number, maxCashierDiscountBp: number): boolean {
  return manualDiscountBp > maxCashierDiscountBp;
}
