import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult, PageOf, Problem, Product } from '@storelink/contracts';
import {
  TEST_ADMIN_PASSWORD,
  createTestDatabase,
  createTestServer,
  type TestDatabase,
  type TestServer,
} from '@storelink/testing';
import { buildServer, type StorelinkServer } from '../../app';
import { openDatabase } from '../../db/database';
import { IMPORT_BATCH_PRODUCTS } from './products.import';

const HEADER = 'productCode,productName,brand,category,skuCode,color,size,barcodes,active';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
afterAll(() => t.close());

function importFile<T = ImportResult>(contentType: string, payload: string | Readable) {
  return t.api.request<T>({
    method: 'POST',
    url: '/api/v1/products/import',
    headers: { 'content-type': contentType },
    payload,
  });
}

const csv = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

async function product(code: string): Promise<Product | undefined> {
  const page = await t.api.get<PageOf<Product>>(`/api/v1/products?q=${code}&limit=500`);
  return page.body.items.find((p) => p.code === code);
}

function productChanges(codes: readonly string[]) {
  return t.server.database.db
    .selectFrom('changeLog')
    .select(['entityKey', 'op', 'data'])
    .where('entity', '=', 'product')
    .where('entityKey', 'in', codes)
    .orderBy('cursor')
    .execute();
}

