import { describe, expect, it } from 'vitest';
import { validatePromotion, type PromotionDraft } from './validate-promotion';

const paths = (p: PromotionDraft) => validatePromotion(p).map((e) => e.path);

describe('validatePromotion', () => {
  it('accepts each kind with its own parameter', () => {
    expect(validatePromotion({ kind: 'percent_off', percentBp: 1000 })).toEqual([]);
    expect(validatePromotion({ kind: 'fixed_price', priceCents: 0 })).toEqual([]);
    expect(validatePromotion({ kind: 'buy_x_pay_y', buyQuantity: 3, payQuantity: 2 })).toEqual([]);
    expect(
      validatePromotion({
        kind: 'progressive',
        tiers: [
          { minQuantity: 2, percentBp: 500 },
          { minQuantity: 5, percentBp: 1000 },
        ],
        startsAt: '2026-12-01T00:00',
        endsAt: '2026-12-26T00:00',
      }),
    ).toEqual([]);
  });

  it('refuses a price below zero and a percentage over 100 %', () => {
    expect(validatePromotion({ kind: 'fixed_price', priceCents: -1 })).toEqual([
      { path: 'priceCents', message: 'The price cannot be below zero.' },
    ]);
    expect(validatePromotion({ kind: 'percent_off', percentBp: 10_001 })).toEqual([
      { path: 'percentBp', message: 'The percentage cannot be more than 100% (10000 basis points).' },
    ]);
    expect(paths({ kind: 'progressive', tiers: [{ minQuantity: 2, percentBp: 12_000 }] })).toEqual([
      'tiers[0].percentBp',
    ]);
  });

  it('refuses paying for as many units as are taken', () => {
    expect(validatePromotion({ kind: 'buy_x_pay_y', buyQuantity: 3, payQuantity: 3 })).toEqual([
      {
        path: 'payQuantity',
        message:
          'The customer must pay for fewer units than they take: payQuantity (3) must be less than buyQuantity (3).',
      },
    ]);
  });

  it('names the tier that does not go up', () => {
    const problems = validatePromotion({
      kind: 'progressive',
      tiers: [
        { minQuantity: 2, percentBp: 500 },
        { minQuantity: 5, percentBp: 1000 },
        { minQuantity: 5, percentBp: 1500 },
      ],
    });
    expect(problems).toEqual([
      {
        path: 'tiers[2].minQuantity',
        message: 'Tiers must go up: this tier starts at 5 units, but the tier before it starts at 5.',
      },
    ]);
    expect(paths({ kind: 'progressive', tiers: [] })).toEqual(['tiers']);
  });

  it('refuses a kind without its parameter, and parameters of another kind', () => {
    expect(paths({ kind: 'percent_off' })).toEqual(['percentBp']);
    expect(paths({ kind: 'buy_x_pay_y', buyQuantity: 3 })).toEqual(['payQuantity']);
    expect(paths({ kind: 'percent_off', percentBp: 1000, priceCents: 500, tiers: null })).toEqual([
      'priceCents',
    ]);
    expect(validatePromotion({ kind: 'fixed_price', priceCents: 900, percentBp: 1000 })[0]?.message).toBe(
      'A fixed-price promotion does not use percentBp; remove it.',
    );
    expect(paths({ kind: 'two_for_one' })).toEqual(['kind']);
  });

  it('refuses an end that is not after the start', () => {
    expect(
      paths({ kind: 'percent_off', percentBp: 1, startsAt: '2026-12-01T00:00', endsAt: '2026-12-01T00:00' }),
    ).toEqual(['endsAt']);
    // Two instants: 23:00−03:00 is 02:00Z, the same moment as the start.
    expect(
      paths({
        kind: 'percent_off',
        percentBp: 1,
        startsAt: '2026-12-01T02:00Z',
        endsAt: '2026-11-30T23:00-03:00',
      }),
    ).toEqual(['endsAt']);
  });

  it('compares a store time against an instant by reading both in UTC', () => {
    // 2026-12-01T01:00 (store time, read as 01:00Z) vs 2026-11-30T23:00-03:00 (= 02:00Z): valid.
    expect(
      paths({
        kind: 'percent_off',
        percentBp: 1,
        startsAt: '2026-12-01T01:00',
        endsAt: '2026-11-30T23:00-03:00',
      }),
    ).toEqual([]);
    // 2026-12-01T03:00 (read as 03:00Z) vs 2026-12-01T00:00-03:00 (= 03:00Z): not after.
    expect(
      paths({
        kind: 'percent_off',
        percentBp: 1,
        startsAt: '2026-12-01T03:00',
        endsAt: '2026-12-01T00:00-03:00',
      }),
    ).toEqual(['endsAt']);
  });

  it('refuses an unreadable time and a fractional priority', () => {
    expect(paths({ kind: 'percent_off', percentBp: 1, startsAt: '2026-02-30T00:00', priority: 1.5 })).toEqual(
      ['priority', 'startsAt'],
    );
  });
});
