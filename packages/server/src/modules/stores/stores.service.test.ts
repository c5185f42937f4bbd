import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageOf, Problem, Store } from '@storelink/contracts';
import { createTestServer, type TestServer } from '@storelink/testing';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
afterAll(() => t.close());

describe('stores', () => {
  it('creates a store with the default timezone and reads it back', async () => {
    const created = await t.api.post<Store>('/api/v1/stores', { code: 'SP01', name: 'Loja Paulista' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code: 'SP01',
      name: 'Loja Paulista',
      timezone: 'America/Sao_Paulo',
      active: true,
    });
    const read = await t.api.get<Store>(`/api/v1/stores/${created.body.id}`);
    expect(read.body).toEqual(created.body);
  });

  it('refuses a duplicate code with conflict', async () => {
    await t.api.post('/api/v1/stores', { code: 'DUP', name: 'A' });
    const again = await t.api.post<Problem>('/api/v1/stores', { code: 'DUP', name: 'B' });
    expect(again.status).toBe(409);
    expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(again.body).toMatchObject({ code: 'conflict', status: 409 });
    expect(again.body.detail).toContain('DUP');
  });

  it('refuses unknown fields, wrong types and an unknown timezone, naming the field', async () => {
    const unknown = await t.api.post<Problem>('/api/v1/stores', { code: 'X1', name: 'X', colour: 'red' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      { path: 'colour', message: expect.stringContaining('not a known field') },
    ]);
    const wrongType = await t.api.post<Problem>('/api/v1/stores', { code: 'X2', name: 42 });
    expect(wrongType.body).toMatchObject({ code: 'validation_failed', errors: [{ path: 'name' }] });
    const zone = await t.api.post<Problem>('/api/v1/stores', {
      code: 'X3',
      name: 'X',
      timezone: 'Mars/Olympus',
    });
    expect(zone.body).toMatchObject({ code: 'validation_failed', errors: [{ path: 'timezone' }] });
    const list = await t.api.get<PageOf<Store>>('/api/v1/stores?q=X');
    expect(list.body.items.map((s) => s.code)).not.toContain('X3');
  });

  it('answers malformed JSON with validation_failed, never 500', async () => {
    const res = await t.api.request<Problem>({
      method: 'POST',
      url: '/api/v1/stores',
      headers: { 'content-type': 'application/json' },
      payload: '{"code": "BAD",',
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
  });

  it('patches only the given fields; the code never changes', async () => {
    const { body: store } = await t.api.post<Store>('/api/v1/stores', {
      code: 'RJ01',
      name: 'Rio',
      taxId: '12.345.678/0001-90',
    });
    const patched = await t.api.patch<Store>(`/api/v1/stores/${store.id}`, { name: 'Rio Centro' });
    expect(patched.body).toEqual({ ...store, name: 'Rio Centro' });
    const codeChange = await t.api.patch<Problem>(`/api/v1/stores/${store.id}`, { code: 'RJ02' });
    expect(codeChange.body.code).toBe('validation_failed');
  });

  it('deactivates with DELETE, idempotently, and filters lists by active', async () => {
    const { body: store } = await t.api.post<Store>('/api/v1/stores', { code: 'OLD1', name: 'Fechada' });
    const first = await t.api.delete<Store>(`/api/v1/stores/${store.id}`);
    const second = await t.api.delete<Store>(`/api/v1/stores/${store.id}`);
    expect(first.status).toBe(200);
    expect(first.body.active).toBe(false);
    expect(second.body).toEqual(first.body);
    const inactive = await t.api.get<PageOf<Store>>('/api/v1/stores?active=false');
    expect(inactive.body.items.map((s) => s.code)).toContain('OLD1');
    const active = await t.api.get<PageOf<Store>>('/api/v1/stores?active=true');
    expect(active.body.items.map((s) => s.code)).not.toContain('OLD1');
  });

  it('pages through a list with nextCursor, without repeats or gaps', async () => {
    for (let i = 0; i < 7; i += 1)
      await t.api.post('/api/v1/stores', { code: `PG${i}`, name: `Página ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/stores?q=PG&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { body: PageOf<Store> } = await t.api.get<PageOf<Store>>(url);
      seen.push(...page.body.items.map((s) => s.code));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['PG0', 'PG1', 'PG2', 'PG3', 'PG4', 'PG5', 'PG6']);
  });

  it('searches by name, case-insensitively', async () => {
    await t.api.post('/api/v1/stores', { code: 'BH01', name: 'Savassi Shopping' });
    const found = await t.api.get<PageOf<Store>>('/api/v1/stores?q=savassi');
    expect(found.body.items.map((s) => s.code)).toEqual(['BH01']);
  });

  it('answers not_found for an unknown id and validation_failed for a malformed one', async () => {
    const missing = await t.api.get<Problem>('/api/v1/stores/01890000-0000-7000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not_found');
    const malformed = await t.api.get<Problem>('/api/v1/stores/not-an-id');
    expect(malformed.status).toBe(400);
  });
});
