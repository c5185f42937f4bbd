import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangesPage, IntegrationError, PageOf, SnapshotRow, SyncVoucher } from '@storelink/contracts';
import {
  createTestServer,
  newTestId,
  pairMovementStation,
  salePayload,
  seedMovementMasterData,
  voucherExchangePayload,
  type MovementStation,
  type TestServer,
} from '@storelink/testing';
import { readHeadCursor } from '../changes/change-log.repository';

/** Two stations of store S-REF (A and B, in different groups) and one of another store (C). */
let t: TestServer;
let a: MovementStation;
let b: MovementStation;
let c: MovementStation;
beforeAll(async () => {
  t = await createTestServer();
  await seedMovementMasterData(t);
  a = await pairMovementStation(t, { station: 'REF-A', store: 'S-REF', group: 'G-REF-A' });
  b = await pairMovementStation(t, { station: 'REF-B', store: 'S-REF', group: 'G-REF-B' });
  c = await pairMovementStation(t, { station: 'REF-C', store: 'S-OTHER', group: 'G-REF-C' });
});
afterAll(() => t.close());

const db = () => t.server.database.db;

async function statusOf(movementId: string) {
  const row = await db()
    .selectFrom('movements')
    .select(['status', 'errorCode'])
    .where('id', '=', movementId)
    .executeTakeFirstOrThrow();
  return row.errorCode ?? row.status;
}

async function voucher(code: string) {
  return db()
    .selectFrom('vouchers')
    .selectAll()
    .where('storeCode', '=', 'S-REF')
    .where('code', '=', code)
    .executeTakeFirst();
}

/** The voucher changes a station pulls after `after`. */
async function voucherChanges(station: MovementStation, after: number) {
  const res = await station.api.get<ChangesPage>(`/api/v1/sync/changes?after=${after}`);
  expect(res.status).toBe(200);
  return res.body.changes.filter((ch) => ch.entity === 'voucher');
}

const head = () => readHeadCursor(db());

