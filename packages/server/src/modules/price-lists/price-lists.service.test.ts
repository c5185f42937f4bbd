import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageOf, Price, PriceList, Problem, Product } from '@storelink/contracts';
import { createTestServer, type TestServer } from '@storelink/testing';
import { priceSnapshotSource } from './price-lists.sync';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
  const res = await t.api.post<Product>('/api/v1/products', {
    code: 'PRD1',
    name: 'Camiseta',
    skus: [{ code: 'SKU-A' }, { code: 'SKU-B' }, { code: 'SKU-C', active: false }, { code: 'OTHER-1' }],
  });
  expect(res.status).toBe(201);
});
afterAll(() => t.close());

async function createList(code: string, name = `Tabela ${code}`): Promise<PriceList> {
  const res = await t.api.post<PriceList>('/api/v1/price-lists', { code, name });
  expect(res.status).toBe(201);
  return res.body;
}

function priceChanges(listCode: string) {
  return t.server.database.db
    .selectFrom('changeLog')
    .selectAll()
    .where('entity', '=', 'price')
    .where('scopeKind', '=', 'priceList')
    .where('scopeKey', '=', listCode)
    .orderBy('cursor')
    .execute();
}

/** A station group is not this module's resource: it is written straight into the table. */
async function insertGroup(code: string, priceListCode: string, active: 0 | 1) {
  const db = t.server.database.db;
  const at = new Date().toISOString();
  await db
    .insertInto('stores')
    .values({
      id: crypto.randomUUID(),
      code: `ST-${code}`,
      name: 'Loja',
      taxId: null,
      timezone: 'America/Sao_Paulo',
      active: 1,
      createdAt: at,
      updatedAt: at,
    })
    .execute();
  await db
    .insertInto('stationGroups')
    .values({
      id: crypto.randomUUID(),
      code,
      name: `Grupo ${code}`,
      storeCode: `ST-${code}`,
      priceListCode,
      integrationEnabled: 1,
      syncIntervalSeconds: 60,
      heartbeatSeconds: 30,
      offlineAlertMinutes: 15,
      maxCashierDiscountBp: 0,
      paymentTypeCodes: '[]',
      financialReasonCodes: '[]',
      cancelRequiresSupervisor: 0,
      active,
      createdAt: at,
      updatedAt: at,
    })
    .execute();
}

