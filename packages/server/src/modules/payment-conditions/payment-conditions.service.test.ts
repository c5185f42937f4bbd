import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageOf, PaymentCondition, Problem } from '@storelink/contracts';
import { auditOf, changesOf, createTestServer, loginAs, type TestServer } from '@storelink/testing';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
  await t.api.post('/api/v1/payment-types', {
    code: 'DIN',
    name: 'Dinheiro',
    kind: 'cash',
    fiscalCode: '01',
  });
  await t.api.post('/api/v1/payment-types', {
    code: 'CRED',
    name: 'Crédito',
    kind: 'credit_card',
    fiscalCode: '03',
    allowsInstallments: true,
  });
  await t.api.post('/api/v1/payment-types', {
    code: 'CRED2',
    name: 'Crédito loja',
    kind: 'store_credit',
    fiscalCode: '05',
    allowsInstallments: true,
  });
});
afterAll(() => t.close());

describe('payment conditions', () => {
  it('creates a condition with monthly defaults, no surcharge and no minimum', async () => {
    const created = await t.api.post<PaymentCondition>('/api/v1/payment-conditions', {
      code: '3X',
      name: '3x sem juros',
      paymentTypeCodes: ['CRED'],
      installments: 3,
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      code: '3X',
      name: '3x sem juros',
      paymentTypeCodes: ['CRED'],
      installments: 3,
      firstDueDays: 30,
      intervalDays: 30,
      surchargeBp: 0,
      minInstallmentCents: 0,
      active: true,
    });
    expect((await t.api.get<PaymentCondition>(`/api/v1/payment-conditions/${created.body.id}`)).body).toEqual(
      created.body,
    );
    const changes = await changesOf(t, 'paymentCondition', '3X');
    expect(changes).toEqual([
      expect.objectContaining({ op: 'upsert', scopeKind: 'global', data: created.body }),
    ]);
  });

  it('names unknown payment types by position', async () => {
    const res = await t.api.post<Problem>('/api/v1/payment-conditions', {
      code: 'BAD',
      name: 'X',
      paymentTypeCodes: ['CRED', 'NOPE'],
      installments: 1,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { path: 'paymentTypeCodes[1]', message: 'no payment type has code NOPE' },
    ]);
  });

  it('refuses installments on a type that does not allow them, in plain words, but allows one installment', async () => {
    const res = await t.api.post<Problem>('/api/v1/payment-conditions', {
      code: '2X-DIN',
      name: '2x no dinheiro',
      paymentTypeCodes: ['CRED', 'DIN'],
      installments: 2,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors).toEqual([
      {
        path: 'paymentTypeCodes[1]',
        message: expect.stringMatching(/^payment type DIN does not allow installments/),
      },
    ]);
    const single = await t.api.post<PaymentCondition>('/api/v1/payment-conditions', {
      code: '1X-DIN',
      name: 'À vista',
      paymentTypeCodes: ['CRED', 'DIN'],
      installments: 1,
    });
    expect(single.status).toBe(201);
  });

  it('checks the same rule on PATCH, whole: more installments, other types, or reactivation', async () => {
    const { body: single } = await t.api.post<PaymentCondition>('/api/v1/payment-conditions', {
      code: 'AVISTA',
      name: 'À vista',
      paymentTypeCodes: ['DIN', 'CRED'],
      installments: 1,
    });
    const more = await t.api.patch<Problem>(`/api/v1/payment-conditions/${single.id}`, {
      name: 'Não grava',
      installments: 4,
    });
    expect(more.body.errors).toEqual([
      { path: 'paymentTypeCodes[0]', message: expect.stringContaining('DIN') },
    ]);
    expect((await t.api.get<PaymentCondition>(`/api/v1/payment-conditions/${single.id}`)).body).toEqual(
      single,
    );

    const { body: multi } = await t.api.post<PaymentCondition>('/api/v1/payment-conditions', {
      code: '6X',
      name: '6x',
      paymentTypeCodes: ['CRED'],
      installments: 6,
      surchargeBp: 199,
      minInstallmentCents: 1000,
    });
    const types = await t.api.patch<Problem>(`/api/v1/payment-conditions/${multi.id}`, {
      paymentTypeCodes: ['CRED2', 'DIN'],
    });
    expect(types.body.errors?.map((e) => e.path)).toEqual(['paymentTypeCodes[1]']);
    const ok = await t.api.patch<PaymentCondition>(`/api/v1/payment-conditions/${multi.id}`, {
      paymentTypeCodes: ['CRED2', 'CRED'],
      intervalDays: 15,
    });
    expect(ok.body).toEqual({ ...multi, paymentTypeCodes: ['CRED2', 'CRED'], intervalDays: 15 });

    // Deactivated, the condition no longer pins CRED2; bringing it back checks the rule again.
    await t.api.delete(`/api/v1/payment-conditions/${multi.id}`);
    const { body: cred2 } = await t.api.get<PageOf<{ id: string }>>('/api/v1/payment-types?q=CRED2');
    const turnedOff = await t.api.patch(`/api/v1/payment-types/${cred2.items[0]?.id ?? ''}`, {
      allowsInstallments: false,
    });
    expect(turnedOff.status).toBe(200);
    const back = await t.api.patch<Problem>(`/api/v1/payment-conditions/${multi.id}`, { active: true });
    expect(back.body.errors?.map((e) => e.path)).toEqual(['paymentTypeCodes[0]']);
  });

  it('refuses out-of-range numbers, an empty type list, duplicates and unknown fields', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ installments: 0 }, 'installments'],
      [{ installments: 49 }, 'installments'],
      [{ surchargeBp: 10_001 }, 'surchargeBp'],
      [{ minInstallmentCents: -1 }, 'minInstallmentCents'],
      [{ firstDueDays: 1.5 }, 'firstDueDays'],
      [{ paymentTypeCodes: [] }, 'paymentTypeCodes'],
      [{ interestRate: 2 }, 'interestRate'],
    ];
    for (const [change, path] of cases) {
      const res = await t.api.post<Problem>('/api/v1/payment-conditions', {
        code: 'RANGE',
        name: 'X',
        paymentTypeCodes: ['CRED'],
        installments: 2,
        ...change,
      });
      expect(res.body.errors?.[0]?.path, JSON.stringify(change)).toBe(path);
    }
    const dup = await t.api.post<Problem>('/api/v1/payment-conditions', {
      code: '3X',
      name: 'X',
      paymentTypeCodes: ['CRED'],
      installments: 3,
    });
    expect(dup.status).toBe(409);
  });

  it('deactivates idempotently as a global delete, and audits each write', async () => {
    const { body: condition } = await t.api.post<PaymentCondition>('/api/v1/payment-conditions', {
      code: 'DEL',
      name: 'Apagar',
      paymentTypeCodes: ['DIN'],
      installments: 1,
    });
    const first = await t.api.delete<PaymentCondition>(`/api/v1/payment-conditions/${condition.id}`);
    const second = await t.api.delete<PaymentCondition>(`/api/v1/payment-conditions/${condition.id}`);
    expect(second.body).toEqual(first.body);
    expect((await changesOf(t, 'paymentCondition', 'DEL')).map((c) => `${c.op} ${c.scopeKind}`)).toEqual([
      'upsert global',
      'delete global',
    ]);
    expect((await auditOf(t, condition.id)).map((a) => a.action)).toEqual([
      'paymentCondition.create',
      'paymentCondition.deactivate',
    ]);
    const inactive = await t.api.get<PageOf<PaymentCondition>>(
      '/api/v1/payment-conditions?active=false&q=del',
    );
    expect(inactive.body.items.map((c) => c.code)).toEqual(['DEL']);
  });

  it('searches by name and pages', async () => {
    for (let i = 0; i < 3; i += 1) {
      await t.api.post('/api/v1/payment-conditions', {
        code: `PG${i}`,
        name: `Parcelado ${i}`,
        paymentTypeCodes: ['CRED'],
        installments: i + 2,
      });
    }
    const first = await t.api.get<PageOf<PaymentCondition>>('/api/v1/payment-conditions?q=parcelado&limit=2');
    expect(first.body.items.map((c) => c.code)).toEqual(['PG0', 'PG1']);
    const rest = await t.api.get<PageOf<PaymentCondition>>(
      `/api/v1/payment-conditions?q=parcelado&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(rest.body).toEqual({ items: [expect.objectContaining({ code: 'PG2' })], nextCursor: null });
  });

  it('lets an auditor read but not write', async () => {
    const auditor = await loginAs(t, 'auditor-conditions', 'auditor');
    expect((await auditor.get('/api/v1/payment-conditions')).status).toBe(200);
    const res = await auditor.post('/api/v1/payment-conditions', {
      code: 'AUD',
      name: 'A',
      paymentTypeCodes: ['DIN'],
      installments: 1,
    });
    expect(res.status).toBe(403);
  });
});
