import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, AuditVerifyResult, PageOf, Store } from '@storelink/contracts';
import { createTestServer, type TestServer } from '@storelink/testing';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
afterAll(() => t.close());

describe('admin audit', () => {
  it('records who changed what, with before and after', async () => {
    const { body: store } = await t.api.post<Store>('/api/v1/stores', { code: 'AU01', name: 'Antes' });
    await t.api.patch(`/api/v1/stores/${store.id}`, { name: 'Depois' });
    const page = await t.api.get<PageOf<AuditEntry>>(`/api/v1/audit?action=store.update`);
    const entry = page.body.items.find((e) => e.entityId === store.id);
    expect(entry).toMatchObject({
      actor: 'admin',
      action: 'store.update',
      entity: 'store',
      before: { name: 'Antes' },
      after: { name: 'Depois' },
    });
  });

  it('verifies the chain, and names the entry edited directly in the database', async () => {
    for (let i = 0; i < 5; i += 1) await t.api.post('/api/v1/stores', { code: `AV${i}`, name: `Loja ${i}` });
    const clean = await t.api.get<AuditVerifyResult>('/api/v1/audit/verify');
    expect(clean.body.ok).toBe(true);
    expect(clean.body.checked).toBeGreaterThanOrEqual(7);

    const target = await t.server.database.db
      .selectFrom('auditLog')
      .select(['id', 'seq', 'after'])
      .where('action', '=', 'store.create')
      .where('entity', '=', 'store')
      .orderBy('seq')
      .offset(2)
      .limit(1)
      .executeTakeFirstOrThrow();
    const forged = (target.after ?? '').replace('Loja', 'Loja falsa');
    await t.server.database.db
      .updateTable('auditLog')
      .set({ after: forged })
      .where('id', '=', target.id)
      .execute();

    const broken = await t.api.get<AuditVerifyResult>('/api/v1/audit/verify');
    expect(broken.body.ok).toBe(false);
    expect(broken.body.brokenAt).toMatchObject({ chain: 'admin', seq: Number(target.seq), id: target.id });
  });

  it('detects a deleted last entry', async () => {
    const fresh = await (await import('@storelink/testing')).createTestServer();
    try {
      await fresh.api.post('/api/v1/stores', { code: 'D1', name: 'Um' });
      await fresh.api.post('/api/v1/stores', { code: 'D2', name: 'Dois' });
      const last = await fresh.server.database.db
        .selectFrom('auditLog')
        .select('id')
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      await fresh.server.database.db.deleteFrom('auditLog').where('id', '=', last.id).execute();
      const result = await fresh.api.get<AuditVerifyResult>('/api/v1/audit/verify');
      expect(result.body).toMatchObject({ ok: false, brokenAt: { chain: 'admin', seq: 2 } });
    } finally {
      await fresh.close();
    }
  });
});