describe('references across stations (SPEC §4.3)', () => {
  it('keeps an exchange of a sale not arrived yet as pending_reference, and books it when the sale lands', async () => {
    const sale = salePayload();
    const exchange = b.movement(
      'exchange.completed',
      voucherExchangePayload({ voucherCode: 'V-PEND', originalSaleId: sale.saleId }),
    );
    const first = await b.send([exchange]);
    expect(first.body.results[0]).toMatchObject({
      status: 'pending_reference',
      detail: expect.stringMatching(sale.saleId),
    });
    expect(first.body.ackedThrough).toBe(exchange.seq);
    expect(await voucher('V-PEND')).toBeUndefined();

    const saleMovement = a.movement('sale.completed', sale);
    expect((await a.send([saleMovement])).body.results[0]?.status).toBe('accepted');
    expect(await statusOf(exchange.id)).toBe('accepted');
    expect(await voucher('V-PEND')).toMatchObject({
      balanceCents: 5000,
      status: 'open',
      stationCode: 'REF-B',
    });
    const feed = await t.api.get<{ items: { movement: { id: string } }[] }>(
      '/api/v1/erp/movements?limit=1000',
    );
    const order = feed.body.items.map((i) => i.movement.id);
    expect(order.indexOf(exchange.id)).toBeGreaterThan(order.indexOf(saleMovement.id));
  });

  it("sends a voucher issued at A to the store's other stations, and spends it at B down to a delete", async () => {
    const before = await head();
    const issued = await a.send([
      a.movement('exchange.completed', voucherExchangePayload({ voucherCode: 'V-FEED' })),
    ]);
    expect(issued.body.results[0]?.status).toBe('accepted');

    const [upsert] = await voucherChanges(b, before);
    expect(upsert).toMatchObject({ key: 'V-FEED', op: 'upsert' });
    expect(upsert?.data).toMatchObject<Partial<SyncVoucher>>({
      code: 'V-FEED',
      storeCode: 'S-REF',
      amountCents: 5000,
      balanceCents: 5000,
      issuedBy: 'REF-A',
    });
    expect(await voucherChanges(c, before)).toEqual([]);
    const snapshot = await b.api.get<string>('/api/v1/sync/snapshot');
    const rows = snapshot.body
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as SnapshotRow);
    expect(rows.find((r) => r.type === 'row' && r.entity === 'voucher' && r.key === 'V-FEED')?.data).toEqual(
      upsert?.data,
    );

    const partly = await head();
    const spend = (amountCents: number) =>
      salePayload({
        items: [{ unitPriceCents: amountCents }],
        payments: [{ paymentTypeCode: 'VOUCHER', voucherCode: 'V-FEED', amountCents }],
      });
    expect((await b.send([b.movement('sale.completed', spend(3000))])).body.results[0]?.status).toBe(
      'accepted',
    );
    expect(
      (await voucherChanges(a, partly)).map((ch) => [ch.op, (ch.data as SyncVoucher | null)?.balanceCents]),
    ).toEqual([['upsert', 2000]]);
    const rest = await head();
    expect((await b.send([b.movement('sale.completed', spend(2000))])).body.results[0]?.status).toBe(
      'accepted',
    );
    expect((await voucherChanges(a, rest)).map((ch) => ch.op)).toEqual(['delete']);
    expect(await voucher('V-FEED')).toMatchObject({ balanceCents: 0, status: 'used' });
  });

  it('keeps a redemption of a voucher not arrived yet pending, and books it when the issuing exchange lands', async () => {
    const sale = salePayload({
      items: [{ unitPriceCents: 1500 }],
      payments: [{ paymentTypeCode: 'VOUCHER', voucherCode: 'V-LATE', amountCents: 1500 }],
    });
    const redemption = b.movement('sale.completed', sale);
    expect((await b.send([redemption])).body.results[0]).toMatchObject({
      status: 'pending_reference',
      detail: expect.stringMatching(/V-LATE/),
    });
    await a.send([a.movement('exchange.completed', voucherExchangePayload({ voucherCode: 'V-LATE' }))]);
    expect(await statusOf(redemption.id)).toBe('accepted');
    expect(await voucher('V-LATE')).toMatchObject({ balanceCents: 3500, status: 'open' });
  });

  it('flags a voucher spent twice while offline as voucher_overdrawn, never accepting the second', async () => {
    await a.send([a.movement('exchange.completed', voucherExchangePayload({ voucherCode: 'V-TWICE' }))]);
    const spendAll = () =>
      salePayload({
        items: [{ unitPriceCents: 5000 }],
        payments: [{ paymentTypeCode: 'VOUCHER', voucherCode: 'V-TWICE', amountCents: 5000 }],
      });
    expect((await a.send([a.movement('sale.completed', spendAll())])).body.results[0]?.status).toBe(
      'accepted',
    );
    const second = b.movement('sale.completed', spendAll());
    expect((await b.send([second])).body.results[0]).toMatchObject({
      status: 'quarantined',
      code: 'voucher_overdrawn',
      detail: expect.stringMatching(/used twice/),
    });
    const errors = await t.api.get<PageOf<IntegrationError>>(
      `/api/v1/integration-errors?code=voucher_overdrawn&stationId=${b.stationId}`,
    );
    expect(errors.body.items.map((e) => e.movementId)).toContain(second.id);
    expect(await voucher('V-TWICE')).toMatchObject({ balanceCents: 0 });
  });

  it('quarantines a waiting redemption as voucher_overdrawn when the voucher that lands is too small', async () => {
    const sale = salePayload({
      items: [{ unitPriceCents: 8000 }],
      payments: [{ paymentTypeCode: 'VOUCHER', voucherCode: 'V-SMALL', amountCents: 8000 }],
    });
    const redemption = b.movement('sale.completed', sale);
    expect((await b.send([redemption])).body.results[0]?.status).toBe('pending_reference');
    await a.send([a.movement('exchange.completed', voucherExchangePayload({ voucherCode: 'V-SMALL' }))]);
    expect(await statusOf(redemption.id)).toBe('voucher_overdrawn');
    const errors = await t.api.get<PageOf<IntegrationError>>(
      `/api/v1/integration-errors?code=voucher_overdrawn&stationId=${b.stationId}`,
    );
    expect(errors.body.items.find((e) => e.movementId === redemption.id)).toMatchObject({
      status: 'open',
      payload: sale,
    });
    expect(await voucher('V-SMALL')).toMatchObject({ balanceCents: 5000 });
  });

  it('quarantines an exchange cancellation that arrives after its voucher was spent', async () => {
    const exchange = voucherExchangePayload({ voucherCode: 'V-UNDO' });
    await a.send([a.movement('exchange.completed', exchange)]);
    const spend = salePayload({
      items: [{ unitPriceCents: 1000 }],
      payments: [{ paymentTypeCode: 'VOUCHER', voucherCode: 'V-UNDO', amountCents: 1000 }],
    });
    await b.send([b.movement('sale.completed', spend)]);
    const cancel = await a.send([
      a.movement('exchange.cancelled', { exchangeId: exchange.exchangeId, reason: 'mistake' }),
    ]);
    expect(cancel.body.results[0]).toMatchObject({
      status: 'quarantined',
      code: 'voucher_overdrawn',
      detail: expect.stringMatching(/already used/),
    });
    expect(await voucher('V-UNDO')).toMatchObject({ status: 'open', balanceCents: 4000 });
  });

  it('cancels an exchange whose voucher was not used: the voucher leaves the stations', async () => {
    const exchange = voucherExchangePayload({ voucherCode: 'V-VOID' });
    await a.send([a.movement('exchange.completed', exchange)]);
    const before = await head();
    const res = await a.send([
      a.movement('exchange.cancelled', { exchangeId: exchange.exchangeId, reason: 'mistake' }),
    ]);
    expect(res.body.results[0]?.status).toBe('accepted');
    expect(await voucher('V-VOID')).toMatchObject({ status: 'cancelled' });
    expect((await voucherChanges(b, before)).map((ch) => [ch.key, ch.op])).toEqual([['V-VOID', 'delete']]);
    const row = await db()
      .selectFrom('exchanges')
      .select('cancelled')
      .where('id', '=', exchange.exchangeId)
      .executeTakeFirstOrThrow();
    expect(row.cancelled).toBe(1);
  });

  it('cancels a sale, giving the voucher it spent its amount back; a second cancellation is quarantined', async () => {
    await a.send([a.movement('exchange.completed', voucherExchangePayload({ voucherCode: 'V-BACK' }))]);
    const sale = salePayload({
      items: [{ unitPriceCents: 2000 }],
      payments: [{ paymentTypeCode: 'VOUCHER', voucherCode: 'V-BACK', amountCents: 2000 }],
    });
    const sold = b.movement('sale.completed', sale);
    await b.send([sold]);
    expect(await voucher('V-BACK')).toMatchObject({ balanceCents: 3000 });
    const cancelled = await b.send([
      b.movement('sale.cancelled', { saleId: sale.saleId, reason: 'customer gave up', authorizedBy: 'SUP1' }),
    ]);
    expect(cancelled.body.results[0]?.status).toBe('accepted');
    expect(await voucher('V-BACK')).toMatchObject({ balanceCents: 5000, status: 'open' });
    const row = await db()
      .selectFrom('movements')
      .select('cancelled')
      .where('id', '=', sold.id)
      .executeTakeFirstOrThrow();
    expect(row.cancelled).toBe(1);
    const again = await a.send([a.movement('sale.cancelled', { saleId: sale.saleId, reason: 'again' })]);
    expect(again.body.results[0]).toMatchObject({
      code: 'invalid_payload',
      detail: expect.stringMatching(/already cancelled/),
    });
  });

  it('books a sale and its cancellation sent in one batch, and a cancellation that came first once its sale lands', async () => {
    const sale = salePayload();
    const sold = a.movement('sale.completed', sale);
    await a.send([sold, a.movement('sale.cancelled', { saleId: sale.saleId, reason: 'same batch' })]);
    const row = await db()
      .selectFrom('sales')
      .select('cancelled')
      .where('id', '=', sale.saleId)
      .executeTakeFirstOrThrow();
    expect(row.cancelled).toBe(1);

    const later = salePayload();
    const cancel = b.movement('sale.cancelled', { saleId: later.saleId, reason: 'before the sale' });
    expect((await b.send([cancel])).body.results[0]?.status).toBe('pending_reference');
    await a.send([a.movement('sale.completed', later)]);
    expect(await statusOf(cancel.id)).toBe('accepted');
    const booked = await db()
      .selectFrom('sales')
      .select('cancelled')
      .where('id', '=', later.saleId)
      .executeTakeFirstOrThrow();
    expect(booked.cancelled).toBe(1);
  });

  it('keeps vouchers to their store: the same code elsewhere is another voucher', async () => {
    const res = await c.send([
      c.movement('exchange.completed', voucherExchangePayload({ voucherCode: 'V-FEED' })),
    ]);
    expect(res.body.results[0]?.status).toBe('accepted');
    const spend = salePayload({
      items: [{ unitPriceCents: 100 }],
      payments: [{ paymentTypeCode: 'VOUCHER', voucherCode: 'V-ONLY-C', amountCents: 100 }],
    });
    await c.send([
      c.movement(
        'exchange.completed',
        voucherExchangePayload({ voucherCode: 'V-ONLY-C', exchangeId: newTestId() }),
      ),
    ]);
    expect((await a.send([a.movement('sale.completed', spend)])).body.results[0]?.status).toBe(
      'pending_reference',
    );
  });
});
