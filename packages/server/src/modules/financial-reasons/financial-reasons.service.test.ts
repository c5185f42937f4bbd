import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FinancialReason, PageOf, Problem } from '@storelink/contracts';
import { auditOf, changesOf, createTestServer, loginAs, type TestServer } from '@storelink/testing';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
afterAll(() => t.close());

async function createReason(code: string, kind: string, extra: Record<string, unknown> = {}) {
  const res = await t.api.post<FinancialReason>('/api/v1/financial-reasons', {
    code,
    name: `Motivo ${code}`,
    kind,
    ...extra,
  });
  expect(res.status).toBe(201);
  return res.body;
}

describe('financial reasons', () => {
  it('creates a reason that needs no note by default, and reads it back', async () => {
    const reason = await createReason('SANGRIA', 'withdrawal');
    expect(reason).toEqual({
      id: expect.any(String),
      code: 'SANGRIA',
      name: 'Motivo SANGRIA',
      kind: 'withdrawal',
      requiresNote: false,
      active: true,
    });
    expect((await createReason('DESPESA', 'expense', { requiresNote: true })).requiresNote).toBe(true);
    expect((await t.api.get<FinancialReason>(`/api/v1/financial-reasons/${reason.id}`)).body).toEqual(reason);
  });

  it('refuses an unknown kind, duplicates and unknown fields', async () => {
    const kind = await t.api.post<Problem>('/api/v1/financial-reasons', {
      code: 'X',
      name: 'X',
      kind: 'theft',
    });
    expect(kind.body.errors?.[0]?.path).toBe('kind');
    await createReason('DUP', 'supply');
    expect(
      (await t.api.post('/api/v1/financial-reasons', { code: 'DUP', name: 'X', kind: 'supply' })).status,
    ).toBe(409);
    const extra = await t.api.post<Problem>('/api/v1/financial-reasons', {
      code: 'X',
      name: 'X',
      kind: 'supply',
      note: 'x',
    });
    expect(extra.body.errors).toEqual([
      { path: 'note', message: expect.stringContaining('not a known field') },
    ]);
  });

  it('patches only the given fields, globally, and deactivates idempotently as a delete', async () => {
    const reason = await createReason('TROCO', 'supply');
    const patched = await t.api.patch<FinancialReason>(`/api/v1/financial-reasons/${reason.id}`, {
      requiresNote: true,
    });
    expect(patched.body).toEqual({ ...reason, requiresNote: true });
    const first = await t.api.delete<FinancialReason>(`/api/v1/financial-reasons/${reason.id}`);
    const second = await t.api.delete<FinancialReason>(`/api/v1/financial-reasons/${reason.id}`);
    expect(second.body).toEqual(first.body);
    expect((await changesOf(t, 'financialReason', 'TROCO')).map((c) => `${c.op} ${c.scopeKind}`)).toEqual([
      'upsert global',
      'upsert global',
      'delete global',
    ]);
    expect((await auditOf(t, reason.id)).map((a) => a.action)).toEqual([
      'financialReason.create',
      'financialReason.update',
      'financialReason.deactivate',
    ]);
  });

  it('filters by kind, searches and pages', async () => {
    for (let i = 0; i < 3; i += 1) await createReason(`PG${i}`, i === 0 ? 'expense' : 'withdrawal');
    const expenses = await t.api.get<PageOf<FinancialReason>>('/api/v1/financial-reasons?kind=expense&q=PG');
    expect(expenses.body.items.map((r) => r.code)).toEqual(['PG0']);
    const first = await t.api.get<PageOf<FinancialReason>>('/api/v1/financial-reasons?q=motivo%20pg&limit=2');
    expect(first.body.items.map((r) => r.code)).toEqual(['PG0', 'PG1']);
    const rest = await t.api.get<PageOf<FinancialReason>>(
      `/api/v1/financial-reasons?q=motivo%20pg&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(rest.body.items.map((r) => r.code)).toEqual(['PG2']);
  });

  it('lets an auditor read but not write', async () => {
    const auditor = await loginAs(t, 'auditor-reasons', 'auditor');
    expect((await auditor.get('/api/v1/financial-reasons')).status).toBe(200);
    expect(
      (await auditor.post('/api/v1/financial-reasons', { code: 'A', name: 'A', kind: 'supply' })).status,
    ).toBe(403);
  });
});
