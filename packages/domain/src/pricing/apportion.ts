/** One recipient of an apportioned amount: `key` orders ties, `weight` ≥ 0 sets the share. */
export interface ApportionWeight {
  key: number;
  weight: number;
}

/**
 * Splits `totalCents` over `weights` in proportion, by the largest-remainder method:
 *
 *   exact share  = total × weight / Σweight         e.g. 100 over weights 1,1,1
 *   each gets      floor(exact share)                 →  33, 33, 33   (1 cent left)
 *   left cents go  one each, largest remainder first →  34, 33, 33   (tie: lower key first)
 *
 * The shares are integers that add up exactly to `totalCents`, and none exceeds its weight when
 * `totalCents ≤ Σweight`. Arithmetic is in BigInt, so large amounts stay exact. The result lines
 * up with `weights`; it does not depend on their order. Throws a RangeError on a negative or
 * fractional input, or a positive total over zero weight.
 */
export function apportionCents(totalCents: number, weights: readonly ApportionWeight[]): number[] {
  if (!Number.isSafeInteger(totalCents) || totalCents < 0) {
    throw new RangeError(`cannot apportion ${String(totalCents)} cents`);
  }
  let sum = 0n;
  for (const { weight } of weights) {
    if (!Number.isSafeInteger(weight) || weight < 0) throw new RangeError(`invalid weight ${String(weight)}`);
    sum += BigInt(weight);
  }
  if (totalCents === 0) return weights.map(() => 0);
  if (sum === 0n) throw new RangeError('cannot apportion a positive amount over zero weight');

  const total = BigInt(totalCents);
  const shares = weights.map(({ weight }) => (total * BigInt(weight)) / sum);
  const remainders = weights.map(({ weight }) => (total * BigInt(weight)) % sum);
  let left = total - shares.reduce((a, b) => a + b, 0n);
  const order = weights
    .map((_, i) => i)
    .sort((a, b) => {
      const ra = remainders[a] ?? 0n;
      const rb = remainders[b] ?? 0n;
      if (ra !== rb) return ra > rb ? -1 : 1;
      return (weights[a]?.key ?? 0) - (weights[b]?.key ?? 0);
    });
  for (const i of order) {
    if (left === 0n) break;
    shares[i] = (shares[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return shares.map(Number);
}
