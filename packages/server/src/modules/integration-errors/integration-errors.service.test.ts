import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AuditEntry,
  ErpFeedPage,
  IntegrationError,
  IntegrationErrorReprocessResult,
  MovementEnvelope,
  PageOf,
  SaleCompletedPayload,
} from '@storelink/contracts';
import {
  createTestServer,
  loginAs,
  pairMovementStation,
  salePayload,
  seedMovementMasterData,
  type MovementStation,
  type TestServer,
} from '@storelink/testing';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
  await seedMovementMasterData(t);
});
afterAll(() => t.close());

const db = () => t.server.database.db;
let n = 0;
const station = () => pairMovementStation(t, { station: `IE-${(n += 1)}` });

/** Sends one movement with an unknown SKU and answers its open integration error. */
async function quarantineOne(
  s: MovementStation,
): Promise<{ error: IntegrationError; sale: SaleCompletedPayload }> {
  const sale = salePayload({ items: [{ skuCode: 'GHOST-SKU' }] });
  const movement = s.movement('sale.completed', sale);
  await s.send([movement]);
  const list = await t.api.get<PageOf<IntegrationError>>(
    `/api/v1/integration-errors?stationId=${s.stationId}&status=open`,
  );
  const error = list.body.items.find((e) => e.movementId === movement.id);
  if (!error) throw new Error('no integration error');
  return { error, sale };
}

const fixed = (sale: SaleCompletedPayload): SaleCompletedPayload => ({
  ...sale,
  items: sale.items.map((i) => ({ ...i, skuCode: 'SKU-3' })),
});

