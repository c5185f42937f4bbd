import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageOf, Problem, Station, StationGroup } from '@storelink/contracts';
import {
  auditOf,
  changesOf,
  createGroup,
  createStore,
  createTestServer,
  loginAs,
  seedPriceList,
  type TestServer,
} from '@storelink/testing';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
  await createStore(t, 'SP01');
  await createStore(t, 'RJ01');
  await seedPriceList(t, 'VAREJO');
  await seedPriceList(t, 'ATACADO');
  await t.api.post('/api/v1/payment-types', {
    code: 'DIN',
    name: 'Dinheiro',
    kind: 'cash',
    fiscalCode: '01',
  });
  await t.api.post('/api/v1/payment-types', { code: 'PIX', name: 'Pix', kind: 'pix', fiscalCode: '17' });
  await t.api.post('/api/v1/financial-reasons', { code: 'SANGRIA', name: 'Sangria', kind: 'withdrawal' });
});
afterAll(() => t.close());

const base = { name: 'Caixas', storeCode: 'SP01', priceListCode: 'VAREJO' };

async function pendingResyncs(stationId: string): Promise<number> {
  const rows = await t.server.database.db
    .selectFrom('stationCommands')
    .select('type')
    .where('stationId', '=', stationId)
    .where('type', '=', 'resync')
    .where('acknowledgedAt', 'is', null)
    .execute();
  return rows.length;
}