describe('product import', () => {
  it('imports CSV rows grouped by product, keeping good rows and reporting bad ones by line', async () => {
    await t.api.post('/api/v1/products', {
      code: 'OWNER',
      name: 'Dono do código',
      skus: [{ code: 'OWNER-U', barcodes: ['7890000000001'] }],
    });
    const res = await importFile(
      'text/csv',
      csv(
        'CSV1,Camiseta gola V,Hering,Camisetas,CSV1-P,Branca,P,7891111111111;7891111111112,true',
        'CSV1,Camiseta gola V,Hering,Camisetas,CSV1-M,Branca,M,7891111111113,1',
        'CSV1,Camiseta gola V,Hering,Camisetas,CSV1-G,Branca,G,7890000000001,',
        'CSV2,,Hering,Camisetas,CSV2-U,,,,',
        'CSV3,Meia,,,CSV3-U,,,,talvez',
        'CSV4,Boné,,,CSV4-U,,,,false',
        'CSV4,Boné,,,CSV4-X,,,,0',
        'CSV5,Cinto,,,CSV5-U,Preto',
      ),
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      received: 8,
      upserted: 4,
      failed: 4,
      errors: [
        { line: 4, code: 'conflict', detail: expect.stringContaining('OWNER-U') },
        { line: 5, code: 'validation_failed', detail: 'productName: is required' },
        { line: 6, code: 'validation_failed', detail: 'active: must be true, false, 1, 0 or empty' },
        { line: 9, code: 'validation_failed', detail: expect.stringContaining('fields') },
      ],
    });
    expect(await product('CSV1')).toMatchObject({
      name: 'Camiseta gola V',
      brand: 'Hering',
      category: 'Camisetas',
      active: true,
      skus: [
        { code: 'CSV1-M', size: 'M', barcodes: ['7891111111113'], active: true },
        { code: 'CSV1-P', color: 'Branca', barcodes: ['7891111111111', '7891111111112'] },
      ],
    });
    expect(await product('CSV2')).toBeUndefined();
    // Every row of CSV4 is inactive: the product is imported inactive, and stations are told nothing.
    expect(await product('CSV4')).toMatchObject({
      active: false,
      skus: [{ active: false }, { active: false }],
    });
    const changes = await productChanges(['CSV1', 'CSV4']);
    expect(changes.map((c) => [c.entityKey, c.op])).toEqual([['CSV1', 'upsert']]);
    expect(JSON.parse(changes[0]?.data ?? '')).toEqual(await product('CSV1'));
  });

  it('imports NDJSON, one product per line, each line settled whole', async () => {
    const lines = [
      {
        code: 'ND1',
        name: 'Vestido',
        skus: [{ code: 'ND1-P', barcodes: ['7892222222221'] }, { code: 'ND1-M' }],
      },
      {
        code: 'ND2',
        name: 'Saia',
        skus: [{ code: 'ND2-U', barcodes: ['7890000000001'] }, { code: 'ND2-X' }],
      },
      { code: 'ND3', skus: [] },
      { code: 'ND4', name: 'Blusa', colour: 'azul' },
    ].map((l) => JSON.stringify(l));
    const res = await importFile('application/x-ndjson', [...lines, '{"code":', ''].join('\n'));
    expect(res.body).toMatchObject({ received: 5, upserted: 1, failed: 4 });
    expect(res.body.errors).toEqual([
      { line: 2, code: 'conflict', detail: expect.stringMatching(/^skus\[0\]\.barcodes: .*OWNER-U/) },
      { line: 3, code: 'validation_failed', detail: 'name: is required' },
      { line: 4, code: 'validation_failed', detail: 'colour: is not a known field; remove it' },
      { line: 5, code: 'validation_failed', detail: expect.stringContaining('not valid JSON') },
    ]);
    expect((await product('ND1'))?.skus.map((s) => s.code)).toEqual(['ND1-M', 'ND1-P']);
    // ND2 failed whole: its good SKU was not written either.
    expect(await product('ND2')).toBeUndefined();
  });

  it('upserts on re-import: changes are visible, nothing is duplicated, unchanged products write no change', async () => {
    const first = csv(
      'RE1,Polo,Lacoste,Polos,RE1-P,Azul,P,7893333333331,',
      'RE1,Polo,Lacoste,Polos,RE1-M,Azul,M,7893333333332,',
      'RE2,Regata,,Regatas,RE2-U,,,7893333333333,',
    );
    expect((await importFile('text/csv', first)).body).toMatchObject({ upserted: 3, failed: 0 });
    const before = await product('RE1');
    const second = csv(
      'RE1,Polo piquet,Lacoste,Polos,RE1-P,Azul marinho,P,7893333333334,',
      'RE2,Regata,,Regatas,RE2-U,,,7893333333333,',
    );
    expect((await importFile('text/csv', second)).body).toMatchObject({
      received: 2,
      upserted: 2,
      failed: 0,
    });
    const after = await product('RE1');
    expect(after).toMatchObject({ id: before?.id, name: 'Polo piquet' });
    expect(after?.skus).toEqual([
      before?.skus[0],
      { ...before?.skus[1], color: 'Azul marinho', barcodes: ['7893333333334'] },
    ]);
    const db = t.server.database.db;
    const counted = await db
      .selectFrom('skus')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('productCode', 'in', ['RE1', 'RE2'])
      .executeTakeFirstOrThrow();
    expect(Number(counted.n)).toBe(3);
    const changes = await productChanges(['RE1', 'RE2']);
    expect(changes.map((c) => c.entityKey)).toEqual(['RE1', 'RE2', 'RE1']);
    expect(JSON.parse(changes[2]?.data ?? '')).toEqual(after);
    // The barcode RE1-P gave up can be taken by another product.
    const reuse = await importFile('text/csv', csv('RE3,Bermuda,,,RE3-U,,,7893333333331,'));
    expect(reuse.body).toMatchObject({ upserted: 1, failed: 0 });
  });

  it('treats an import row as the whole record: empty cells clear fields, SKUs not in the file stay', async () => {
    await importFile(
      'text/csv',
      csv(
        'WH1,Jaqueta,Zara,Casacos,WH1-P,Preta,P,7894444444441,',
        'WH1,Jaqueta,Zara,Casacos,WH1-M,Preta,M,,',
      ),
    );
    const res = await importFile('text/csv', csv('WH1,Jaqueta,,Casacos,WH1-P,,P,,'));
    expect(res.body).toMatchObject({ upserted: 1, failed: 0 });
    const after = await product('WH1');
    expect(after?.brand).toBeUndefined();
    expect(after?.skus).toEqual([
      expect.objectContaining({ code: 'WH1-M', color: 'Preta' }),
      expect.objectContaining({ code: 'WH1-P', barcodes: [] }),
    ]);
    expect(after?.skus[1]?.color).toBeUndefined();
  });

  it('refuses moving a SKU to another product, row by row', async () => {
    await importFile('text/csv', csv('MV1,Tênis,,,MV1-40,,,,'));
    const res = await importFile('text/csv', csv('MV2,Sapato,,,MV2-40,,,,', 'MV2,Sapato,,,MV1-40,,,,'));
    expect(res.body).toMatchObject({ upserted: 1, failed: 1 });
    expect(res.body.errors).toEqual([{ line: 3, code: 'conflict', detail: expect.stringContaining('MV1') }]);
    expect((await product('MV2'))?.skus.map((s) => s.code)).toEqual(['MV2-40']);
    expect((await product('MV1'))?.skus.map((s) => s.code)).toEqual(['MV1-40']);
  });

  it('reports a row whose product fields disagree with the first row of its product', async () => {
    const res = await importFile('text/csv', csv('AG1,Calça,,,AG1-38,,,,', 'AG1,Calça jeans,,,AG1-40,,,,'));
    expect(res.body.errors).toEqual([
      {
        line: 3,
        code: 'validation_failed',
        detail: expect.stringContaining('productName: differs from line 2'),
      },
    ]);
  });

  it('writes in batches: one audit entry per batch with its counts, one change per product', async () => {
    const count = IMPORT_BATCH_PRODUCTS + 500;
    const rows = Array.from({ length: count }, (_, i) => {
      const n = String(i).padStart(5, '0');
      return `BIG${n},Produto ${n},,Lote,BIG${n}-U,,,20${n.padStart(11, '0')},`;
    });
    const res = await importFile('text/csv', Readable.from([csv(...rows)]));
    expect(res.body).toEqual({ received: count, upserted: count, failed: 0, errors: [] });
    const db = t.server.database.db;
    const changes = await db
      .selectFrom('changeLog')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('entity', '=', 'product')
      .where('entityKey', 'like', 'BIG%')
      .executeTakeFirstOrThrow();
    expect(Number(changes.n)).toBe(count);
    const audit = await db
      .selectFrom('auditLog')
      .select(['details'])
      .where('action', '=', 'product.import')
      .orderBy('seq')
      .execute();
    const batches = audit
      .map(
        (a) =>
          JSON.parse(a.details ?? '{}') as { productCodes: string[]; productsWritten: number; batch: number },
      )
      .filter((d) => d.productCodes[0]?.startsWith('BIG'));
    expect(batches.map((b) => [b.batch, b.productsWritten])).toEqual([
      [1, IMPORT_BATCH_PRODUCTS],
      [2, 500],
    ]);
    const verify = await t.api.get<{ ok: boolean }>('/api/v1/audit/verify');
    expect(verify.body.ok).toBe(true);
  });

  it('refuses a wrong header or an unknown content type, writing nothing', async () => {
    const header = await importFile<Problem>('text/csv', 'code,name\nHD1,Calça\n');
    expect(header.status).toBe(400);
    expect(header.body.detail).toContain(HEADER);
    const json = await t.api.post<Problem>('/api/v1/products/import', [{ code: 'HD2', name: 'X' }]);
    expect(json.status).toBe(400);
    expect(json.body.detail).toContain('text/csv');
    const xml = await importFile<Problem>('application/xml', '<products/>');
    expect(xml.status).toBe(400);
    expect(xml.body.detail).toContain('text/csv or application/x-ndjson');
    expect(await product('HD1')).toBeUndefined();
  });

  it('needs a write role', async () => {
    const res = await t.anonymous.request<Problem>({
      method: 'POST',
      url: '/api/v1/products/import',
      headers: { 'content-type': 'text/csv' },
      payload: csv('AN1,X,,,AN1-U,,,,'),
    });
    expect(res.status).toBe(401);
  });
});

