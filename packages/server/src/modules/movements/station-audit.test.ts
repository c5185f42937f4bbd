import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, AuditVerifyResult, PageOf } from '@storelink/contracts';
import { stationAuditChain } from '@storelink/domain';
import {
  createTestServer,
  pairMovementStation,
  seedMovementMasterData,
  type MovementStation,
  type TestServer,
} from '@storelink/testing';

let t: TestServer;
let s: MovementStation;
beforeAll(async () => {
  t = await createTestServer();
  await seedMovementMasterData(t);
  s = await pairMovementStation(t, { station: 'AUD-1' });
});
afterAll(() => t.close());

describe('station audit events', () => {
  it("joins the station's chain with the station's own hashes, readable by station and verified", async () => {
    const events = [
      s.auditEvent('till.open', { floatCents: 10_000 }),
      s.auditEvent('sale.cancel', { saleId: 'x', supervisor: 'SUP1' }, { operatorCode: 'SUP1' }),
      s.auditEvent('login.failed', null, { operatorCode: 'nobody' }),
    ];
    const res = await s.send(events);
    expect(res.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);

    const audit = await t.api.get<PageOf<AuditEntry>>(`/api/v1/audit?stationId=${s.stationId}`);
    const chain = stationAuditChain('AUD-1', s.incarnation);
    const mine = audit.body.items.filter((e) => e.chain === chain).sort((a, b) => a.seq - b.seq);
    expect(mine.map((e) => [e.seq, e.action, e.actor])).toEqual([
      [1, 'till.open', 'OP1'],
      [2, 'sale.cancel', 'SUP1'],
      [3, 'login.failed', 'nobody'],
    ]);
    expect(mine[0]).toMatchObject({ details: { floatCents: 10_000 }, stationId: s.stationId });
    expect(mine.map((e) => e.hash)).toEqual(events.map((e) => (e.payload as { hash: string }).hash));
    expect(mine[1]?.prevHash).toBe(mine[0]?.hash);

    const verified = await t.api.get<AuditVerifyResult>('/api/v1/audit/verify');
    expect(verified.body.ok).toBe(true);
    expect(verified.body.checked).toBeGreaterThanOrEqual(3);
  });

  it('quarantines an event whose hash does not match its content', async () => {
    const event = s.auditEvent('discount.manual', { bp: 500 });
    event.payload = { ...(event.payload as object), details: { bp: 5000 } };
    event.payloadHash = s.movement('audit.event', event.payload as never).payloadHash;
    s.nextSeq -= 1;
    const res = await s.send([event]);
    expect(res.body.results[0]).toMatchObject({
      status: 'quarantined',
      code: 'invalid_payload',
      detail: expect.stringMatching(/hash/),
    });
  });

  it('reports an edited station event at verify, naming its chain and seq', async () => {
    const chain = stationAuditChain('AUD-1', s.incarnation);
    await t.server.database.db
      .updateTable('auditLog')
      .set({ details: JSON.stringify({ floatCents: 1 }) })
      .where('chain', '=', chain)
      .where('seq', '=', 1)
      .execute();
    const verified = await t.api.get<AuditVerifyResult>('/api/v1/audit/verify');
    expect(verified.body).toMatchObject({ ok: false, brokenAt: { chain, seq: 1 } });
  });
});
