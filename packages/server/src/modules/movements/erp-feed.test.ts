import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErpFeedPage } from '@storelink/contracts';
import { hashPayload } from '@storelink/domain';
import {
  createTestServer,
  loginAs,
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

const feed = (qs = '') => t.api.get<ErpFeedPage>(`/api/v1/erp/movements${qs}`);

describe('ERP feed (SPEC §4.4, §12.3)', () => {
  it('starts from the beginning, serves accepted movements in commit order, page by page', async () => {
    const empty = await feed();
    expect(empty.body).toEqual({ items: [], cursor: '0', hasMore: false });

    const a = await pairMovementStation(t, { station: 'ERP-A' });
    const b = await pairMovementStation(t, { station: 'ERP-B' });
    const a1 = a.movement('sale.completed', salePayload());
    const bad = a.movement('sale.completed', salePayload({ sellerCode: 'NOBODY' }));
    const a3 = a.movement('cash_session.opened', { sessionId: crypto.randomUUID(), openingFloatCents: 500 });
    await a.send([a1, bad, a3]);
    const b1 = b.movement('sale.completed', salePayload());
    await b.send([b1]);

    const all = await feed();
    expect(all.body.items.map((i) => i.movement.id)).toEqual([a1.id, a3.id, b1.id]);
    expect(all.body.items.map((i) => i.cursor)).toEqual(['1', '2', '3']);
    expect(all.body).toMatchObject({ cursor: '3', hasMore: false });
    const [first] = all.body.items;
    expect(first).toMatchObject({ stationCode: 'ERP-A', movement: { ...a1 } });
    expect(first?.movement.payloadHash).toBe(hashPayload(first?.movement.payload));
    expect(Date.parse(first?.receivedAt ?? '')).not.toBeNaN();

    const page1 = await feed('?limit=2');
    expect(page1.body).toMatchObject({ cursor: '2', hasMore: true });
    const page2 = await feed(`?limit=2&after=${page1.body.cursor}`);
    expect(page2.body.items.map((i) => i.movement.id)).toEqual([b1.id]);
    expect(page2.body).toMatchObject({ cursor: '3', hasMore: false });
    expect((await feed('?after=3')).body).toEqual({ items: [], cursor: '3', hasMore: false });
  });

  it('is readable by auditors and closed to anonymous callers and stations', async () => {
    const auditor = await loginAs(t, 'erp-auditor', 'auditor');
    expect((await auditor.get('/api/v1/erp/movements')).status).toBe(200);
    expect((await t.anonymous.get('/api/v1/erp/movements')).status).toBe(401);
    const s = await pairMovementStation(t, { station: 'ERP-S' });
    expect((await s.api.get('/api/v1/erp/movements')).status).toBe(401);
    expect((await feed('?after=abc')).status).toBe(400);
  });
});