describe('import body cap', () => {
  let testDb: TestDatabase;
  let server: StorelinkServer;
  let token: string;
  const CAP = 400;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    const database = await openDatabase({ databaseUrl: testDb.databaseUrl, dataDir: testDb.dataDir });
    server = await buildServer({ database, importLimitBytes: CAP });
    await server.services.auth.ensureAdmin(TEST_ADMIN_PASSWORD);
    const login = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: TEST_ADMIN_PASSWORD },
    });
    token = login.json<{ token: string }>().token;
  });
  afterAll(async () => {
    await server.close();
    await testDb.drop();
  });

  const send = (payload: string | Readable, headers: Record<string, string> = {}) =>
    server.app.inject({
      method: 'POST',
      url: '/api/v1/products/import',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', ...headers },
      payload,
    });

  it('imports a body under the cap', async () => {
    const res = await send(csv('CAP1,Meia,,,CAP1-U,,,,'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ upserted: 1 });
  });

  it('answers payload_too_large for a declared length over the cap, before reading it', async () => {
    const body = csv(...Array.from({ length: 20 }, (_, i) => `CAPL${i},Meia,,,CAPL${i}-U,,,,`));
    const res = await send(body);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'payload_too_large' });
    const written = await server.database.db
      .selectFrom('products')
      .select('code')
      .where('code', 'like', 'CAPL%')
      .execute();
    expect(written).toEqual([]);
  });

  it('answers payload_too_large when a streamed body without a length grows past the cap', async () => {
    const chunks = Array.from({ length: 20 }, (_, i) => `CAPS${i},Meia,,,CAPS${i}-U,,,,\n`);
    const res = await send(Readable.from([HEADER + '\n', ...chunks]));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'payload_too_large' });
  });
});
