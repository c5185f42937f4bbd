import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageOf, Problem, Seller } from '@storelink/contracts';
import {
  auditOf,
  changesOf,
  createStore,
  createTestServer,
  loginAs,
  type TestServer,
} from '@storelink/testing';
import type { StationScope, SyncRecord } from '../../sync/snapshot-source';
import { sellerSnapshotSource } from './sellers.sync';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
  for (const code of ['SP01', 'RJ01', 'SP_1', 'SPA1', 'sp01']) await createStore(t, code);
});
afterAll(() => t.close());

async function createSeller(code: string, storeCodes?: string[]) {
  const res = await t.api.post<Seller>('/api/v1/sellers', { code, name: `Vendedor ${code}`, storeCodes });
  expect(res.status).toBe(201);
  return res.body;
}

async function snapshotCodes(storeCode: string): Promise<string[]> {
  const scope: StationScope = { stationCode: 'X', groupCode: 'G', storeCode, priceListCode: 'P' };
  const records: SyncRecord[] = [];
  for await (const batch of sellerSnapshotSource.read(t.server.database.db, scope)) records.push(...batch);
  return records.map((r) => r.key);
}

describe('sellers', () => {
  it('creates a seller of every store by default and reads it back', async () => {
    const seller = await createSeller('V-ALL');
    expect(seller).toEqual({
      id: expect.any(String),
      code: 'V-ALL',
      name: 'Vendedor V-ALL',
      storeCodes: [],
      active: true,
    });
    expect((await t.api.get<Seller>(`/api/v1/sellers/${seller.id}`)).body).toEqual(seller);
  });

  it('refuses unknown stores by position, duplicates and unknown fields', async () => {
    const unknown = await t.api.post<Problem>('/api/v1/sellers', {
      code: 'V-BAD',
      name: 'X',
      storeCodes: ['SP01', 'NOPE'],
    });
    expect(unknown.body).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'storeCodes[1]', message: 'no store has code NOPE' }],
    });
    await createSeller('V-DUP');
    expect((await t.api.post<Problem>('/api/v1/sellers', { code: 'V-DUP', name: 'Y' })).status).toBe(409);
    const extra = await t.api.post<Problem>('/api/v1/sellers', { code: 'V-X', name: 'X', commissionBp: 100 });
    expect(extra.body.errors).toEqual([
      { path: 'commissionBp', message: expect.stringContaining('not a known field') },
    ]);
    const repeated = await t.api.post<Problem>('/api/v1/sellers', {
      code: 'V-R',
      name: 'X',
      storeCodes: ['SP01', 'SP01'],
    });
    expect(repeated.body.code).toBe('validation_failed');
  });

  it('moves between scopes as its stores change: deletes where it left, upserts where it is', async () => {
    const seller = await createSeller('V-SCOPE');
    const patched = await t.api.patch<Seller>(`/api/v1/sellers/${seller.id}`, {
      storeCodes: ['SP01', 'RJ01'],
    });
    expect(patched.body).toEqual({ ...seller, storeCodes: ['SP01', 'RJ01'] });
    await t.api.patch(`/api/v1/sellers/${seller.id}`, { storeCodes: ['RJ01'] });
    const bad = await t.api.patch<Problem>(`/api/v1/sellers/${seller.id}`, { name: 'Z', storeCodes: ['XX'] });
    expect(bad.status).toBe(400);
    await t.api.delete(`/api/v1/sellers/${seller.id}`);
    const again = await t.api.delete<Seller>(`/api/v1/sellers/${seller.id}`);
    expect(again.body).toMatchObject({ active: false, name: 'Vendedor V-SCOPE', storeCodes: ['RJ01'] });

    const changes = await changesOf(t, 'seller', 'V-SCOPE');
    expect(changes.map((c) => `${c.op} ${c.scopeKind}:${c.scopeKey}`)).toEqual([
      'upsert global:',
      'delete global:',
      'upsert store:SP01',
      'upsert store:RJ01',
      'delete store:SP01',
      'upsert store:RJ01',
      'delete store:RJ01',
    ]);
    const audit = await auditOf(t, seller.id);
    expect(audit.map((a) => a.action)).toEqual([
      'seller.create',
      'seller.update',
      'seller.update',
      'seller.deactivate',
    ]);
  });

  it('snapshots the sellers of the station store and of every store, matching store codes exactly', async () => {
    await createSeller('V-SNAP-ALL');
    await createSeller('V-SNAP-SP', ['SP01']);
    await createSeller('V-SNAP-UND', ['SP_1']);
    await createSeller('V-SNAP-A', ['SPA1']);
    await createSeller('V-SNAP-LOW', ['sp01']);
    const off = await createSeller('V-SNAP-OFF', ['SP01']);
    await t.api.delete(`/api/v1/sellers/${off.id}`);

    const sp01 = (await snapshotCodes('SP01')).filter((c) => c.startsWith('V-SNAP'));
    expect(sp01).toEqual(['V-SNAP-ALL', 'V-SNAP-SP']);
    const underscore = (await snapshotCodes('SP_1')).filter((c) => c.startsWith('V-SNAP'));
    expect(underscore).toEqual(['V-SNAP-ALL', 'V-SNAP-UND']);
    const lower = (await snapshotCodes('sp01')).filter((c) => c.startsWith('V-SNAP'));
    expect(lower).toEqual(['V-SNAP-ALL', 'V-SNAP-LOW']);
  });

  it('searches by code or name, filters by active, and pages', async () => {
    for (let i = 0; i < 5; i += 1)
      await t.api.post('/api/v1/sellers', { code: `PG${i}`, name: `Página ${i}` });
    const byName = await t.api.get<PageOf<Seller>>('/api/v1/sellers?q=página%203');
    expect(byName.body.items.map((s) => s.code)).toEqual(['PG3']);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/sellers?q=PG&active=true&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { body: PageOf<Seller> } = await t.api.get<PageOf<Seller>>(url);
      seen.push(...page.body.items.map((s) => s.code));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['PG0', 'PG1', 'PG2', 'PG3', 'PG4']);
    const inactive = await t.api.get<PageOf<Seller>>('/api/v1/sellers?active=false');
    expect(inactive.body.items.every((s) => !s.active)).toBe(true);
    expect(inactive.body.items.map((s) => s.code)).toContain('V-SCOPE');
  });

  it('lets an auditor read but not write', async () => {
    const auditor = await loginAs(t, 'auditor-sellers', 'auditor');
    expect((await auditor.get('/api/v1/sellers')).status).toBe(200);
    expect((await auditor.post('/api/v1/sellers', { code: 'V-AUD', name: 'A' })).status).toBe(403);
  });
});
