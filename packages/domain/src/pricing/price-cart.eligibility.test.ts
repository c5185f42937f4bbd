import { describe, expect, it } from 'vitest';
import { priceCart } from './price-cart';
import { context, line, promo } from './test-fixtures';

// Which promotions apply at all: payment restrictions, validity in the store timezone, broken input.

describe('payment restrictions', () => {
  const input = {
    ...context,
    lines: [line(1, 'A', 1, 10000)],
    promotions: [promo('PIX5', { kind: 'percent_off', percentBp: 500, paymentTypeCodes: ['pix'] })],
  };
  it.each([
    ['applies when the sale is paid with that type', ['pix'], 500],
    ['applies when every payment is of that type', ['pix', 'pix'], 500],
    ['does not apply with another type', ['credit'], 0],
    ['does not apply to a mixed payment', ['pix', 'cash'], 0],
    ['does not apply when no payment is named', [], 0],
  ])('a promotion restricted to PIX %s', (_, paymentTypeCodes, discountCents) => {
    expect(priceCart({ ...input, paymentTypeCodes }).discountCents).toBe(discountCents);
  });
});

describe('validity in the store timezone', () => {
  const lines = [line(1, 'A', 1, 10000)];
  const wallClock = promo('DEC', { kind: 'percent_off', percentBp: 1000, startsAt: '2026-12-01T00:00' });
  const instant = promo('DEC', { kind: 'percent_off', percentBp: 1000, startsAt: '2026-12-01T00:00-03:00' });
  const at = '2026-12-01T03:30:00Z'; // 00:30 in São Paulo (UTC−3), 23:30 the day before in Manaus (UTC−4)

  it.each([
    ['a wall-clock start has begun at 00:30 in São Paulo', wallClock, 'America/Sao_Paulo', at, 1000],
    ['a wall-clock start has not begun at 23:30 in Manaus', wallClock, 'America/Manaus', at, 0],
    [
      'a wall-clock start begins at local midnight in Manaus',
      wallClock,
      'America/Manaus',
      '2026-12-01T04:00:00Z',
      1000,
    ],
    ['an instant start has begun in São Paulo', instant, 'America/Sao_Paulo', at, 1000],
    ['an instant start has begun in Manaus at the same moment', instant, 'America/Manaus', at, 1000],
    [
      'an instant start has not begun a minute before, anywhere',
      instant,
      'America/Manaus',
      '2026-12-01T02:59:00Z',
      0,
    ],
  ])('%s', (_, promotion, timezone, when, discountCents) => {
    expect(priceCart({ ...context, lines, promotions: [promotion], timezone, at: when }).discountCents).toBe(
      discountCents,
    );
  });

  it('ends a promotion at its endsAt, read in store time: on at 11:59:59, off at 12:00', () => {
    const ending = promo('ENDING', { kind: 'percent_off', percentBp: 1000, endsAt: '2026-12-10T12:00' });
    const price = (when: string) =>
      priceCart({ ...context, lines, promotions: [ending], at: when }).discountCents;
    expect(price('2026-12-10T14:59:59Z')).toBe(1000);
    expect(price('2026-12-10T15:00:00Z')).toBe(0);
  });

  it('reads a start that daylight saving skipped as the end of the gap (São Paulo, 4 Nov 2018)', () => {
    // Clocks jumped from 00:00 to 01:00; "00:00" first exists as 01:00 −02:00 = 03:00Z.
    const dst = promo('DST', { kind: 'percent_off', percentBp: 1000, startsAt: '2018-11-04T00:00' });
    const price = (when: string) =>
      priceCart({ ...context, lines, promotions: [dst], at: when }).discountCents;
    expect(price('2018-11-04T02:59:59Z')).toBe(0);
    expect(price('2018-11-04T03:00:00Z')).toBe(1000);
  });
});

describe('refusals of broken input', () => {
  it('throws on a duplicate lineNo, a zero quantity, and an instant without an offset', () => {
    expect(() =>
      priceCart({ ...context, lines: [line(1, 'A', 1, 1), line(1, 'B', 1, 1)], promotions: [] }),
    ).toThrow(RangeError);
    expect(() => priceCart({ ...context, lines: [line(1, 'A', 0, 1)], promotions: [] })).toThrow(RangeError);
    expect(() => priceCart({ ...context, at: '2026-12-10T12:00', lines: [], promotions: [] })).toThrow(
      RangeError,
    );
    expect(() => priceCart({ ...context, timezone: 'Mars/Olympus', lines: [], promotions: [] })).toThrow(
      RangeError,
    );
  });

  it('ignores a promotion whose parameters the back office would refuse', () => {
    const bad = promo('BAD', { kind: 'buy_x_pay_y', buyQuantity: 2, payQuantity: 2 });
    expect(priceCart({ ...context, lines: [line(1, 'A', 4, 1000)], promotions: [bad] }).discountCents).toBe(
      0,
    );
  });
});