describe('price lists', () => {
  it('creates, reads, renames, lists and deactivates a price list, idempotently', async () => {
    const list = await createList('VAREJO', 'Varejo');
    expect(list).toMatchObject({ code: 'VAREJO', name: 'Varejo', active: true });
    expect((await t.api.get<PriceList>(`/api/v1/price-lists/${list.id}`)).body).toEqual(list);
    const renamed = await t.api.patch<PriceList>(`/api/v1/price-lists/${list.id}`, { name: 'Varejo SP' });
    expect(renamed.body).toEqual({ ...list, name: 'Varejo SP' });
    const found = await t.api.get<PageOf<PriceList>>('/api/v1/price-lists?q=varejo');
    expect(found.body.items.map((l) => l.code)).toEqual(['VAREJO']);
    const first = await t.api.delete<PriceList>(`/api/v1/price-lists/${list.id}`);
    const second = await t.api.delete<PriceList>(`/api/v1/price-lists/${list.id}`);
    expect(first.body.active).toBe(false);
    expect(second.body).toEqual(first.body);
    const inactive = await t.api.get<PageOf<PriceList>>('/api/v1/price-lists?active=false');
    expect(inactive.body.items.map((l) => l.code)).toContain('VAREJO');
  });

  it('refuses a duplicate code and a code change', async () => {
    const list = await createList('DUPL');
    const again = await t.api.post<Problem>('/api/v1/price-lists', { code: 'DUPL', name: 'Outra' });
    expect(again.status).toBe(409);
    const codeChange = await t.api.patch<Problem>(`/api/v1/price-lists/${list.id}`, { code: 'DUPL2' });
    expect(codeChange.status).toBe(400);
  });

  it('refuses to deactivate a list an active station group uses, and allows it once the group is inactive', async () => {
    const list = await createList('EMUSO');
    await insertGroup('GRP-ATIVO', 'EMUSO', 1);
    const refused = await t.api.delete<Problem>(`/api/v1/price-lists/${list.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('conflict');
    expect(refused.body.detail).toContain('GRP-ATIVO');
    const viaPatch = await t.api.patch<Problem>(`/api/v1/price-lists/${list.id}`, { active: false });
    expect(viaPatch.status).toBe(409);
    expect((await t.api.get<PriceList>(`/api/v1/price-lists/${list.id}`)).body.active).toBe(true);

    await t.server.database.db
      .updateTable('stationGroups')
      .set({ active: 0 })
      .where('code', '=', 'GRP-ATIVO')
      .execute();
    const allowed = await t.api.delete<PriceList>(`/api/v1/price-lists/${list.id}`);
    expect(allowed.status).toBe(200);
    expect(allowed.body.active).toBe(false);
  });

  it('sets one price and records a change scoped to the list with exactly {skuCode, priceCents}', async () => {
    const list = await createList('UNIT');
    const set = await t.api.put<Price>(`/api/v1/price-lists/${list.id}/prices/SKU-A`, { priceCents: 4990 });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ skuCode: 'SKU-A', priceCents: 4990 });
    const changes = await priceChanges('UNIT');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ entityKey: 'SKU-A', op: 'upsert' });
    expect(changes[0]?.data).toBe('{"skuCode":"SKU-A","priceCents":4990}');
  });

  it('writes no change row when a price is set to the value it has', async () => {
    const list = await createList('SAME');
    await t.api.put(`/api/v1/price-lists/${list.id}/prices/SKU-A`, { priceCents: 1000 });
    const again = await t.api.put<Price>(`/api/v1/price-lists/${list.id}/prices/SKU-A`, { priceCents: 1000 });
    expect(again.body).toEqual({ skuCode: 'SKU-A', priceCents: 1000 });
    expect(await priceChanges('SAME')).toHaveLength(1);
    await t.api.put(`/api/v1/price-lists/${list.id}/prices/SKU-A`, { priceCents: 1100 });
    expect(await priceChanges('SAME')).toHaveLength(2);
  });

  it('answers not_found for an unknown SKU or list and validation_failed for a bad price', async () => {
    const list = await createList('ERRS');
    const sku = await t.api.put<Problem>(`/api/v1/price-lists/${list.id}/prices/NOPE`, { priceCents: 100 });
    expect(sku.status).toBe(404);
    expect(sku.body.detail).toContain('NOPE');
    const missingList = await t.api.put<Problem>(
      '/api/v1/price-lists/01890000-0000-7000-8000-000000000000/prices/SKU-A',
      { priceCents: 100 },
    );
    expect(missingList.status).toBe(404);
    for (const priceCents of [-1, 10.5, '100']) {
      const bad = await t.api.put<Problem>(`/api/v1/price-lists/${list.id}/prices/SKU-A`, { priceCents });
      expect(bad.status).toBe(400);
      expect(bad.body.errors?.[0]?.path).toBe('priceCents');
    }
    expect(await priceChanges('ERRS')).toHaveLength(0);
  });

  it('lists prices by SKU code, pages them and filters by code prefix', async () => {
    const list = await createList('PAGED');
    for (const [sku, cents] of [
      ['SKU-B', 200],
      ['SKU-A', 100],
      ['OTHER-1', 900],
      ['SKU-C', 300],
    ] as const) {
      await t.api.put(`/api/v1/price-lists/${list.id}/prices/${sku}`, { priceCents: cents });
    }
    const seen: Price[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/price-lists/${list.id}/prices?q=sku-&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { body: PageOf<Price> } = await t.api.get<PageOf<Price>>(url);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([
      { skuCode: 'SKU-A', priceCents: 100 },
      { skuCode: 'SKU-B', priceCents: 200 },
      { skuCode: 'SKU-C', priceCents: 300 },
    ]);
  });

  it('snapshots every price of the station group list, inactive SKUs included', async () => {
    const list = await createList('SNAP');
    await t.api.put(`/api/v1/price-lists/${list.id}/prices/SKU-A`, { priceCents: 100 });
    await t.api.put(`/api/v1/price-lists/${list.id}/prices/SKU-C`, { priceCents: 300 });
    const other = await createList('SNAP-OTHER');
    await t.api.put(`/api/v1/price-lists/${other.id}/prices/SKU-B`, { priceCents: 999 });
    const scope = { stationCode: 'S1', groupCode: 'G1', storeCode: 'L1', priceListCode: 'SNAP' };
    const records: { key: string; data: unknown }[] = [];
    for await (const batch of priceSnapshotSource.read(t.server.database.db, scope)) records.push(...batch);
    expect(records).toEqual([
      { key: 'SKU-A', data: { skuCode: 'SKU-A', priceCents: 100 } },
      { key: 'SKU-C', data: { skuCode: 'SKU-C', priceCents: 300 } },
    ]);
  });
});
