import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntegrationError, MovementBatchReply, PageOf } from '@storelink/contracts';
import {
  createTestServer,
  issuePairingCode,
  pairStation,
  pairMovementStation,
  salePayload,
  seedMovementMasterData,
  type TestServer,
} from '@storelink/testing';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
  await seedMovementMasterData(t);
});
afterAll(() => t.close());

const db = () => t.server.database.db;
let stations = 0;
const station = () => pairMovementStation(t, { station: `ING-${(stations += 1)}` });

async function salesOf(stationId: string) {
  return db().selectFrom('sales').selectAll().where('stationId', '=', stationId).execute();
}

describe('POST /sync/movements', () => {
  it('books a sale with its items and payments, and answers ackedThrough, expectedSeq and serverCursor', async () => {
    const a = await station();
    const sale = salePayload({ number: 7 });
    const res = await a.send([a.movement('sale.completed', sale)]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      ackedThrough: 1,
      expectedSeq: 2,
      results: [{ seq: 1, status: 'accepted' }],
    });
    expect(Number(res.body.serverCursor)).toBeGreaterThan(0);

    const [booked] = await salesOf(a.stationId);
    expect(booked).toMatchObject({ id: sale.saleId, number: 7, totalCents: 10_000, storeCode: a.storeCode });
    const items = await db().selectFrom('saleItems').selectAll().where('saleId', '=', sale.saleId).execute();
    expect(items.map((i) => [i.lineNo, i.skuCode, Number(i.totalCents)])).toEqual([
      [1, 'SKU-1', 5000],
      [2, 'SKU-2', 5000],
    ]);
    const payments = await db()
      .selectFrom('salePayments')
      .selectAll()
      .where('saleId', '=', sale.saleId)
      .execute();
    expect(payments.map((p) => [p.paymentTypeCode, Number(p.amountCents)])).toEqual([['CASH', 10_000]]);
  });

  it('answers a resent batch with duplicate and books nothing twice', async () => {
    const a = await station();
    const batch = [a.movement('sale.completed', salePayload()), a.movement('sale.completed', salePayload())];
    const first = await a.send(batch);
    const again = await a.send(batch);
    expect(first.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    expect(again.status).toBe(200);
    expect(again.body.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(again.body).toMatchObject({ ackedThrough: 2, expectedSeq: 3 });
    expect(await salesOf(a.stationId)).toHaveLength(2);
  });

  it('records one duplicate_mismatch, keeping the resent payload whole, when a resent seq has another hash', async () => {
    const a = await station();
    const original = a.movement('sale.completed', salePayload());
    await a.send([original]);
    const changed = salePayload({ number: 99 });
    const impostor = {
      ...original,
      payload: changed,
      payloadHash: a.movement('sale.completed', changed).payloadHash,
    };
    a.nextSeq -= 1;
    const res = await a.send([impostor]);
    await a.send([impostor]);
    expect(res.body.results).toEqual([
      expect.objectContaining({ seq: 1, status: 'duplicate', code: 'duplicate_mismatch' }),
    ]);
    const errors = await t.api.get<PageOf<IntegrationError>>(
      `/api/v1/integration-errors?code=duplicate_mismatch&stationId=${a.stationId}`,
    );
    expect(errors.body.items).toHaveLength(1);
    expect(errors.body.items[0]).toMatchObject({
      movementId: original.id,
      seq: 1,
      status: 'open',
      payload: changed,
    });
    expect(await salesOf(a.stationId)).toHaveLength(1);
  });

  it('refuses a batch that starts past lastSeq + 1 with 409 seq_gap and expectedSeq, writing nothing', async () => {
    const a = await station();
    await a.send([a.movement('sale.completed', salePayload())]);
    a.nextSeq = 5;
    const res = await a.send([a.movement('sale.completed', salePayload())]);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'seq_gap', expectedSeq: 2 });
    expect(await salesOf(a.stationId)).toHaveLength(1);
  });

  it('stops at a gap in the middle of a batch and answers the results before it with expectedSeq', async () => {
    const a = await station();
    const one = a.movement('sale.completed', salePayload());
    const two = a.movement('sale.completed', salePayload());
    a.nextSeq += 1;
    const four = a.movement('sale.completed', salePayload());
    const res = await a.send([one, two, four]);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r) => r.seq)).toEqual([1, 2]);
    expect(res.body).toMatchObject({ ackedThrough: 2, expectedSeq: 3 });
    expect(await salesOf(a.stationId)).toHaveLength(2);
  });

  it('takes a movement resent by a re-paired register under its new incarnation as a duplicate', async () => {
    const a = await station();
    const sold = a.movement('sale.completed', salePayload());
    await a.send([sold]);
    const repaired = await pairStation(t.anonymous, await issuePairingCode(t, a.stationId));
    expect(repaired.body.incarnation).toBe(a.incarnation + 1);
    const api = t.anonymous.as(repaired.body.token);
    const send = (movements: unknown[]) =>
      api.post<MovementBatchReply>('/api/v1/sync/movements', {
        incarnation: repaired.body.incarnation,
        movements,
      });
    const resent = { ...sold, seq: 1 };
    const next = { ...a.movement('sale.completed', salePayload()), seq: 2 };
    expect((await send([resent])).body.results).toEqual([{ seq: 1, id: sold.id, status: 'duplicate' }]);
    const again = await send([resent, next]);
    expect(again.body.results.map((r) => [r.seq, r.status, r.code])).toEqual([
      [1, 'duplicate', undefined],
      [2, 'accepted', undefined],
    ]);
    expect(await salesOf(a.stationId)).toHaveLength(2);
  });

  it('answers 409 conflict telling to pair again when the batch is of another incarnation', async () => {
    const a = await station();
    const res = await a.send([a.movement('sale.completed', salePayload())], a.incarnation + 1);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('conflict');
    expect(res.body.detail).toMatch(/pair it again/);
  });

  it('is open to station tokens only', async () => {
    const res = await t.api.post('/api/v1/sync/movements', { incarnation: 1, movements: [] });
    expect(res.status).toBe(401);
  });

  it('quarantines an invalid payload and a payload whose hash does not match, and books the next ones', async () => {
    const a = await station();
    const broken = a.movement('sale.completed', { ...salePayload(), surprise: true } as never);
    const tampered = a.movement('sale.completed', salePayload());
    tampered.payload = salePayload({ number: 42 });
    const good = a.movement('sale.completed', salePayload());
    const res = await a.send([broken, tampered, good]);
    expect(res.body.results).toEqual([
      expect.objectContaining({
        seq: 1,
        status: 'quarantined',
        code: 'invalid_payload',
        detail: expect.stringMatching(/surprise/),
      }),
      expect.objectContaining({
        seq: 2,
        status: 'quarantined',
        code: 'invalid_payload',
        detail: expect.stringMatching(/payloadHash/),
      }),
      expect.objectContaining({ seq: 3, status: 'accepted' }),
    ]);
    expect(res.body).toMatchObject({ ackedThrough: 3, expectedSeq: 4 });
    const kept = await db()
      .selectFrom('movements')
      .select(['seq', 'status', 'payload'])
      .where('stationId', '=', a.stationId)
      .orderBy('seq')
      .execute();
    expect(kept.map((m) => m.status)).toEqual(['quarantined', 'quarantined', 'accepted']);
    expect(JSON.parse(kept[0]?.payload ?? 'null')).toMatchObject({ surprise: true });
  });

  it('takes a batch above the default 1 MiB body limit (16 MiB on this route)', async () => {
    const a = await station();
    const items = Array.from({ length: 800 }, (_, i) => ({
      skuCode: `SKU-${(i % 4) + 1}`,
      unitPriceCents: 100 + i,
    }));
    const movements = Array.from({ length: 15 }, () => a.movement('sale.completed', salePayload({ items })));
    expect(JSON.stringify(movements).length).toBeGreaterThan(1024 * 1024);
    const res = await a.send(movements);
    expect(res.status).toBe(200);
    expect(res.body.results.every((r) => r.status === 'accepted')).toBe(true);
  });

  it('serialises two copies of one batch sent at once: one books, the other answers duplicate', async () => {
    const a = await station();
    const batch = Array.from({ length: 20 }, () => a.movement('sale.completed', salePayload()));
    const [x, y] = await Promise.all([a.send(batch), a.send(batch)]);
    expect([x.status, y.status]).toEqual([200, 200]);
    const statuses = [...x.body.results, ...y.body.results].map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 'accepted')).toHaveLength(20);
    expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(20);
    expect(await salesOf(a.stationId)).toHaveLength(20);
  });
});
