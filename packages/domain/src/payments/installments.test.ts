import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scheduleInstallments } from './installments';
import type { InstallmentTerms } from './types';

const card3: InstallmentTerms = {
  code: 'CARD3',
  installments: 3,
  firstDueDays: 30,
  intervalDays: 30,
  surchargeBp: 299,
  minInstallmentCents: 0,
};

describe('scheduleInstallments worked examples', () => {
  it('R$ 100.00 in 3 at 2.99 %: surcharge R$ 2.99, three of R$ 34.33', () => {
    expect(scheduleInstallments({ amountCents: 10000, condition: card3, saleDate: '2026-01-31' })).toEqual({
      ok: true,
      surchargeCents: 299,
      totalCents: 10299,
      installments: [
        { n: 1, dueDate: '2026-03-02', amountCents: 3433 },
        { n: 2, dueDate: '2026-04-01', amountCents: 3433 },
        { n: 3, dueDate: '2026-05-01', amountCents: 3433 },
      ],
    });
  });

  it('R$ 100.00 in 3 without surcharge: the left-over cent goes to the first installment', () => {
    const schedule = scheduleInstallments({
      amountCents: 10000,
      condition: { ...card3, surchargeBp: 0 },
      saleDate: '2026-01-31',
    });
    expect(schedule.ok && schedule.installments.map((i) => i.amountCents)).toEqual([3334, 3333, 3333]);
  });

  it('R$ 101.99 in 3 at 1.99 %: two left-over cents, both on the first installment', () => {
    // 1.99 % of 101.99 = 2.0296 → 2.03; 104.02 / 3 = 34.6733 → 34.67, and 34.68 first.
    const schedule = scheduleInstallments({
      amountCents: 10199,
      condition: { ...card3, surchargeBp: 199 },
      saleDate: '2026-01-31',
    });
    expect(schedule).toMatchObject({ ok: true, surchargeCents: 203, totalCents: 10402 });
    expect(schedule.ok && schedule.installments.map((i) => i.amountCents)).toEqual([3468, 3467, 3467]);
  });

  it('rounds the surcharge half up', () => {
    const schedule = scheduleInstallments({
      amountCents: 1000,
      condition: { ...card3, installments: 1, surchargeBp: 5 },
      saleDate: '2026-01-31',
    });
    expect(schedule).toMatchObject({ ok: true, surchargeCents: 1 }); // 0.5 cent → 1
  });

  it('counts due dates on the calendar, leap days included, and allows a due date on the sale day', () => {
    const schedule = scheduleInstallments({
      amountCents: 3000,
      condition: { ...card3, firstDueDays: 0, intervalDays: 1 },
      saleDate: '2028-02-28',
    });
    expect(schedule.ok && schedule.installments.map((i) => i.dueDate)).toEqual([
      '2028-02-28',
      '2028-02-29',
      '2028-03-01',
    ]);
  });

  it('refuses, as a value, installments below the condition minimum', () => {
    expect(
      scheduleInstallments({
        amountCents: 10000,
        condition: { ...card3, code: 'CARD12', installments: 12, surchargeBp: 0, minInstallmentCents: 1000 },
        saleDate: '2026-01-31',
      }),
    ).toEqual({
      ok: false,
      code: 'condition_not_allowed',
      detail:
        'In 12 installments each would be R$ 8.33, below the minimum of R$ 10.00 for condition CARD12; ' +
        'choose fewer installments or another condition.',
    });
  });

  it('throws on a sale date that is not a real day', () => {
    expect(() => scheduleInstallments({ amountCents: 1, condition: card3, saleDate: '2026-02-30' })).toThrow(
      RangeError,
    );
  });
});

describe('scheduleInstallments properties', () => {
  const termsArb = fc.record({
    code: fc.constant('C'),
    installments: fc.integer({ min: 1, max: 48 }),
    firstDueDays: fc.integer({ min: 0, max: 365 }),
    intervalDays: fc.integer({ min: 0, max: 365 }),
    surchargeBp: fc.integer({ min: 0, max: 10_000 }),
    minInstallmentCents: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100_000 })),
  });
  const amountArb = fc.oneof(
    fc.integer({ min: 0, max: 100_000 }),
    fc.integer({ min: 0, max: 100_000_000_000 }),
  );

  it('adds installments up to amount + surcharge, with the remainder on the first, or refuses below the minimum', () => {
    fc.assert(
      fc.property(amountArb, termsArb, (amountCents, condition) => {
        const schedule = scheduleInstallments({ amountCents, condition, saleDate: '2026-06-15' });
        const surcharge = Math.floor((amountCents * condition.surchargeBp + 5000) / 10000);
        const total = amountCents + surcharge;
        const each = Math.floor(total / condition.installments);
        if (each < condition.minInstallmentCents) {
          expect(schedule).toMatchObject({ ok: false, code: 'condition_not_allowed' });
          return;
        }
        if (!schedule.ok) throw new Error(schedule.detail);
        expect(schedule.surchargeCents).toBe(surcharge);
        expect(schedule.totalCents).toBe(total);
        expect(schedule.installments).toHaveLength(condition.installments);
        expect(schedule.installments.reduce((a, i) => a + i.amountCents, 0)).toBe(total);
        const [first, ...rest] = schedule.installments;
        expect(first?.amountCents).toBe(each + (total % condition.installments));
        for (const i of rest) expect(i.amountCents).toBe(each);
        schedule.installments.forEach((i, k) => {
          expect(i.n).toBe(k + 1);
          const days = condition.firstDueDays + k * condition.intervalDays;
          expect(i.dueDate).toBe(new Date(Date.UTC(2026, 5, 15 + days)).toISOString().slice(0, 10));
        });
      }),
      { numRuns: 1000 },
    );
  });
});
