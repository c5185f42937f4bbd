import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageOf, PaymentCondition, PaymentType, Problem } from '@storelink/contracts';
import { changesOf, createTestServer, loginAs, type TestServer } from '@storelink/testing';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
afterAll(() => t.close());

async function createType(code: string, kind: string, extra: Record<string, unknown> = {}) {
  const res = await t.api.post<PaymentType>('/api/v1/payment-types', {
    code,
    name: `Tipo ${code}`,
    kind,
    fiscalCode: '99',
    ...extra,
  });
  expect(res.status).toBe(201);
  return res.body;
}

describe('payment types', () => {
  it('gives change only for cash unless told, and allows no installments nor customer by default', async () => {
    const cash = await createType('DIN', 'cash', { fiscalCode: '01' });
    const card = await createType('CRED', 'credit_card', { fiscalCode: '03' });
    expect(cash).toEqual({
      id: expect.any(String),
      code: 'DIN',
      name: 'Tipo DIN',
      kind: 'cash',
      givesChange: true,
      allowsInstallments: false,
      requiresCustomer: false,
      fiscalCode: '01',
      active: true,
    });
    expect(card).toMatchObject({ givesChange: false, allowsInstallments: false, requiresCustomer: false });
    const told = await createType('CASH-NC', 'cash', {
      givesChange: false,
      allowsInstallments: true,
      requiresCustomer: true,
    });
    expect(told).toMatchObject({ givesChange: false, allowsInstallments: true, requiresCustomer: true });
    expect((await t.api.get<PaymentType>(`/api/v1/payment-types/${cash.id}`)).body).toEqual(cash);
  });

  it('refuses an unknown kind, a malformed fiscal code, duplicates and unknown fields', async () => {
    const kind = await t.api.post<Problem>('/api/v1/payment-types', {
      code: 'X',
      name: 'X',
      kind: 'gold',
      fiscalCode: '01',
    });
    expect(kind.body.errors?.[0]?.path).toBe('kind');
    const fiscal = await t.api.post<Problem>('/api/v1/payment-types', {
      code: 'X',
      name: 'X',
      kind: 'pix',
      fiscalCode: '1',
    });
    expect(fiscal.body.errors?.[0]?.path).toBe('fiscalCode');
    await createType('DUP', 'pix');
    const dup = await t.api.post<Problem>('/api/v1/payment-types', {
      code: 'DUP',
      name: 'X',
      kind: 'pix',
      fiscalCode: '17',
    });
    expect(dup.status).toBe(409);
    const extra = await t.api.post<Problem>('/api/v1/payment-types', {
      code: 'X',
      name: 'X',
      kind: 'pix',
      fiscalCode: '17',
      tPag: '17',
    });
    expect(extra.body.errors).toEqual([
      { path: 'tPag', message: expect.stringContaining('not a known field') },
    ]);
  });

  it('refuses turning installments off while an active multi-installment condition lists the type', async () => {
    const card = await createType('CARD-3X', 'credit_card', { allowsInstallments: true });
    const { body: condition } = await t.api.post<PaymentCondition>('/api/v1/payment-conditions', {
      code: 'TRES-VEZES',
      name: '3x sem juros',
      paymentTypeCodes: ['CARD-3X'],
      installments: 3,
    });
    await t.api.post('/api/v1/payment-conditions', {
      code: 'A-VISTA',
      name: 'À vista',
      paymentTypeCodes: ['CARD-3X'],
      installments: 1,
    });
    const refused = await t.api.patch<Problem>(`/api/v1/payment-types/${card.id}`, {
      name: 'Não grava',
      allowsInstallments: false,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('conflict');
    expect(refused.body.detail).toContain('TRES-VEZES');
    expect(refused.body.detail).not.toContain('A-VISTA');
    expect((await t.api.get<PaymentType>(`/api/v1/payment-types/${card.id}`)).body).toEqual(card);

    await t.api.delete(`/api/v1/payment-conditions/${condition.id}`);
    const allowed = await t.api.patch<PaymentType>(`/api/v1/payment-types/${card.id}`, {
      allowsInstallments: false,
    });
    expect(allowed.body.allowsInstallments).toBe(false);
  });

  it('reaches every station (global scope), and as a delete once deactivated, idempotently', async () => {
    const pix = await createType('PIX-G', 'pix', { fiscalCode: '17' });
    await t.api.patch(`/api/v1/payment-types/${pix.id}`, { name: 'Pix' });
    const first = await t.api.delete<PaymentType>(`/api/v1/payment-types/${pix.id}`);
    const second = await t.api.delete<PaymentType>(`/api/v1/payment-types/${pix.id}`);
    expect(second.body).toEqual(first.body);
    const changes = await changesOf(t, 'paymentType', 'PIX-G');
    expect(changes.map((c) => `${c.op} ${c.scopeKind}`)).toEqual([
      'upsert global',
      'upsert global',
      'delete global',
    ]);
    expect(changes[1]?.data).toEqual({ ...pix, name: 'Pix' });
    await t.api.patch(`/api/v1/payment-types/${pix.id}`, { active: true });
    expect((await changesOf(t, 'paymentType', 'PIX-G')).at(-1)?.op).toBe('upsert');
  });

  it('filters by kind, searches and pages', async () => {
    for (let i = 0; i < 3; i += 1) await createType(`PG${i}`, i === 2 ? 'voucher' : 'debit_card');
    const vouchers = await t.api.get<PageOf<PaymentType>>('/api/v1/payment-types?kind=voucher');
    expect(vouchers.body.items.map((p) => p.code)).toEqual(['PG2']);
    const page = await t.api.get<PageOf<PaymentType>>('/api/v1/payment-types?q=tipo%20pg&limit=2');
    expect(page.body.items.map((p) => p.code)).toEqual(['PG0', 'PG1']);
    const rest = await t.api.get<PageOf<PaymentType>>(
      `/api/v1/payment-types?q=tipo%20pg&limit=2&cursor=${page.body.nextCursor}`,
    );
    expect(rest.body.items.map((p) => p.code)).toEqual(['PG2']);
    expect(rest.body.nextCursor).toBeNull();
  });

  it('lets an auditor read but not write', async () => {
    const auditor = await loginAs(t, 'auditor-types', 'auditor');
    expect((await auditor.get('/api/v1/payment-types')).status).toBe(200);
    const res = await auditor.post('/api/v1/payment-types', {
      code: 'A',
      name: 'A',
      kind: 'pix',
      fiscalCode: '17',
    });
    expect(res.status).toBe(403);
  });
});
