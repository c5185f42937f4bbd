import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult, PageOf, Price, PriceList, Problem, Product } from '@storelink/contracts';
import { createTestServer, type TestServer } from '@storelink/testing';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
  const res = await t.api.post<Product>('/api/v1/products', {
    code: 'PRD',
    name: 'Camiseta',
    skus: [{ code: 'A1' }, { code: 'A2' }, { code: 'A3' }, { code: 'A4', active: false }],
  });
  expect(res.status).toBe(201);
});
afterAll(() => t.close());

async function createList(code: string): Promise<PriceList> {
  const res = await t.api.post<PriceList>('/api/v1/price-lists', { code, name: `Tabela ${code}` });
  expect(res.status).toBe(201);
  return res.body;
}

function putPrices<T = ImportResult>(list: PriceList, contentType: string, payload: string) {
  return t.api.request<T>({
    method: 'PUT',
    url: `/api/v1/price-lists/${list.id}/prices`,
    headers: { 'content-type': contentType },
    payload,
  });
}

async function pricesOf(list: PriceList): Promise<Record<string, number>> {
  const page = await t.api.get<PageOf<Price>>(`/api/v1/price-lists/${list.id}/prices?limit=500`);
  return Object.fromEntries(page.body.items.map((p) => [p.skuCode, p.priceCents]));
}

async function countPriceChanges(listCode: string): Promise<number> {
  const rows = await t.server.database.db
    .selectFrom('changeLog')
    .select('cursor')
    .where('entity', '=', 'price')
    .where('scopeKey', '=', listCode)
    .execute();
  return rows.length;
}

describe('bulk prices', () => {
  it('upserts CSV prices, keeps good rows and reports unknown SKU, negative and non-integer prices by line', async () => {
    const list = await createList('CSV');
    await t.api.put(`/api/v1/price-lists/${list.id}/prices/A3`, { priceCents: 333 });
    const res = await putPrices(
      list,
      'text/csv; charset=utf-8',
      'skuCode,priceCents\nA1,1990\nNOPE,100\nA2,-5\nA4,12.5\nA2,2990\nA4,abc\nA4,4990\n',
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      received: 7,
      upserted: 3,
      failed: 4,
      errors: [
        { line: 3, code: 'validation_failed', detail: expect.stringContaining('NOPE') },
        { line: 4, code: 'validation_failed', detail: 'priceCents: must be at least 0' },
        { line: 5, code: 'validation_failed', detail: 'priceCents: must be an integer' },
        { line: 7, code: 'validation_failed', detail: 'priceCents: must be an integer' },
      ],
    });
    // Prices the file does not list are left as they were; an inactive SKU still gets its price.
    expect(await pricesOf(list)).toEqual({ A1: 1990, A2: 2990, A3: 333, A4: 4990 });
  });

  it('takes NDJSON, one price per line, with line numbers counting blank lines', async () => {
    const list = await createList('NDJ');
    const res = await putPrices(
      list,
      'application/x-ndjson',
      '{"skuCode":"A1","priceCents":100}\n\n{"skuCode":"A2","priceCents":-1}\n{"skuCode":"A3"\n{"skuCode":"A3","priceCents":300,"x":1}\n{"skuCode":"ZZ","priceCents":1}\n{"skuCode":"A3","priceCents":300}',
    );
    expect(res.body).toMatchObject({ received: 6, upserted: 2, failed: 4 });
    expect(res.body.errors.map((e) => [e.line, e.code])).toEqual([
      [3, 'validation_failed'],
      [4, 'validation_failed'],
      [5, 'validation_failed'],
      [6, 'validation_failed'],
    ]);
    expect(res.body.errors[1]?.detail).toContain('not valid JSON');
    expect(res.body.errors[2]?.detail).toContain('x: is not a known field');
    expect(await pricesOf(list)).toEqual({ A1: 100, A3: 300 });
  });

  it('takes a JSON array, numbering items from 1, and refuses a body that is not an array', async () => {
    const list = await createList('JSN');
    const res = await t.api.put<ImportResult>(`/api/v1/price-lists/${list.id}/prices`, [
      { skuCode: 'A1', priceCents: 10 },
      { skuCode: 'A2', priceCents: 1.5 },
      { skuCode: 'NOPE', priceCents: 10 },
      { skuCode: 'A2', priceCents: 20 },
    ]);
    expect(res.body).toMatchObject({ received: 4, upserted: 2, failed: 2 });
    expect(res.body.errors.map((e) => e.line)).toEqual([2, 3]);
    expect(await pricesOf(list)).toEqual({ A1: 10, A2: 20 });
    const notArray = await t.api.put<Problem>(`/api/v1/price-lists/${list.id}/prices`, { skuCode: 'A1' });
    expect(notArray.status).toBe(400);
  });

  it('writes a change only for prices whose value changed', async () => {
    const list = await createList('DELTA');
    await putPrices(list, 'text/csv', 'skuCode,priceCents\nA1,100\nA2,200\nA3,300\n');
    expect(await countPriceChanges('DELTA')).toBe(3);
    const again = await putPrices(list, 'text/csv', 'skuCode,priceCents\nA1,100\nA2,200\nA3,300\n');
    expect(again.body).toMatchObject({ received: 3, upserted: 3, failed: 0 });
    expect(await countPriceChanges('DELTA')).toBe(3);
    await putPrices(
      list,
      'application/x-ndjson',
      '{"skuCode":"A1","priceCents":100}\n{"skuCode":"A2","priceCents":250}\n',
    );
    expect(await countPriceChanges('DELTA')).toBe(4);
    const last = await t.server.database.db
      .selectFrom('changeLog')
      .select(['entityKey', 'data'])
      .where('scopeKey', '=', 'DELTA')
      .orderBy('cursor', 'desc')
      .executeTakeFirstOrThrow();
    expect(last).toEqual({ entityKey: 'A2', data: '{"skuCode":"A2","priceCents":250}' });
  });

  it('writes one audit entry per batch with its counts', async () => {
    const list = await createList('AUD');
    await putPrices(list, 'text/csv', 'skuCode,priceCents\nA1,1\nNOPE,2\nA2,3\n');
    const entries = await t.server.database.db
      .selectFrom('auditLog')
      .select(['action', 'details'])
      .where('entityId', '=', list.id)
      .where('action', '=', 'price.import')
      .execute();
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0]?.details ?? '{}')).toMatchObject({
      priceListCode: 'AUD',
      rowsUpserted: 2,
      rowsFailed: 1,
      pricesChanged: 2,
      fromLine: 2,
      toLine: 4,
    });
  });

  it('refuses a CSV whose header is not skuCode,priceCents, writing nothing', async () => {
    const list = await createList('HDR');
    const res = await putPrices<Problem>(list, 'text/csv', 'sku,price\nA1,100\n');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.detail).toContain('skuCode,priceCents');
    expect(await pricesOf(list)).toEqual({});
  });

  it('answers not_found for an unknown price list', async () => {
    const res = await t.api.request<Problem>({
      method: 'PUT',
      url: '/api/v1/price-lists/01890000-0000-7000-8000-000000000000/prices',
      headers: { 'content-type': 'text/csv' },
      payload: 'skuCode,priceCents\nA1,1\n',
    });
    expect(res.status).toBe(404);
  });
});