describe('station groups', () => {
  it('creates a group with the SPEC defaults and reads it back', async () => {
    const created = await t.api.post<StationGroup>('/api/v1/station-groups', { code: 'G-DEF', ...base });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      code: 'G-DEF',
      ...base,
      integrationEnabled: true,
      syncIntervalSeconds: 60,
      heartbeatSeconds: 30,
      offlineAlertMinutes: 15,
      maxCashierDiscountBp: 0,
      paymentTypeCodes: [],
      financialReasonCodes: [],
      cancelRequiresSupervisor: true,
      active: true,
    });
    const read = await t.api.get<StationGroup>(`/api/v1/station-groups/${created.body.id}`);
    expect(read.body).toEqual(created.body);
  });

  it('keeps the lists and settings it is given', async () => {
    const created = await t.api.post<StationGroup>('/api/v1/station-groups', {
      code: 'G-FULL',
      ...base,
      integrationEnabled: false,
      syncIntervalSeconds: 5,
      maxCashierDiscountBp: 1000,
      paymentTypeCodes: ['PIX', 'DIN'],
      financialReasonCodes: ['SANGRIA'],
      cancelRequiresSupervisor: false,
    });
    expect(created.body).toMatchObject({
      integrationEnabled: false,
      syncIntervalSeconds: 5,
      maxCashierDiscountBp: 1000,
      paymentTypeCodes: ['PIX', 'DIN'],
      financialReasonCodes: ['SANGRIA'],
      cancelRequiresSupervisor: false,
    });
  });

  it('refuses a duplicate code with conflict', async () => {
    await t.api.post('/api/v1/station-groups', { code: 'G-DUP', ...base });
    const again = await t.api.post<Problem>('/api/v1/station-groups', { code: 'G-DUP', ...base });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('conflict');
    expect(again.body.detail).toContain('G-DUP');
  });

  it('refuses unknown fields and out-of-range timers', async () => {
    const unknown = await t.api.post<Problem>('/api/v1/station-groups', {
      code: 'G-X',
      ...base,
      colour: 'blue',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      { path: 'colour', message: expect.stringContaining('not a known field') },
    ]);
    const zero = await t.api.post<Problem>('/api/v1/station-groups', {
      code: 'G-X',
      ...base,
      heartbeatSeconds: 0,
    });
    expect(zero.body).toMatchObject({ code: 'validation_failed', errors: [{ path: 'heartbeatSeconds' }] });
  });

  it('names every unknown reference, and writes nothing', async () => {
    const res = await t.api.post<Problem>('/api/v1/station-groups', {
      code: 'G-REF',
      name: 'Refs',
      storeCode: 'NOPE',
      priceListCode: 'NADA',
      paymentTypeCodes: ['DIN', 'CHEQUE'],
      financialReasonCodes: ['SUMIU'],
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors).toEqual([
      { path: 'storeCode', message: 'no store has code NOPE' },
      { path: 'priceListCode', message: 'no price list has code NADA' },
      { path: 'paymentTypeCodes[1]', message: 'no payment type has code CHEQUE' },
      { path: 'financialReasonCodes[0]', message: 'no financial reason has code SUMIU' },
    ]);
    const list = await t.api.get<PageOf<StationGroup>>('/api/v1/station-groups?q=G-REF');
    expect(list.body.items).toEqual([]);
  });

  it('refuses an active group in an inactive store or price list', async () => {
    await createStore(t, 'FECHADA');
    const { body: closed } = await t.api.get<PageOf<{ id: string }>>('/api/v1/stores?q=FECHADA');
    await t.api.delete(`/api/v1/stores/${closed.items[0]?.id ?? ''}`);
    await seedPriceList(t, 'VELHA', { active: false });
    const res = await t.api.post<Problem>('/api/v1/station-groups', {
      code: 'G-INACT',
      name: 'X',
      storeCode: 'FECHADA',
      priceListCode: 'VELHA',
    });
    expect(res.body.errors).toEqual([
      { path: 'storeCode', message: expect.stringContaining('store FECHADA is inactive') },
      { path: 'priceListCode', message: expect.stringContaining('price list VELHA is inactive') },
    ]);
    const inactive = await t.api.post<StationGroup>('/api/v1/station-groups', {
      code: 'G-INACT',
      name: 'X',
      storeCode: 'FECHADA',
      priceListCode: 'VELHA',
      active: false,
    });
    expect(inactive.status).toBe(201);
    const reactivate = await t.api.patch<Problem>(`/api/v1/station-groups/${inactive.body.id}`, {
      active: true,
    });
    expect(reactivate.body.code).toBe('validation_failed');
    expect(reactivate.body.errors?.map((e) => e.path)).toEqual(['storeCode', 'priceListCode']);
  });

  it('patches only the given fields, checks references on PATCH too, and never changes the code', async () => {
    const group = await createGroup(t, 'G-PATCH', { storeCode: 'SP01', priceListCode: 'VAREJO' });
    const patched = await t.api.patch<StationGroup>(`/api/v1/station-groups/${group.id}`, {
      name: 'Novo nome',
      paymentTypeCodes: ['PIX'],
    });
    expect(patched.body).toEqual({ ...group, name: 'Novo nome', paymentTypeCodes: ['PIX'] });
    const bad = await t.api.patch<Problem>(`/api/v1/station-groups/${group.id}`, {
      name: 'Não grava',
      paymentTypeCodes: ['PIX', 'NOPE'],
    });
    expect(bad.body.errors).toEqual([
      { path: 'paymentTypeCodes[1]', message: 'no payment type has code NOPE' },
    ]);
    const codeChange = await t.api.patch<Problem>(`/api/v1/station-groups/${group.id}`, { code: 'OTHER' });
    expect(codeChange.body.code).toBe('validation_failed');
    const read = await t.api.get<StationGroup>(`/api/v1/station-groups/${group.id}`);
    expect(read.body.name).toBe('Novo nome');
  });

  it('deactivates idempotently, and sends stations an upsert then a delete in the group scope', async () => {
    const group = await createGroup(t, 'G-DEL', { storeCode: 'SP01', priceListCode: 'VAREJO' });
    const first = await t.api.delete<StationGroup>(`/api/v1/station-groups/${group.id}`);
    const second = await t.api.delete<StationGroup>(`/api/v1/station-groups/${group.id}`);
    expect(first.status).toBe(200);
    expect(first.body.active).toBe(false);
    expect(second.body).toEqual(first.body);
    const changes = await changesOf(t, 'stationGroup', 'G-DEL');
    expect(changes.map((c) => [c.op, c.scopeKind, c.scopeKey])).toEqual([
      ['upsert', 'group', 'G-DEL'],
      ['delete', 'group', 'G-DEL'],
    ]);
    expect(changes[0]?.data).toEqual(group);
    const inactive = await t.api.get<PageOf<StationGroup>>('/api/v1/station-groups?active=false&q=G-DEL');
    expect(inactive.body.items.map((g) => g.code)).toEqual(['G-DEL']);
    const active = await t.api.get<PageOf<StationGroup>>('/api/v1/station-groups?active=true&q=G-DEL');
    expect(active.body.items).toEqual([]);
  });

  it('refuses to deactivate a group that still has active stations, by DELETE or PATCH', async () => {
    const group = await createGroup(t, 'G-BUSY', { storeCode: 'SP01', priceListCode: 'VAREJO' });
    const { body: station } = await t.api.post<Station>('/api/v1/stations', {
      code: 'BUSY-01',
      name: 'Caixa 1',
      groupCode: 'G-BUSY',
    });
    const del = await t.api.delete<Problem>(`/api/v1/station-groups/${group.id}`);
    expect(del.status).toBe(409);
    expect(del.body.code).toBe('conflict');
    expect(del.body.detail).toContain('BUSY-01');
    expect(del.body.detail).toMatch(/Move them to another group or deactivate them/);
    const patch = await t.api.patch<Problem>(`/api/v1/station-groups/${group.id}`, {
      active: false,
      name: 'x',
    });
    expect(patch.status).toBe(409);
    expect((await t.api.get<StationGroup>(`/api/v1/station-groups/${group.id}`)).body).toEqual(group);

    await t.api.delete(`/api/v1/stations/${station.id}`);
    const after = await t.api.delete<StationGroup>(`/api/v1/station-groups/${group.id}`);
    expect(after.status).toBe(200);
  });

  it('sends a resync to every station of the group when its store or price list changes', async () => {
    const group = await createGroup(t, 'G-MOVE', { storeCode: 'SP01', priceListCode: 'VAREJO' });
    const stations: Station[] = [];
    for (const code of ['MV-01', 'MV-02']) {
      stations.push(
        (await t.api.post<Station>('/api/v1/stations', { code, name: code, groupCode: 'G-MOVE' })).body,
      );
    }
    const other = await t.api.post<Station>('/api/v1/stations', {
      code: 'MV-XX',
      name: 'x',
      groupCode: 'G-DEF',
    });

    await t.api.patch(`/api/v1/station-groups/${group.id}`, { name: 'Só o nome', syncIntervalSeconds: 30 });
    for (const s of stations) expect(await pendingResyncs(s.id)).toBe(0);

    const moved = await t.api.patch<StationGroup>(`/api/v1/station-groups/${group.id}`, {
      storeCode: 'RJ01',
    });
    expect(moved.body.storeCode).toBe('RJ01');
    for (const s of stations) expect(await pendingResyncs(s.id)).toBe(1);

    await t.api.patch(`/api/v1/station-groups/${group.id}`, { priceListCode: 'ATACADO' });
    for (const s of stations) expect(await pendingResyncs(s.id)).toBe(2);
    expect(await pendingResyncs(other.body.id)).toBe(0);

    const audit = await auditOf(t, group.id);
    expect(audit.at(-1)).toMatchObject({
      action: 'stationGroup.update',
      before: { priceListCode: 'VAREJO' },
      after: { priceListCode: 'ATACADO' },
      details: { resyncStations: 2 },
    });
  });

  it('filters by store and price list, searches by name, and pages without repeats', async () => {
    for (let i = 0; i < 5; i += 1) {
      await createGroup(t, `PG${i}`, { storeCode: i % 2 ? 'RJ01' : 'SP01', priceListCode: 'ATACADO' });
    }
    const rj = await t.api.get<PageOf<StationGroup>>('/api/v1/station-groups?storeCode=RJ01&q=PG');
    expect(rj.body.items.map((g) => g.code)).toEqual(['PG1', 'PG3']);
    const byList = await t.api.get<PageOf<StationGroup>>('/api/v1/station-groups?priceListCode=ATACADO&q=PG');
    expect(byList.body.items).toHaveLength(5);
    const byName = await t.api.get<PageOf<StationGroup>>('/api/v1/station-groups?q=grupo%20pg3');
    expect(byName.body.items.map((g) => g.code)).toEqual(['PG3']);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/station-groups?q=PG&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { body: PageOf<StationGroup> } = await t.api.get<PageOf<StationGroup>>(url);
      seen.push(...page.body.items.map((g) => g.code));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['PG0', 'PG1', 'PG2', 'PG3', 'PG4']);
  });

  it('lets an auditor read but not write', async () => {
    const auditor = await loginAs(t, 'auditor-groups', 'auditor');
    expect((await auditor.get('/api/v1/station-groups')).status).toBe(200);
    const write = await auditor.post<Problem>('/api/v1/station-groups', { code: 'G-AUD', ...base });
    expect(write.status).toBe(403);
    expect(write.body.code).toBe('forbidden');
  });

  it('answers not_found for an unknown id', async () => {
    const missing = await t.api.get<Problem>('/api/v1/station-groups/01890000-0000-7000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not_found');
  });
});
