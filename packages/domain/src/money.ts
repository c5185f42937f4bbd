/**
 * Money helpers (SPEC §3 conventions): amounts are integer cents, rates are basis points
 * (10000 = 100 %). Nothing here ever holds a fractional cent.
 */

const BP_DENOMINATOR = 10_000;
const HALF = 5_000;

/**
 * `bp` basis points of `amountCents`, rounded half up to the cent: floor((a × bp + 5000) / 10000).
 * Both arguments must be non-negative safe integers; the result is exact for any such pair (it
 * switches to BigInt when the product would not fit in 2^53), and never exceeds `amountCents`
 * when `bp` ≤ 10000. Throws a RangeError on anything else.
 */
export function percentOfCents(amountCents: number, bp: number): number {
  assertNonNegativeInteger(amountCents, 'amountCents');
  assertNonNegativeInteger(bp, 'bp');
  const product = amountCents * bp;
  if (Number.isSafeInteger(product + HALF)) return Math.floor((product + HALF) / BP_DENOMINATOR);
  return Number((BigInt(amountCents) * BigInt(bp) + BigInt(HALF)) / BigInt(BP_DENOMINATOR));
}

/**
 * Shows cents the way a cashier reads them in an English message: `R$ 1,234.56`, `-R$ 0.05`.
 * Only for human-readable details; the UI formats amounts itself from the numbers.
 */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  const units = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = (abs % 100).toString().padStart(2, '0');
  return `${sign}R$ ${units}.${fraction}`;
}

/** Throws a RangeError unless `value` is a safe integer ≥ 0; `name` goes into the message. */
export function assertNonNegativeInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number ≥ 0, got ${String(value)}`);
  }
}
