import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleInstallments } from '@storelink/domain';
import {
  createTestServer,
  newTestId,
  pairMovementStation,
  salePayload,
  seedMovementMasterData,
  type MovementStation,
  type TestServer,
} from '@storelink/testing';

let t: TestServer;
let a: MovementStation;
beforeAll(async () => {
  t = await createTestServer();
  await seedMovementMasterData(t);
  a = await pairMovementStation(t, { station: 'VAL-1', group: 'G-VAL' });
});
afterAll(() => t.close());

const db = () => t.server.database.db;

/** Sends one movement and answers its result. */
async function judge(...args: Parameters<MovementStation['movement']>) {
  const res = await a.send([a.movement(...args)]);
  expect(res.status).toBe(200);
  return res.body.results[0];
}

describe('ingest validation (SPEC §12.2)', () => {
  it('quarantines references to codes that do not exist, each with its code', async () => {
    expect(await judge('sale.completed', salePayload({ items: [{ skuCode: 'NOPE' }] }))).toMatchObject({
      status: 'quarantined',
      code: 'unknown_sku',
      detail: expect.stringMatching(/Line 1: SKU NOPE/),
    });
    expect(await judge('sale.completed', salePayload({ sellerCode: 'NOBODY' }))).toMatchObject({
      code: 'unknown_seller',
    });
    expect(await judge('sale.completed', salePayload(), { operatorCode: 'GHOST' })).toMatchObject({
      code: 'unknown_operator',
    });
    const payments = [{ paymentTypeCode: 'BITCOIN', amountCents: 10_000 }];
    expect(await judge('sale.completed', salePayload({ payments }))).toMatchObject({
      code: 'unknown_payment_type',
    });
    expect(
      await judge('cash_session.movement', {
        sessionId: newTestId(),
        kind: 'withdrawal',
        reasonCode: 'XX',
        amountCents: 5,
      }),
    ).toMatchObject({ code: 'unknown_reason' });
    expect(
      await judge('sale.cancelled', { saleId: newTestId(), reason: 'x', authorizedBy: 'NOSUP' }),
    ).toMatchObject({
      code: 'unknown_operator',
    });
  });

  it('books a sale of an inactive SKU: the sale happened', async () => {
    await db().updateTable('skus').set({ active: 0 }).where('code', '=', 'SKU-4').execute();
    try {
      expect(await judge('sale.completed', salePayload({ items: [{ skuCode: 'SKU-4' }] }))).toMatchObject({
        status: 'accepted',
      });
    } finally {
      await db().updateTable('skus').set({ active: 1 }).where('code', '=', 'SKU-4').execute();
    }
  });

  it('quarantines arithmetic that does not add up as totals_mismatch', async () => {
    const badLine = salePayload();
    badLine.items[0] = { ...(badLine.items[0] as (typeof badLine.items)[number]), totalCents: 4000 };
    expect(await judge('sale.completed', badLine)).toMatchObject({
      code: 'totals_mismatch',
      detail: expect.stringMatching(/Line 1/),
    });
    expect(await judge('sale.completed', { ...salePayload(), totalCents: 9000 })).toMatchObject({
      code: 'totals_mismatch',
    });
    const short = salePayload({ payments: [{ paymentTypeCode: 'CASH', amountCents: 9000 }] });
    expect(await judge('sale.completed', short)).toMatchObject({
      code: 'totals_mismatch',
      detail: expect.stringMatching(/short/),
    });
    const changeOnPix = salePayload({
      payments: [{ paymentTypeCode: 'PIX', amountCents: 10_000, changeCents: 500 }],
    });
    expect(await judge('sale.completed', changeOnPix)).toMatchObject({ code: 'totals_mismatch' });
    const cashChange = salePayload({
      payments: [{ paymentTypeCode: 'CASH', amountCents: 10_000, changeCents: 500 }],
    });
    expect(await judge('sale.completed', cashChange)).toMatchObject({ status: 'accepted' });
  });

  it('checks installments against the condition, and books the schedule', async () => {
    const occurredAt = '2026-03-10T15:00:00.000Z';
    const schedule = scheduleInstallments({
      amountCents: 10_000,
      condition: {
        code: 'CARD3X',
        installments: 3,
        firstDueDays: 30,
        intervalDays: 30,
        surchargeBp: 0,
        minInstallmentCents: 0,
      },
      saleDate: '2026-03-10',
    });
    if (!schedule.ok) throw new Error('schedule');
    const good = salePayload({
      payments: [
        {
          paymentTypeCode: 'CARD',
          conditionCode: 'CARD3X',
          amountCents: 10_000,
          installments: schedule.installments,
        },
      ],
    });
    expect(await judge('sale.completed', good, { occurredAt })).toMatchObject({ status: 'accepted' });
    const [payment] = await db()
      .selectFrom('salePayments')
      .selectAll()
      .where('saleId', '=', good.saleId)
      .execute();
    expect(JSON.parse(payment?.installments ?? '[]')).toEqual(schedule.installments);

    const wrong = salePayload({
      payments: [
        {
          paymentTypeCode: 'CARD',
          conditionCode: 'CARD3X',
          amountCents: 10_000,
          installments: schedule.installments.map((i) => ({ ...i, amountCents: i.n === 1 ? 3400 : 3300 })),
        },
      ],
    });
    expect(await judge('sale.completed', wrong, { occurredAt })).toMatchObject({ code: 'totals_mismatch' });
    const onPix = salePayload({
      payments: [{ paymentTypeCode: 'PIX', conditionCode: 'CARD3X', amountCents: 10_000 }],
    });
    expect(await judge('sale.completed', onPix)).toMatchObject({ code: 'condition_not_allowed' });
  });

  it('quarantines a payment type the station group does not accept', async () => {
    await db()
      .updateTable('stationGroups')
      .set({ paymentTypeCodes: '["CASH"]' })
      .where('code', '=', 'G-VAL')
      .execute();
    try {
      const pix = salePayload({ payments: [{ paymentTypeCode: 'PIX', amountCents: 10_000 }] });
      expect(await judge('sale.completed', pix)).toMatchObject({ code: 'payment_type_not_allowed' });
      expect(await judge('sale.completed', salePayload())).toMatchObject({ status: 'accepted' });
    } finally {
      await db()
        .updateTable('stationGroups')
        .set({ paymentTypeCodes: '[]' })
        .where('code', '=', 'G-VAL')
        .execute();
    }
  });

  it('books a till: opened, a withdrawal, closed with declared amounts and the station summary', async () => {
    const sessionId = newTestId();
    const summary = {
      salesCount: 0,
      cancelledCount: 0,
      totalsByPaymentType: {},
      withdrawalsCents: 2000,
      suppliesCents: 0,
      expensesCents: 0,
    };
    const res = await a.send([
      a.movement('cash_session.opened', { sessionId, openingFloatCents: 10_000 }),
      a.movement('cash_session.movement', {
        sessionId,
        kind: 'withdrawal',
        reasonCode: 'WD',
        amountCents: 2000,
      }),
      a.movement('cash_session.movement', { sessionId, kind: 'supply', reasonCode: 'WD', amountCents: 100 }),
      a.movement('cash_session.closed', {
        sessionId,
        declared: [{ paymentTypeCode: 'CASH', amountCents: 8000 }],
        summary,
      }),
    ]);
    expect(res.body.results.map((r) => r.code ?? r.status)).toEqual([
      'accepted',
      'accepted',
      'invalid_payload',
      'accepted',
    ]);
    const session = await db()
      .selectFrom('cashSessions')
      .selectAll()
      .where('id', '=', sessionId)
      .executeTakeFirstOrThrow();
    expect(session).toMatchObject({ operatorCode: 'OP1', openingFloatCents: 10_000, closedBy: 'OP1' });
    expect(JSON.parse(session.summary ?? 'null')).toEqual(summary);
    expect(JSON.parse(session.declared ?? 'null')).toEqual([{ paymentTypeCode: 'CASH', amountCents: 8000 }]);
    const movements = await db()
      .selectFrom('cashMovements')
      .selectAll()
      .where('sessionId', '=', sessionId)
      .execute();
    expect(movements.map((m) => [m.kind, m.reasonCode, Number(m.amountCents)])).toEqual([
      ['withdrawal', 'WD', 2000],
    ]);
    expect(await judge('cash_session.closed', { sessionId, declared: [], summary })).toMatchObject({
      code: 'invalid_payload',
      detail: expect.stringMatching(/already closed/),
    });
  });

  it('quarantines a sale id booked before, by another movement', async () => {
    const sale = salePayload();
    expect(await judge('sale.completed', sale)).toMatchObject({ status: 'accepted' });
    expect(await judge('sale.completed', sale)).toMatchObject({
      code: 'invalid_payload',
      detail: expect.stringMatching(/already booked/),
    });
  });
});