describe('integration errors (SPEC §5, §12.3)', () => {
  it('quarantines one bad movement among 1,000, books the 999, and books it too once edited and reprocessed', async () => {
    const s = await station();
    const movements: MovementEnvelope[] = [];
    let bad: MovementEnvelope | undefined;
    for (let i = 1; i <= 1000; i += 1) {
      const sale =
        i === 500
          ? salePayload({ number: i, items: [{ skuCode: 'GHOST-SKU' }] })
          : salePayload({ number: i });
      const m = s.movement('sale.completed', sale);
      if (i === 500) bad = m;
      movements.push(m);
    }
    const replies = [await s.send(movements.slice(0, 500)), await s.send(movements.slice(500))];
    const results = replies.flatMap((r) => r.body.results);
    expect(replies.map((r) => r.body.ackedThrough)).toEqual([500, 1000]);
    expect(results.filter((r) => r.status === 'accepted')).toHaveLength(999);
    expect(results.filter((r) => r.status === 'quarantined')).toEqual([
      expect.objectContaining({ seq: 500, code: 'unknown_sku' }),
    ]);

    const list = await t.api.get<PageOf<IntegrationError>>(
      `/api/v1/integration-errors?stationId=${s.stationId}`,
    );
    expect(list.body.items).toHaveLength(1);
    const error = list.body.items[0] as IntegrationError;
    expect(error).toMatchObject({
      movementId: bad?.id,
      seq: 500,
      type: 'sale.completed',
      code: 'unknown_sku',
      status: 'open',
      stationCode: s.stationCode,
    });
    expect(error.payload).toEqual(bad?.payload);
    expect(error.history).toEqual([expect.objectContaining({ action: 'quarantine', actor: s.stationCode })]);

    const payload = fixed(bad?.payload as SaleCompletedPayload);
    const edited = await t.api.put<IntegrationError>(`/api/v1/integration-errors/${error.id}/payload`, {
      payload,
      reason: 'SKU code typed wrong at the register',
    });
    expect(edited.status).toBe(200);
    expect(edited.body.payload).toEqual(payload);
    const reprocessed = await t.api.post<IntegrationErrorReprocessResult>(
      `/api/v1/integration-errors/${error.id}/reprocess`,
    );
    expect(reprocessed.status).toBe(200);
    expect(reprocessed.body.outcome).toBe('accepted');
    expect(reprocessed.body.error.status).toBe('reprocessed');
    expect(reprocessed.body.error.history.map((h) => h.action)).toEqual(['quarantine', 'edit', 'reprocess']);

    expect(
      await db().selectFrom('sales').where('stationId', '=', s.stationId).select('id').execute(),
    ).toHaveLength(1000);
    const audit = await t.api.get<PageOf<AuditEntry>>('/api/v1/audit?action=integration_error.edit');
    const entry = audit.body.items.find((e) => e.entityId === error.id);
    expect(entry).toMatchObject({
      actor: 'admin',
      stationId: s.stationId,
      before: { payload: bad?.payload },
      after: { payload },
    });
    expect(entry?.details).toMatchObject({ reason: 'SKU code typed wrong at the register' });

    const feed = await t.api.get<ErpFeedPage>('/api/v1/erp/movements?limit=1000&after=0');
    const all: ErpFeedPage['items'] = [...feed.body.items];
    if (feed.body.hasMore)
      all.push(
        ...(await t.api.get<ErpFeedPage>(`/api/v1/erp/movements?limit=1000&after=${feed.body.cursor}`)).body
          .items,
      );
    const last = all[all.length - 1];
    expect(last?.movement).toMatchObject({ id: bad?.id, seq: 500, payload });
  });

  it('keeps an error open with the new code when the reprocessed payload still fails', async () => {
    const s = await station();
    const { error, sale } = await quarantineOne(s);
    await t.api.put(`/api/v1/integration-errors/${error.id}/payload`, {
      payload: { ...fixed(sale), sellerCode: 'NOBODY' },
      reason: 'half fixed',
    });
    const res = await t.api.post<IntegrationErrorReprocessResult>(
      `/api/v1/integration-errors/${error.id}/reprocess`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      outcome: 'quarantined',
      error: { status: 'open', code: 'unknown_seller', detail: expect.stringMatching(/NOBODY/) },
    });
    const movement = await db()
      .selectFrom('movements')
      .selectAll()
      .where('id', '=', error.movementId)
      .executeTakeFirstOrThrow();
    expect(movement).toMatchObject({ status: 'quarantined', errorCode: 'unknown_seller', erpCursor: null });
    expect(JSON.parse(movement.payload)).toEqual(sale);
  });

  it('resolves an error without booking it, and refuses to touch it afterwards', async () => {
    const s = await station();
    const { error } = await quarantineOne(s);
    const resolved = await t.api.post<IntegrationError>(`/api/v1/integration-errors/${error.id}/resolve`, {
      note: 'sale re-entered by hand',
    });
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      history: [{ action: 'quarantine' }, { action: 'resolve', reason: 'sale re-entered by hand' }],
    });
    expect((await t.api.post(`/api/v1/integration-errors/${error.id}/reprocess`)).status).toBe(409);
    expect(
      (await t.api.put(`/api/v1/integration-errors/${error.id}/payload`, { payload: {}, reason: 'x' }))
        .status,
    ).toBe(409);
    const movement = await db()
      .selectFrom('movements')
      .select(['status', 'erpCursor'])
      .where('id', '=', error.movementId)
      .executeTakeFirstOrThrow();
    expect(movement).toEqual({ status: 'quarantined', erpCursor: null });
  });

  it('refuses to reprocess a duplicate_mismatch: the seq is held by the booked movement', async () => {
    const s = await station();
    const original = s.movement('sale.completed', salePayload());
    await s.send([original]);
    const other = salePayload();
    s.nextSeq = 1;
    await s.send([{ ...s.movement('sale.completed', other), id: original.id }]);
    const list = await t.api.get<PageOf<IntegrationError>>(
      `/api/v1/integration-errors?stationId=${s.stationId}&code=duplicate_mismatch`,
    );
    const id = list.body.items[0]?.id ?? '';
    const res = await t.api.post<{ code: string; detail: string }>(
      `/api/v1/integration-errors/${id}/reprocess`,
    );
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/resolve/);
  });

  it('lets auditors read and operators fix; lists page by page, filtered', async () => {
    const s = await station();
    await quarantineOne(s);
    await quarantineOne(s);
    const auditor = await loginAs(t, 'ie-auditor', 'auditor');
    const page1 = await auditor.get<PageOf<IntegrationError>>(
      `/api/v1/integration-errors?stationId=${s.stationId}&limit=1`,
    );
    expect(page1.status).toBe(200);
    expect(page1.body.items).toHaveLength(1);
    const page2 = await auditor.get<PageOf<IntegrationError>>(
      `/api/v1/integration-errors?stationId=${s.stationId}&limit=1&cursor=${page1.body.nextCursor ?? ''}`,
    );
    expect(page2.body.items).toHaveLength(1);
    expect(page2.body.items[0]?.id).not.toBe(page1.body.items[0]?.id);
    expect(page2.body.nextCursor).toBeNull();
    const one = await auditor.get<IntegrationError>(
      `/api/v1/integration-errors/${page1.body.items[0]?.id ?? ''}`,
    );
    expect(one.body.code).toBe('unknown_sku');
    expect(
      (await auditor.post(`/api/v1/integration-errors/${one.body.id}/resolve`, { note: 'x' })).status,
    ).toBe(403);
    expect(
      (
        await t.api.get(
          `/api/v1/integration-errors?code=unknown_sku&status=resolved&stationId=${s.stationId}`,
        )
      ).body,
    ).toEqual({ items: [], nextCursor: null });
    expect((await t.api.get('/api/v1/integration-errors/0192f0c5-0000-7000-8000-000000000000')).status).toBe(
      404,
    );
  });

  it('counts open errors for monitoring, and movements by outcome', async () => {
    const res = await t.anonymous.get<string>('/metrics');
    expect(res.body).toMatch(/storelink_integration_errors_open \d+/);
    expect(res.body).toMatch(/storelink_movements_total\{status="accepted"\} \d+/);
    const open = Number(/storelink_integration_errors_open (\d+)/.exec(res.body)?.[1]);
    const counted = await db()
      .selectFrom('integrationErrors')
      .select('id')
      .where('status', '=', 'open')
      .execute();
    expect(open).toBe(counted.length);
  });
});
