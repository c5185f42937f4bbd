import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Operator, PageOf, Problem, SyncOperator } from '@storelink/contracts';
import { verifyPin } from '@storelink/domain';
import {
  auditOf,
  changesOf,
  createStore,
  createTestServer,
  loginAs,
  type TestServer,
} from '@storelink/testing';
import type { SyncRecord } from '../../sync/snapshot-source';
import { operatorSnapshotSource } from './operators.sync';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
  await createStore(t, 'SP01');
  await createStore(t, 'RJ01');
});
afterAll(() => t.close());

async function storedPinHash(id: string): Promise<string> {
  const row = await t.server.database.db
    .selectFrom('operators')
    .select('pinHash')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.pinHash;
}

async function createOperator(code: string, extra: Record<string, unknown> = {}) {
  const res = await t.api.post<Operator>('/api/v1/operators', {
    code,
    name: `Operador ${code}`,
    role: 'cashier',
    pin: '1234',
    ...extra,
  });
  expect(res.status).toBe(201);
  return res.body;
}

describe('operators', () => {
  it('stores the PIN hashed and never answers it, nor its hash', async () => {
    const created = await createOperator('OP-1', { pin: '482913', storeCodes: ['SP01'] });
    expect(created).toEqual({
      id: expect.any(String),
      code: 'OP-1',
      name: 'Operador OP-1',
      role: 'cashier',
      storeCodes: ['SP01'],
      active: true,
    });
    const hash = await storedPinHash(created.id);
    expect(hash).not.toContain('482913');
    expect(await verifyPin('482913', hash)).toBe(true);
    expect(await verifyPin('482914', hash)).toBe(false);

    const read = await t.api.get<Operator>(`/api/v1/operators/${created.id}`);
    const list = await t.api.get<PageOf<Operator>>('/api/v1/operators?q=OP-1');
    for (const body of [read.body, list.body]) {
      const text = JSON.stringify(body);
      expect(text).not.toMatch(/pin/i);
      expect(text).not.toContain(hash);
    }
  });

  it('refuses a PIN that is not 4 to 8 digits, and an operator without one', async () => {
    for (const pin of ['123', '123456789', '12a4', 1234]) {
      const res = await t.api.post<Problem>('/api/v1/operators', {
        code: 'OP-BAD',
        name: 'X',
        role: 'cashier',
        pin,
      });
      expect(res.body).toMatchObject({ code: 'validation_failed', errors: [{ path: 'pin' }] });
    }
    const missing = await t.api.post<Problem>('/api/v1/operators', {
      code: 'OP-BAD',
      name: 'X',
      role: 'cashier',
    });
    expect(missing.body.code).toBe('validation_failed');
    const role = await t.api.post<Problem>('/api/v1/operators', {
      code: 'OP-BAD',
      name: 'X',
      role: 'boss',
      pin: '1234',
    });
    expect(role.body.errors?.[0]?.path).toBe('role');
  });

  it('changes the PIN: stations get the new hash, the audit only says that it changed', async () => {
    const created = await createOperator('OP-PIN');
    const oldHash = await storedPinHash(created.id);
    const patched = await t.api.patch<Operator>(`/api/v1/operators/${created.id}`, { pin: '97531' });
    expect(patched.body).toEqual(created);
    const newHash = await storedPinHash(created.id);
    expect(newHash).not.toBe(oldHash);
    expect(await verifyPin('97531', newHash)).toBe(true);

    const changes = await changesOf(t, 'operator', 'OP-PIN');
    expect(changes.map((c) => `${c.op} ${c.scopeKind}`)).toEqual(['upsert global', 'upsert global']);
    expect(changes[1]?.data).toEqual({ ...created, pinHash: newHash });

    const audit = await auditOf(t, created.id);
    expect(audit.map((a) => [a.action, a.details])).toEqual([
      ['operator.create', { pinChanged: true }],
      ['operator.update', { pinChanged: true }],
    ]);
    for (const entry of audit) {
      for (const secret of ['1234', '97531', oldHash, newHash, 'pinHash'])
        expect(entry.raw).not.toContain(secret);
    }

    await t.api.patch(`/api/v1/operators/${created.id}`, { name: 'Renomeado' });
    expect((await auditOf(t, created.id)).at(-1)?.details).toBeNull();
  });

  it('refuses unknown stores, duplicates and unknown fields on create and PATCH', async () => {
    const unknown = await t.api.post<Problem>('/api/v1/operators', {
      code: 'OP-X',
      name: 'X',
      role: 'supervisor',
      pin: '1234',
      storeCodes: ['NOPE'],
    });
    expect(unknown.body.errors).toEqual([{ path: 'storeCodes[0]', message: 'no store has code NOPE' }]);
    const created = await createOperator('OP-DUP');
    expect(
      (await t.api.post('/api/v1/operators', { code: 'OP-DUP', name: 'Y', role: 'cashier', pin: '1111' }))
        .status,
    ).toBe(409);
    const patch = await t.api.patch<Problem>(`/api/v1/operators/${created.id}`, { pinHash: 'x' });
    expect(patch.body.errors?.[0]?.path).toBe('pinHash');
    const patchStores = await t.api.patch<Problem>(`/api/v1/operators/${created.id}`, {
      name: 'Não grava',
      storeCodes: ['SP01', 'NOPE'],
    });
    expect(patchStores.body.errors?.[0]?.path).toBe('storeCodes[1]');
    expect((await t.api.get<Operator>(`/api/v1/operators/${created.id}`)).body.name).toBe('Operador OP-DUP');
  });

  it('follows its stores in the change log and reaches stations as a delete when deactivated', async () => {
    const created = await createOperator('OP-SCOPE', { storeCodes: ['SP01'] });
    await t.api.patch(`/api/v1/operators/${created.id}`, { storeCodes: [] });
    const first = await t.api.delete<Operator>(`/api/v1/operators/${created.id}`);
    const second = await t.api.delete<Operator>(`/api/v1/operators/${created.id}`);
    expect(second.body).toEqual(first.body);
    const changes = await changesOf(t, 'operator', 'OP-SCOPE');
    expect(changes.map((c) => `${c.op} ${c.scopeKind}:${c.scopeKey}`)).toEqual([
      'upsert store:SP01',
      'delete store:SP01',
      'upsert global:',
      'delete global:',
    ]);
  });

  it('snapshots the operators of the store and of every store, with PIN hashes', async () => {
    const rj = await createOperator('OP-SN-RJ', { storeCodes: ['RJ01'], role: 'supervisor', pin: '5555' });
    await createOperator('OP-SN-SP', { storeCodes: ['SP01'] });
    const records: SyncRecord[] = [];
    const scope = { stationCode: 'X', groupCode: 'G', storeCode: 'RJ01', priceListCode: 'P' };
    for await (const batch of operatorSnapshotSource.read(t.server.database.db, scope))
      records.push(...batch);
    const keys = records.map((r) => r.key).filter((k) => k.startsWith('OP-SN'));
    expect(keys).toEqual(['OP-SN-RJ']);
    const data = records.find((r) => r.key === 'OP-SN-RJ')?.data as SyncOperator;
    expect(data).toEqual({ ...rj, pinHash: await storedPinHash(rj.id) });
    expect(await verifyPin('5555', data.pinHash)).toBe(true);
    expect(records.map((r) => r.key)).not.toContain('OP-SCOPE');
  });

  it('filters by role and pages', async () => {
    for (let i = 0; i < 3; i += 1)
      await createOperator(`PG${i}`, { role: i === 1 ? 'supervisor' : 'cashier' });
    const supervisors = await t.api.get<PageOf<Operator>>('/api/v1/operators?role=supervisor&q=PG');
    expect(supervisors.body.items.map((o) => o.code)).toEqual(['PG1']);
    const first = await t.api.get<PageOf<Operator>>('/api/v1/operators?q=PG&limit=2');
    expect(first.body.items.map((o) => o.code)).toEqual(['PG0', 'PG1']);
    const next = await t.api.get<PageOf<Operator>>(
      `/api/v1/operators?q=PG&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(next.body).toEqual({ items: [expect.objectContaining({ code: 'PG2' })], nextCursor: null });
  });

  it('lets an auditor read but not write', async () => {
    const created = await createOperator('OP-AUD');
    const auditor = await loginAs(t, 'auditor-operators', 'auditor');
    expect((await auditor.get(`/api/v1/operators/${created.id}`)).status).toBe(200);
    const res = await auditor.patch<Problem>(`/api/v1/operators/${created.id}`, { pin: '0000' });
    expect(res.status).toBe(403);
    expect(await verifyPin('1234', await storedPinHash(created.id))).toBe(true);
  });
});
