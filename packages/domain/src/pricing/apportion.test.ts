import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportionCents } from './apportion';
import { permute } from './test-arbitraries';

describe('apportionCents', () => {
  it('gives left-over cents to the largest remainders, ties to the lower key', () => {
    expect(
      apportionCents(
        100,
        [1, 2, 3].map((key) => ({ key, weight: 1 })),
      ),
    ).toEqual([34, 33, 33]);
    expect(
      apportionCents(2000, [
        { key: 2, weight: 3000 },
        { key: 3, weight: 4000 },
      ]),
    ).toEqual([857, 1143]);
    expect(apportionCents(0, [])).toEqual([]);
  });

  it('refuses a positive amount over zero weight', () => {
    expect(() => apportionCents(1, [{ key: 1, weight: 0 }])).toThrow(RangeError);
  });

  const weightsArb = fc
    .uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 20 })
    .chain((keys) =>
      fc.tuple(
        ...keys.map((key) => fc.integer({ min: 0, max: 10_000_000 }).map((weight) => ({ key, weight }))),
      ),
    )
    .filter((ws) => ws.some((w) => w.weight > 0));

  it('adds up exactly, keeps every share within its weight, and ignores input order', () => {
    fc.assert(
      fc.property(
        weightsArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.integer()),
        (weights, f, keys) => {
          const total = Math.floor(f * weights.reduce((a, w) => a + w.weight, 0));
          const shares = apportionCents(total, weights);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
          shares.forEach((s, i) => {
            expect(s).toBeGreaterThanOrEqual(0);
            expect(s).toBeLessThanOrEqual(weights[i]?.weight ?? 0);
          });
          const shuffled = permute(weights, keys);
          const again = apportionCents(total, shuffled);
          const byKey = new Map(shuffled.map((w, i) => [w.key, again[i]]));
          expect(weights.map((w) => byKey.get(w.key))).toEqual(shares);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
