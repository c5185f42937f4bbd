import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { settlePayments, type PaymentTender, type SettleInput } from './settle';
import type { PaymentConditionRule, PaymentTypeRule } from './types';

const paymentTypes: Record<string, PaymentTypeRule> = {
  cash: { kind: 'cash', givesChange: true, allowsInstallments: false },
  credit: { kind: 'credit_card', givesChange: false, allowsInstallments: true },
  debit: { kind: 'debit_card', givesChange: false, allowsInstallments: false },
  pix: { kind: 'pix', givesChange: false, allowsInstallments: false },
};

const condition = (code: string, fields: Partial<PaymentConditionRule>): PaymentConditionRule => ({
  code,
  paymentTypeCodes: ['credit'],
  installments: 1,
  firstDueDays: 30,
  intervalDays: 30,
  surchargeBp: 0,
  minInstallmentCents: 0,
  ...fields,
});

const conditions: Record<string, PaymentConditionRule> = {
  NOW: condition('NOW', { paymentTypeCodes: ['cash', 'debit', 'pix', 'credit'], firstDueDays: 0 }),
  CARD3: condition('CARD3', { installments: 3, surchargeBp: 299, minInstallmentCents: 1000 }),
  CARD12: condition('CARD12', { installments: 12, minInstallmentCents: 2000 }),
  DEBIT3: condition('DEBIT3', { installments: 3, paymentTypeCodes: ['debit'] }),
};

function settle(totalCents: number, payments: PaymentTender[], extra: Partial<SettleInput> = {}) {
  return settlePayments({
    totalCents,
    payments,
    paymentTypes,
    conditions,
    allowedPaymentTypeCodes: [],
    saleDate: '2026-12-10',
    ...extra,
  });
}

describe('settlePayments worked examples', () => {
  it('accepts cash for the exact total', () => {
    expect(settle(5000, [{ paymentTypeCode: 'cash', amountCents: 5000 }])).toEqual({
      ok: true,
      paidCents: 5000,
      changeCents: 0,
      surchargeCents: 0,
      payments: [{ paymentTypeCode: 'cash', amountCents: 5000 }],
    });
  });

  it('gives change from cash: the payment covers the total, the rest is change', () => {
    expect(settle(4550, [{ paymentTypeCode: 'cash', amountCents: 5000 }])).toEqual({
      ok: true,
      paidCents: 5000,
      changeCents: 450,
      surchargeCents: 0,
      payments: [{ paymentTypeCode: 'cash', amountCents: 4550, tenderedCents: 5000, changeCents: 450 }],
    });
  });

  it('schedules a 3x card condition with surcharge on top of the total', () => {
    const result = settle(10000, [{ paymentTypeCode: 'credit', conditionCode: 'CARD3', amountCents: 10000 }]);
    expect(result).toMatchObject({ ok: true, changeCents: 0, surchargeCents: 299 });
    expect(result.ok && result.payments[0]?.installments?.map((i) => i.amountCents)).toEqual([
      3433, 3433, 3433,
    ]);
  });

  it('splits card and cash, with change from the cash and installments on the card part', () => {
    const result = settle(10000, [
      { paymentTypeCode: 'credit', conditionCode: 'CARD3', amountCents: 6000 },
      { paymentTypeCode: 'cash', amountCents: 5000 },
    ]);
    // 2.99 % of 60.00 = 1.794 → 1.79; 61.79 / 3 = 20.5966… → 20.59 ×2 and 20.61 first.
    expect(result).toEqual({
      ok: true,
      paidCents: 11000,
      changeCents: 1000,
      surchargeCents: 179,
      payments: [
        {
          paymentTypeCode: 'credit',
          conditionCode: 'CARD3',
          amountCents: 6000,
          surchargeCents: 179,
          installments: [
            { n: 1, dueDate: '2027-01-09', amountCents: 2061 },
            { n: 2, dueDate: '2027-02-08', amountCents: 2059 },
            { n: 3, dueDate: '2027-03-10', amountCents: 2059 },
          ],
        },
        { paymentTypeCode: 'cash', amountCents: 4000, tenderedCents: 5000, changeCents: 1000 },
      ],
    });
  });

  it('refuses payments that do not cover the total', () => {
    expect(settle(10000, [{ paymentTypeCode: 'pix', amountCents: 9000 }])).toEqual({
      ok: false,
      code: 'payments_insufficient',
      detail:
        'The payments add up to R$ 90.00, R$ 10.00 short of the total of R$ 100.00; add a payment or raise an amount.',
    });
  });

  it('refuses change on a card payment', () => {
    expect(settle(10000, [{ paymentTypeCode: 'credit', amountCents: 12000 }])).toEqual({
      ok: false,
      code: 'change_not_allowed',
      detail:
        'The payments exceed the total by R$ 20.00, but none of them is of a type that gives change; lower the amounts to the total.',
    });
  });

  it('refuses change larger than what was paid in cash', () => {
    const result = settle(10000, [
      { paymentTypeCode: 'credit', amountCents: 9500 },
      { paymentTypeCode: 'cash', amountCents: 500 },
      { paymentTypeCode: 'pix', amountCents: 1000 },
    ]);
    expect(result).toMatchObject({ ok: false, code: 'change_not_allowed' });
  });

  it('refuses a payment type the group does not accept, and one that is not registered', () => {
    const payments = [{ paymentTypeCode: 'credit', amountCents: 100 }];
    expect(settle(100, payments, { allowedPaymentTypeCodes: ['cash', 'pix'] })).toEqual({
      ok: false,
      code: 'payment_type_not_allowed',
      detail: 'Payment type credit is not accepted at this register; choose another payment type.',
    });
    expect(settle(100, [{ paymentTypeCode: 'bitcoin', amountCents: 100 }])).toMatchObject({
      code: 'unknown_payment_type',
    });
    expect(settle(100, [{ paymentTypeCode: 'constructor', amountCents: 100 }])).toMatchObject({
      code: 'unknown_payment_type',
    });
  });

  it.each([
    [
      'a condition not offered for the type',
      'cash',
      'CARD3',
      'Condition CARD3 cannot be used with payment type cash',
    ],
    [
      'installments on a type without installments',
      'debit',
      'DEBIT3',
      'Payment type debit does not take installments',
    ],
    ['an unregistered condition', 'credit', 'CARD99', 'Payment condition CARD99 is not registered'],
    [
      'installments below the minimum',
      'credit',
      'CARD12',
      'each would be R$ 8.33, below the minimum of R$ 20.00',
    ],
  ])('refuses %s with condition_not_allowed', (_, paymentTypeCode, conditionCode, words) => {
    const result = settle(10000, [{ paymentTypeCode, conditionCode, amountCents: 10000 }]);
    expect(result).toMatchObject({ ok: false, code: 'condition_not_allowed' });
    expect(!result.ok && result.detail).toContain(words);
  });

  it('reads payment types and conditions from Maps too', () => {
    const result = settle(
      10000,
      [{ paymentTypeCode: 'credit', conditionCode: 'CARD3', amountCents: 10000 }],
      {
        paymentTypes: new Map(Object.entries(paymentTypes)),
        conditions: new Map(Object.entries(conditions)),
      },
    );
    expect(result).toMatchObject({ ok: true, surchargeCents: 299 });
  });
});

