import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageOf, StationMovementDetail, StationMovementItem } from '@storelink/contracts';
import {
  createTestServer,
  loginAs,
  newTestId,
  pairMovementStation,
  salePayload,
  seedMovementMasterData,
  type MovementStation,
  type TestServer,
} from '@storelink/testing';

/** A station of a store in Tokyo (UTC+9), so store days and UTC days differ. */
let t: TestServer;
let s: MovementStation;
beforeAll(async () => {
  t = await createTestServer();
  await seedMovementMasterData(t);
  s = await pairMovementStation(t, { station: 'Q-1', store: 'S-TOKYO', group: 'G-TOKYO' });
  await t.server.database.db
    .updateTable('stores')
    .set({ timezone: 'Asia/Tokyo' })
    .where('code', '=', 'S-TOKYO')
    .execute();
});
afterAll(() => t.close());

const query = (qs: string) =>
  t.api.get<PageOf<StationMovementItem>>(`/api/v1/stations/${s.stationId}/movements?${qs}`);
const seqs = (page: PageOf<StationMovementItem>) => page.items.map((i) => i.seq);

describe('station query (SPEC §5, §12.3)', () => {
  const lateMay1 = '2026-05-01T14:30:00.000Z'; // 23:30 on May 1st in Tokyo
  const earlyMay2 = '2026-05-01T15:30:00.000Z'; // 00:30 on May 2nd in Tokyo
  const sale = salePayload({ number: 11 });

  beforeAll(async () => {
    await s.send([
      s.movement('sale.completed', sale, { occurredAt: lateMay1 }),
      s.movement('sale.completed', salePayload({ items: [{ skuCode: 'NOPE' }] }), { occurredAt: earlyMay2 }),
      s.movement('sale.cancelled', { saleId: sale.saleId, reason: 'x' }, { occurredAt: earlyMay2 }),
      s.movement('sale.cancelled', { saleId: newTestId(), reason: 'waits' }, { occurredAt: earlyMay2 }),
      s.movement(
        'cash_session.movement',
        { sessionId: newTestId(), kind: 'expense', reasonCode: 'EX', amountCents: 990 },
        { occurredAt: earlyMay2 },
      ),
    ]);
  });

  it("reads dates as whole days in the store's timezone", async () => {
    expect(seqs((await query('from=2026-05-01&to=2026-05-01')).body)).toEqual([1]);
    expect(seqs((await query('from=2026-05-02&to=2026-05-02')).body)).toEqual([2, 3, 4, 5]);
    expect(seqs((await query('from=2026-05-01T15:00:00Z&to=2026-05-01T16:00:00Z')).body)).toEqual([
      2, 3, 4, 5,
    ]);
    expect(seqs((await query('from=2026-05-01T15:00:00Z')).body)).toEqual([2, 3, 4, 5]);
  });

  it('shows status, sale id, total, error code and a cancelled sale', async () => {
    const page = (await query('from=2026-05-01&to=2026-05-02')).body;
    expect(page.items).toEqual([
      expect.objectContaining({
        seq: 1,
        type: 'sale.completed',
        status: 'accepted',
        saleId: sale.saleId,
        totalCents: 10_000,
        cancelled: true,
        occurredAt: lateMay1,
      }),
      expect.objectContaining({ seq: 2, status: 'quarantined', errorCode: 'unknown_sku' }),
      expect.objectContaining({ seq: 3, type: 'sale.cancelled', status: 'accepted', saleId: sale.saleId }),
      expect.objectContaining({ seq: 4, status: 'pending_reference' }),
      expect.objectContaining({ seq: 5, type: 'cash_session.movement', totalCents: 990 }),
    ]);
    expect(page.items[1]).not.toHaveProperty('cancelled');
    expect(page.items[0]).not.toHaveProperty('errorCode');
  });

  it('filters by type and status, cancelled included, and pages', async () => {
    const days = 'from=2026-05-01&to=2026-05-02';
    expect(seqs((await query(`${days}&type=sale.cancelled`)).body)).toEqual([3, 4]);
    expect(seqs((await query(`${days}&status=quarantined`)).body)).toEqual([2]);
    expect(seqs((await query(`${days}&status=pending_reference`)).body)).toEqual([4]);
    expect(seqs((await query(`${days}&status=cancelled`)).body)).toEqual([1]);
    const first = (await query(`${days}&limit=3`)).body;
    expect(seqs(first)).toEqual([1, 2, 3]);
    const secondRes = await query(`${days}&limit=3&cursor=${first.nextCursor ?? ''}`);
    const second = secondRes.body;
    expect(seqs(second)).toEqual([4, 5]);
    expect(second.nextCursor).toBeNull();
  });

  it('covers today in the store timezone by default', async () => {
    const now = s.movement('sale.completed', salePayload());
    await s.send([now]);
    const today = (await query('')).body;
    expect(today.items.map((i) => i.id)).toEqual([now.id]);
  });

  it('refuses a bound that is neither a date nor a timestamp with an offset, and an unknown station', async () => {
    const res = await query('from=yesterday');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'validation_failed', errors: [{ path: 'from' }] });
    expect((await t.api.get('/api/v1/stations/0192f0c5-0000-7000-8000-000000000000/movements')).status).toBe(
      404,
    );
  });

  it('opens one movement whole with its sale, items and payments', async () => {
    const [first] = (await query('from=2026-05-01&to=2026-05-01')).body.items;
    const auditor = await loginAs(t, 'q-auditor', 'auditor');
    const res = await auditor.get<StationMovementDetail>(
      `/api/v1/stations/${s.stationId}/movements/${first?.id ?? ''}`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      seq: 1,
      status: 'accepted',
      stationCode: 'Q-1',
      storeCode: 'S-TOKYO',
      payload: sale,
      cancelled: true,
    });
    expect(res.body.erpCursor).toMatch(/^\d+$/);
    const projection = res.body.projection as {
      sale: Record<string, unknown>;
      items: unknown[];
      payments: unknown[];
    };
    expect(projection.sale).toMatchObject({
      id: sale.saleId,
      totalCents: 10_000,
      cancelled: 1,
      businessDate: '2026-05-01',
    });
    expect(projection.items).toHaveLength(2);
    expect(projection.payments).toEqual([
      expect.objectContaining({ paymentTypeCode: 'CASH', amountCents: 10_000 }),
    ]);
  });

  it('opens a quarantined movement with its error and no projection', async () => {
    const [bad] = (await query('from=2026-05-02&to=2026-05-02&status=quarantined')).body.items;
    const res = await t.api.get<StationMovementDetail>(
      `/api/v1/stations/${s.stationId}/movements/${bad?.id ?? ''}`,
    );
    expect(res.body).toMatchObject({ status: 'quarantined', errorCode: 'unknown_sku', projection: null });
    expect(res.body.integrationErrorId).toMatch(/-/);
    const other = await pairMovementStation(t, { station: 'Q-2', store: 'S-TOKYO', group: 'G-TOKYO' });
    expect((await t.api.get(`/api/v1/stations/${other.stationId}/movements/${bad?.id ?? ''}`)).status).toBe(
      404,
    );
  });
});
