import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageOf, Problem, Promotion } from '@storelink/contracts';
import { createTestServer, type TestServer } from '@storelink/testing';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
  // The groups module has its own tests; here a group only needs to exist to be referenced.
  const now = new Date().toISOString();
  const db = t.server.database.db;
  await db
    .insertInto('stores')
    .values({
      id: crypto.randomUUID(),
      code: 'L1',
      name: 'Loja',
      taxId: null,
      timezone: 'America/Sao_Paulo',
      active: 1,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await db
    .insertInto('priceLists')
    .values({
      id: crypto.randomUUID(),
      code: 'TAB',
      name: 'Tabela',
      active: 1,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await db
    .insertInto('stationGroups')
    .values({
      id: crypto.randomUUID(),
      code: 'G1',
      name: 'Caixas',
      storeCode: 'L1',
      priceListCode: 'TAB',
      integrationEnabled: 1,
      syncIntervalSeconds: 60,
      heartbeatSeconds: 30,
      offlineAlertMinutes: 15,
      maxCashierDiscountBp: 0,
      paymentTypeCodes: '[]',
      financialReasonCodes: '[]',
      cancelRequiresSupervisor: 1,
      active: 1,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
});
afterAll(() => t.close());

const tenOff = {
  code: 'DEZ',
  name: '10% em camisetas',
  kind: 'percent_off',
  percentBp: 1000,
  target: { skuCodes: [], productCodes: [], categories: ['Camisetas'] },
};

describe('promotions', () => {
  it('creates a promotion with defaults and reads it back', async () => {
    const res = await t.api.post<Promotion>('/api/v1/promotions', tenOff);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      ...tenOff,
      groupCodes: [],
      paymentTypeCodes: [],
      priority: 0,
      exclusive: false,
      active: true,
    });
    expect((await t.api.get<Promotion>(`/api/v1/promotions/${res.body.id}`)).body).toEqual(res.body);
  });

  it('refuses contradictory parameters with field-level errors', async () => {
    const res = await t.api.post<Problem>('/api/v1/promotions', {
      code: 'BAD1',
      name: 'Leve 2 pague 3',
      kind: 'buy_x_pay_y',
      buyQuantity: 2,
      payQuantity: 3,
      startsAt: '2026-12-10T00:00',
      endsAt: '2026-12-01T00:00',
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    const paths = (res.body.errors ?? []).map((e) => e.path);
    expect(paths).toContain('payQuantity');
    expect(paths).toContain('endsAt');
  });

  it('refuses tiers out of order and a parameter of another kind', async () => {
    const res = await t.api.post<Problem>('/api/v1/promotions', {
      code: 'BAD2',
      name: 'Progressiva',
      kind: 'progressive',
      tiers: [
        { minQuantity: 5, percentBp: 1000 },
        { minQuantity: 3, percentBp: 2000 },
      ],
      priceCents: 100,
    });
    expect(res.status).toBe(400);
    const paths = (res.body.errors ?? []).map((e) => e.path);
    expect(paths.some((p) => p.startsWith('tiers[1]'))).toBe(true);
    expect(paths).toContain('priceCents');
  });

  it('refuses a negative price at the schema and unknown references by field', async () => {
    const negative = await t.api.post<Problem>('/api/v1/promotions', {
      code: 'NEG',
      name: 'x',
      kind: 'fixed_price',
      priceCents: -1,
    });
    expect(negative.body).toMatchObject({ code: 'validation_failed', errors: [{ path: 'priceCents' }] });
    const unknown = await t.api.post<Problem>('/api/v1/promotions', {
      ...tenOff,
      code: 'UNK',
      groupCodes: ['NOPE'],
      target: { skuCodes: ['SKU-X'], productCodes: [], categories: [] },
    });
    expect(unknown.body.errors).toEqual([
      { path: 'groupCodes[0]', message: 'no station group has code NOPE' },
      { path: 'target.skuCodes[0]', message: 'no SKU has code SKU-X' },
    ]);
  });

  it('patches with null clearing a field, and refuses a patch that breaks the rules', async () => {
    const { body } = await t.api.post<Promotion>('/api/v1/promotions', {
      ...tenOff,
      code: 'NATAL',
      endsAt: '2026-12-26T00:00',
    });
    const cleared = await t.api.patch<Promotion>(`/api/v1/promotions/${body.id}`, {
      endsAt: null,
      priority: 5,
    });
    expect(cleared.body.endsAt).toBeUndefined();
    expect(cleared.body.priority).toBe(5);
    const broken = await t.api.patch<Problem>(`/api/v1/promotions/${body.id}`, { kind: 'fixed_price' });
    expect(broken.status).toBe(400);
    expect((await t.api.get<Promotion>(`/api/v1/promotions/${body.id}`)).body.kind).toBe('percent_off');
  });

  it('sends a group promotion to that group only, and a deactivation as a delete', async () => {
    const { body } = await t.api.post<Promotion>('/api/v1/promotions', {
      ...tenOff,
      code: 'GRUPO',
      groupCodes: ['G1'],
    });
    await t.api.delete(`/api/v1/promotions/${body.id}`);
    const changes = await t.server.database.db
      .selectFrom('changeLog')
      .select(['op', 'scopeKind', 'scopeKey'])
      .where('entity', '=', 'promotion')
      .where('entityKey', '=', 'GRUPO')
      .orderBy('cursor')
      .execute();
    expect(changes).toEqual([
      { op: 'upsert', scopeKind: 'group', scopeKey: 'G1' },
      { op: 'delete', scopeKind: 'group', scopeKey: 'G1' },
    ]);
  });

  it('lists and searches promotions', async () => {
    const page = await t.api.get<PageOf<Promotion>>('/api/v1/promotions?q=natal');
    expect(page.body.items.map((p) => p.code)).toEqual(['NATAL']);
  });
});