describe('settlePayments properties', () => {
  const paymentArb = fc.record({
    paymentTypeCode: fc.constantFrom('cash', 'credit', 'debit', 'pix'),
    conditionCode: fc.option(fc.constantFrom('NOW', 'CARD3'), { nil: undefined }),
    amountCents: fc.integer({ min: 0, max: 20_000 }),
  });

  it('when it accepts, payments cover exactly the total, change is what was overpaid in change-giving types', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40_000 }),
        fc.array(paymentArb, { maxLength: 4 }),
        (total, raw) => {
          const payments = raw.map(({ conditionCode, ...p }) =>
            conditionCode === undefined ? p : { ...p, conditionCode },
          );
          const result = settle(total, payments);
          const paid = payments.reduce((a, p) => a + p.amountCents, 0);
          if (!result.ok) {
            if (result.code === 'payments_insufficient') expect(paid).toBeLessThan(total);
            return;
          }
          expect(result.paidCents).toBe(paid);
          expect(result.changeCents).toBe(paid - total);
          expect(result.payments.reduce((a, p) => a + p.amountCents, 0)).toBe(total);
          expect(result.payments.reduce((a, p) => a + (p.changeCents ?? 0), 0)).toBe(result.changeCents);
          result.payments.forEach((p, i) => {
            const tendered = payments[i]?.amountCents ?? -1;
            expect(p.amountCents + (p.changeCents ?? 0)).toBe(tendered);
            if ((p.changeCents ?? 0) > 0) expect(paymentTypes[p.paymentTypeCode]?.givesChange).toBe(true);
            if (p.installments !== undefined) {
              expect(p.installments.reduce((a, i) => a + i.amountCents, 0)).toBe(
                p.amountCents + (p.surchargeCents ?? 0),
              );
            }
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('without conditions, accepts exactly when the total is covered and any excess fits in the cash paid', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40_000 }),
        fc.array(
          paymentArb.map(({ paymentTypeCode, amountCents }) => ({ paymentTypeCode, amountCents })),
          {
            maxLength: 4,
          },
        ),
        (total, payments) => {
          const paid = payments.reduce((a, p) => a + p.amountCents, 0);
          const cash = payments
            .filter((p) => p.paymentTypeCode === 'cash')
            .reduce((a, p) => a + p.amountCents, 0);
          const result = settle(total, payments);
          const expected =
            paid < total ? 'payments_insufficient' : paid - total > cash ? 'change_not_allowed' : 'ok';
          expect(result.ok ? 'ok' : result.code).toBe(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
