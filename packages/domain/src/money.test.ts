import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCents, percentOfCents } from './money';

describe('percentOfCents', () => {
  it.each([
    [10000, 299, 299],
    [3333, 1000, 333], // 333.3 → down
    [3995, 1000, 400], // 399.5 → half up
    [1, 5000, 1], // 0.5 → 1
    [1, 4999, 0],
    [0, 10000, 0],
    [100_000_000_000, 10000, 100_000_000_000],
    [99_999_999_999, 9999, 99_989_999_999], // product past 2^53: exact through BigInt
  ])('%i cents at %i bp is %i', (amount, bp, expected) => {
    expect(percentOfCents(amount, bp)).toBe(expected);
  });

  it('refuses negative or fractional inputs', () => {
    expect(() => percentOfCents(-1, 100)).toThrow(RangeError);
    expect(() => percentOfCents(10, 1.5)).toThrow(RangeError);
  });

  it('agrees with exact rational rounding and never exceeds the amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (a, bp) => {
          const exact = (BigInt(a) * BigInt(bp) * 2n + 10_000n) / 20_000n;
          expect(percentOfCents(a, bp)).toBe(Number(exact));
          expect(percentOfCents(a, bp)).toBeLessThanOrEqual(a);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('formatCents', () => {
  it.each([
    [0, 'R$ 0.00'],
    [5, 'R$ 0.05'],
    [123456, 'R$ 1,234.56'],
    [-299, '-R$ 2.99'],
  ])('%i reads %s', (cents, text) => {
    expect(formatCents(cents)).toBe(text);
  });
});
