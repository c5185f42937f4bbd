import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageOf, Problem, Product } from '@storelink/contracts';
import { createTestServer, type TestServer } from '@storelink/testing';
import { productSnapshotSource } from './products.sync';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
afterAll(() => t.close());

function changesOf(key: string) {
  return t.server.database.db
    .selectFrom('changeLog')
    .selectAll()
    .where('entity', '=', 'product')
    .where('entityKey', '=', key)
    .orderBy('cursor')
    .execute();
}

async function createProduct(body: Record<string, unknown>): Promise<Product> {
  const res = await t.api.post<Product>('/api/v1/products', body);
  expect(res.status).toBe(201);
  return res.body;
}

describe('products', () => {
  it('creates a product with nested SKUs and barcodes and reads it back, SKUs and barcodes sorted', async () => {
    const created = await createProduct({
      code: 'CAM01',
      name: 'Camiseta básica',
      brand: 'Hering',
      category: 'Camisetas',
      skus: [
        { code: 'CAM01-AZ-M', color: 'Azul', size: 'M', barcodes: ['7891000000022', '7891000000011'] },
        { code: 'CAM01-AZ-G', color: 'Azul', size: 'G', barcodes: ['7891000000033'], active: false },
      ],
    });
    expect(created).toMatchObject({
      code: 'CAM01',
      name: 'Camiseta básica',
      brand: 'Hering',
      category: 'Camisetas',
      active: true,
      skus: [
        { code: 'CAM01-AZ-G', color: 'Azul', size: 'G', barcodes: ['7891000000033'], active: false },
        { code: 'CAM01-AZ-M', barcodes: ['7891000000011', '7891000000022'], active: true },
      ],
    });
    const read = await t.api.get<Product>(`/api/v1/products/${created.id}`);
    expect(read.body).toEqual(created);
  });

  it('writes one product change with the Product wire shape, all SKUs included, and one audit entry', async () => {
    const product = await createProduct({
      code: 'CHG01',
      name: 'Boné',
      skus: [
        { code: 'CHG01-U', barcodes: ['2000000000017'] },
        { code: 'CHG01-X', active: false },
      ],
    });
    const changes = await changesOf('CHG01');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ op: 'upsert', scopeKind: 'global', scopeKey: '' });
    expect(JSON.parse(changes[0]?.data ?? '')).toEqual(product);
    const audit = await t.server.database.db
      .selectFrom('auditLog')
      .select(['action', 'after'])
      .where('entityId', '=', product.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['product.create']);
  });

  it('refuses a duplicate product code and an unknown field', async () => {
    await createProduct({ code: 'DUP01', name: 'A' });
    const again = await t.api.post<Problem>('/api/v1/products', { code: 'DUP01', name: 'B' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'conflict' });
    expect(again.body.detail).toContain('DUP01');
    const unknown = await t.api.post<Problem>('/api/v1/products', {
      code: 'UNK01',
      name: 'X',
      skus: [{ code: 'UNK01-U', ean: '1' }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      { path: 'skus[0].ean', message: expect.stringContaining('not a known field') },
    ]);
  });

  it('refuses a barcode another SKU holds, naming that SKU, and writes nothing', async () => {
    await createProduct({
      code: 'BAR01',
      name: 'Calça',
      skus: [{ code: 'BAR01-38', barcodes: ['7892000000010'] }],
    });
    const clash = await t.api.post<Problem>('/api/v1/products', {
      code: 'BAR02',
      name: 'Bermuda',
      skus: [
        { code: 'BAR02-40', barcodes: ['7892000000027'] },
        { code: 'BAR02-42', barcodes: ['7892000000010'] },
      ],
    });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('conflict');
    expect(clash.body.detail).toContain('BAR01-38');
    const list = await t.api.get<PageOf<Product>>('/api/v1/products?q=BAR02');
    expect(list.body.items).toEqual([]);

    const patchClash = await t.api.post<Problem>('/api/v1/products', {
      code: 'BAR03',
      name: 'Saia',
      skus: [
        { code: 'BAR03-P', barcodes: ['7892000000034'] },
        { code: 'BAR03-M', barcodes: ['7892000000034'] },
      ],
    });
    expect(patchClash.status).toBe(400);
    expect(patchClash.body).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'skus[1].barcodes' }],
    });
  });

  it('refuses moving a SKU to another product with conflict', async () => {
    await createProduct({ code: 'MOV01', name: 'Tênis', skus: [{ code: 'MOV01-40' }] });
    const other = await createProduct({ code: 'MOV02', name: 'Sandália' });
    const move = await t.api.patch<Problem>(`/api/v1/products/${other.id}`, { skus: [{ code: 'MOV01-40' }] });
    expect(move.status).toBe(409);
    expect(move.body.detail).toContain('MOV01');
    const create = await t.api.post<Problem>('/api/v1/products', {
      code: 'MOV03',
      name: 'Chinelo',
      skus: [{ code: 'MOV01-40' }],
    });
    expect(create.status).toBe(409);
    const read = await t.api.get<Product>(`/api/v1/products/${other.id}`);
    expect(read.body.skus).toEqual([]);
  });

  it('patches only the given fields: listed SKUs upserted by code, others untouched, barcodes replaced', async () => {
    const product = await createProduct({
      code: 'PAT01',
      name: 'Vestido',
      brand: 'Farm',
      skus: [
        { code: 'PAT01-P', color: 'Verde', size: 'P', barcodes: ['7893000000019', '7893000000026'] },
        { code: 'PAT01-M', color: 'Verde', size: 'M', barcodes: ['7893000000033'] },
      ],
    });
    const patched = await t.api.patch<Product>(`/api/v1/products/${product.id}`, {
      name: 'Vestido longo',
      skus: [
        { code: 'PAT01-P', barcodes: ['7893000000040'] },
        { code: 'PAT01-G', size: 'G' },
      ],
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Vestido longo', brand: 'Farm' });
    expect(patched.body.skus).toEqual([
      expect.objectContaining({ code: 'PAT01-G', size: 'G', barcodes: [], active: true }),
      expect.objectContaining({ code: 'PAT01-M', color: 'Verde', barcodes: ['7893000000033'] }),
      expect.objectContaining({ code: 'PAT01-P', color: 'Verde', size: 'P', barcodes: ['7893000000040'] }),
    ]);
    // The barcodes PAT01-P gave up are free again.
    await createProduct({
      code: 'PAT02',
      name: 'Blusa',
      skus: [{ code: 'PAT02-U', barcodes: ['7893000000019'] }],
    });
  });

  it('moves a barcode between two SKUs of one product in a single PATCH', async () => {
    const product = await createProduct({
      code: 'SWP01',
      name: 'Jaqueta',
      skus: [{ code: 'SWP01-P', barcodes: ['7894000000018'] }, { code: 'SWP01-M' }],
    });
    const swapped = await t.api.patch<Product>(`/api/v1/products/${product.id}`, {
      skus: [
        { code: 'SWP01-M', barcodes: ['7894000000018'] },
        { code: 'SWP01-P', barcodes: [] },
      ],
    });
    expect(swapped.status).toBe(200);
    expect(swapped.body.skus.map((s) => [s.code, s.barcodes])).toEqual([
      ['SWP01-M', ['7894000000018']],
      ['SWP01-P', []],
    ]);
  });

  it('deactivates with DELETE, idempotently; SKUs stay as they are; stations get a delete', async () => {
    const product = await createProduct({ code: 'DEL01', name: 'Cinto', skus: [{ code: 'DEL01-U' }] });
    const first = await t.api.delete<Product>(`/api/v1/products/${product.id}`);
    const second = await t.api.delete<Product>(`/api/v1/products/${product.id}`);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ ...product, active: false });
    expect(second.body).toEqual(first.body);
    const changes = await changesOf('DEL01');
    expect(changes.map((c) => c.op)).toEqual(['upsert', 'delete']);
    const inactive = await t.api.get<PageOf<Product>>('/api/v1/products?active=false&q=DEL01');
    expect(inactive.body.items.map((p) => p.code)).toEqual(['DEL01']);
    const active = await t.api.get<PageOf<Product>>('/api/v1/products?active=true&q=DEL01');
    expect(active.body.items).toEqual([]);
  });

  it('writes no change and no audit entry for a PATCH that changes nothing', async () => {
    const product = await createProduct({
      code: 'NOP01',
      name: 'Meia',
      skus: [{ code: 'NOP01-U', color: 'Preta' }],
    });
    const same = await t.api.patch<Product>(`/api/v1/products/${product.id}`, {
      name: 'Meia',
      skus: [{ code: 'NOP01-U', color: 'Preta' }],
    });
    expect(same.body).toEqual(product);
    expect(await changesOf('NOP01')).toHaveLength(1);
    const audit = await t.server.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('entityId', '=', product.id)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('searches by product code, name or SKU code, by exact barcode and by category', async () => {
    await createProduct({
      code: 'SRC01',
      name: 'Polo piquet',
      category: 'Polos',
      skus: [{ code: 'XYZ-VERMELHA', barcodes: ['7895000000017'] }],
    });
    await createProduct({ code: 'SRC02', name: 'Regata', category: 'Regatas', skus: [{ code: 'SRC02-U' }] });
    const codes = async (query: string) =>
      (await t.api.get<PageOf<Product>>(`/api/v1/products?${query}`)).body.items.map((p) => p.code);
    expect(await codes('q=piquet')).toEqual(['SRC01']);
    expect(await codes('q=xyz-verm')).toEqual(['SRC01']);
    expect(await codes('q=SRC0')).toEqual(['SRC01', 'SRC02']);
    expect(await codes('barcode=7895000000017')).toEqual(['SRC01']);
    expect(await codes('barcode=789500000001')).toEqual([]);
    expect(await codes('category=Regatas')).toEqual(['SRC02']);
  });

  it('pages through products by code with nextCursor', async () => {
    for (let i = 0; i < 5; i += 1) await createProduct({ code: `PGP${i}`, name: `Produto ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/products?q=PGP&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { body: PageOf<Product> } = await t.api.get<PageOf<Product>>(url);
      seen.push(...page.body.items.map((p) => p.code));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['PGP0', 'PGP1', 'PGP2', 'PGP3', 'PGP4']);
  });

  it('answers not_found for an unknown id, and validation_failed for a CSV body on the JSON route', async () => {
    const missing = await t.api.patch<Problem>('/api/v1/products/01890000-0000-7000-8000-000000000000', {
      name: 'X',
    });
    expect(missing.status).toBe(404);
    const csv = await t.api.request<Problem>({
      method: 'POST',
      url: '/api/v1/products',
      headers: { 'content-type': 'text/csv' },
      payload: 'code,name\nA,B\n',
    });
    expect(csv.status).toBe(400);
    expect(csv.body.code).toBe('validation_failed');
  });

  it('snapshots active products only, each with all its SKUs, as the change log carries them', async () => {
    const product = await createProduct({
      code: 'SNP01',
      name: 'Lenço',
      brand: 'Marca',
      skus: [
        { code: 'SNP01-A', color: 'Azul', barcodes: ['2000000000024'] },
        { code: 'SNP01-B', active: false },
      ],
    });
    const gone = await createProduct({ code: 'SNP02', name: 'Gorro' });
    await t.api.delete(`/api/v1/products/${gone.id}`);
    const records: { key: string; data: unknown }[] = [];
    const scope = { stationCode: 'S1', groupCode: 'G1', storeCode: 'L1', priceListCode: 'PL' };
    for await (const batch of productSnapshotSource.read(t.server.database.db, scope)) records.push(...batch);
    const keys = records.map((r) => r.key);
    expect(keys).toContain('SNP01');
    expect(keys).not.toContain('SNP02');
    const snap = records.find((r) => r.key === 'SNP01');
    expect(snap?.data).toEqual(product);
    // Byte for byte what the change log carries: the catalog checksum hashes this text.
    const [change] = await changesOf('SNP01');
    expect(change?.data).toBe(JSON.stringify(snap?.data));
  });
});
