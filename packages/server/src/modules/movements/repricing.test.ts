import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MovementResult, Promotion, StationMovementDetail } from '@storelink/contracts';
import {
  createTestServer,
  pairMovementStation,
  salePayload,
  seedMovementMasterData,
  type MovementStation,
  type TestServer,
} from '@storelink/testing';
import { readHeadCursor } from '../changes/change-log.repository';

/**
 * Server re-pricing (issue 5): a sale is re-priced with the promotions the station held at its
 * catalog cursor, and with those the back office had in force when it happened. A difference is a
 * `price_divergence` note on the booked movement, never a rejection.
 */
let t: TestServer;
let s: MovementStation;
let okCursor = '0';
beforeAll(async () => {
  t = await createTestServer();
  await seedMovementMasterData(t);
  s = await pairMovementStation(t, { station: 'PRICE-1' });
});
afterAll(() => t.close());

const cursor = async () => String(await readHeadCursor(t.server.database.db));

async function createPromotion(code: string, extra: Record<string, unknown> = {}): Promise<Promotion> {
  const res = await t.api.post<Promotion>('/api/v1/promotions', {
    code,
    name: `10% off ${code}`,
    kind: 'percent_off',
    percentBp: 1000,
    target: { skuCodes: ['SKU-1'], productCodes: [], categories: [] },
    ...extra,
  });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body;
}

/** A sale of one SKU-1 at R$ 50.00, with the station's 10% promotion discount or without. */
function sale(catalogCursor: string, promotionCode: string | null) {
  return salePayload({
    catalogCursor,
    items: [
      promotionCode === null
        ? { skuCode: 'SKU-1', unitPriceCents: 5000 }
        : { skuCode: 'SKU-1', unitPriceCents: 5000, discountCents: 500, promotionCodes: [promotionCode] },
    ],
  });
}

async function book(payload: ReturnType<typeof sale>, occurredAt = new Date().toISOString()) {
  const m = s.movement('sale.completed', payload, { occurredAt });
  const res = await s.send([m]);
  expect(res.body.results[0]).toMatchObject<Partial<MovementResult>>({ status: 'accepted' });
  const detail = await t.api.get<StationMovementDetail>(`/api/v1/stations/${s.stationId}/movements/${m.id}`);
  return detail.body.notes ?? [];
}

describe('price divergence', () => {
  it('adds no note when the station priced with the promotions it held', async () => {
    await createPromotion('P-OK');
    okCursor = await cursor();
    expect(await book(sale(okCursor, 'P-OK'))).toEqual([]);
  });

  it("notes a sale that does not follow the station's own catalog", async () => {
    await createPromotion('P-MISSED', { target: { skuCodes: ['SKU-2'], productCodes: [], categories: [] } });
    const notes = await book({
      ...sale(await cursor(), null),
      items: [
        {
          lineNo: 1,
          skuCode: 'SKU-2',
          quantity: 1,
          unitPriceCents: 5000,
          discountCents: 0,
          promotionCodes: [],
          totalCents: 5000,
        },
      ],
    });
    expect(notes).toEqual([
      expect.objectContaining({
        code: 'price_divergence',
        detail: expect.stringMatching(/does not follow the promotions it held at catalog cursor/),
        lines: [
          {
            lineNo: 1,
            stationDiscountCents: 0,
            serverDiscountCents: 500,
            stationPromotionCodes: [],
            serverPromotionCodes: ['P-MISSED'],
          },
        ],
      }),
    ]);
  });

  it('notes a sale made offline under a promotion that had since ended in the back office', async () => {
    const promotion = await createPromotion('P-ENDED', {
      target: { skuCodes: ['SKU-3'], productCodes: [], categories: [] },
    });
    const stationCursor = await cursor();
    const beforeEnd = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await t.api.delete(`/api/v1/promotions/${promotion.id}`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const discounted = () => ({
      ...sale(stationCursor, null),
      items: [
        {
          lineNo: 1,
          skuCode: 'SKU-3',
          quantity: 1,
          unitPriceCents: 5000,
          discountCents: 500,
          promotionCodes: ['P-ENDED'],
          totalCents: 4500,
        },
      ],
      subtotalCents: 5000,
      discountCents: 500,
      totalCents: 4500,
      payments: [{ paymentTypeCode: 'CASH', amountCents: 4500 }],
    });

    expect(await book(discounted(), beforeEnd)).toEqual([]);
    const notes = await book(discounted());
    expect(notes).toEqual([
      expect.objectContaining({
        code: 'price_divergence',
        detail: expect.stringMatching(/catalog was behind.*P-ENDED/),
        lines: [
          {
            lineNo: 1,
            stationDiscountCents: 500,
            serverDiscountCents: 0,
            stationPromotionCodes: ['P-ENDED'],
            serverPromotionCodes: [],
          },
        ],
      }),
    ]);
  });

  it('notes a promotion applied after its end date', async () => {
    await createPromotion('P-EXPIRED', {
      endsAt: '2020-01-01T00:00:00Z',
      target: { skuCodes: ['SKU-4'], productCodes: [], categories: [] },
    });
    const payload = {
      ...sale(await cursor(), null),
      items: [
        {
          lineNo: 1,
          skuCode: 'SKU-4',
          quantity: 1,
          unitPriceCents: 5000,
          discountCents: 500,
          promotionCodes: ['P-EXPIRED'],
          totalCents: 4500,
        },
      ],
      subtotalCents: 5000,
      discountCents: 500,
      totalCents: 4500,
      payments: [{ paymentTypeCode: 'CASH', amountCents: 4500 }],
    };
    expect((await book(payload)).map((n) => n.lines)).toEqual([
      [
        {
          lineNo: 1,
          stationDiscountCents: 500,
          serverDiscountCents: 0,
          stationPromotionCodes: ['P-EXPIRED'],
          serverPromotionCodes: [],
        },
      ],
    ]);
  });

  it('uses the promotions in force at receipt when the sale carries no catalog cursor', async () => {
    const { catalogCursor: _c, ...withoutCursor } = sale('0', 'P-OK');
    expect(await book(withoutCursor)).toEqual([]);
  });

  it('keeps promotion changes through the change-log retention, so old cursors can still be replayed', async () => {
    const db = t.server.database.db;
    await db.updateTable('changeLog').set({ createdAt: '2000-01-01T00:00:00.000Z' }).execute();
    await t.server.sync.pruneChanges();
    const left = await db.selectFrom('changeLog').select(['entity']).distinct().execute();
    expect(left.map((r) => r.entity)).toEqual(['promotion']);
    expect(await book(sale(okCursor, 'P-OK'))).toEqual([]);
    expect(await book(sale('1', 'P-OK'))).toEqual([expect.objectContaining({ code: 'price_divergence' })]);
  });
});
